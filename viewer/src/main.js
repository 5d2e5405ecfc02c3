// kgraph's offline viewer: the page's entry point. Decodes the whole graph (data.js), hands
// sigma.js a graphology graph of the display layer (or of a focused neighbourhood), and keeps
// the view in the URL hash. window.kgraph is the scripting API (viewer/README.md).
import Graph from "graphology";
import Sigma from "sigma";
import { GraphData } from "./data.js";

const palette = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
  "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b",
];
const kindColors = ["#9aa0a6", "#4e79a7", "#59a14f", "#e15759"];
const edgeKindColors = ["#7f8fa6", "#b07aa1", "#59a14f", "#f28e2b", "#c8c8c8", "#76b7b2", "#edc948"];
// Drawn edges are light (opaque: sigma's blending of translucent colours tints them), so that
// thousands of them read as density, not as a grey disc.
const edgeKindDrawColors = ["#aab5c6", "#d6bbd0", "#acd3a4", "#f6c28f", "#e0e0e0", "#b8dcd9", "#f2dfa0"];
const labelFont =
  'system-ui, "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans Arabic", "Noto Naskh Arabic", sans-serif';

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") e.className = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c);
  return e;
}

function hexColor(rgb) {
  return "#" + rgb.toString(16).padStart(6, "0");
}

function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function number(x) {
  return Number.isInteger(x) ? x.toLocaleString("en") : x.toPrecision(4);
}

/** What the viewer asks of sigma, doing nothing: the renderer of a browser without WebGL. */
class NoRenderer {
  constructor() {
    this.camera = { state: { x: 0.5, y: 0.5, ratio: 1, angle: 0 }, on() {}, getState() { return this.state; }, setState(s) { Object.assign(this.state, s); } };
  }
  on() {}
  refresh() {}
  setGraph() {}
  getCamera() { return this.camera; }
  getNodeDisplayData() { return { x: 0, y: 0, size: 1, color: "#888", label: "" }; }
  framedGraphToViewport() { return { x: 0, y: 0 }; }
  scaleSize(size) { return size; }
  getNodeDisplayedLabels() { return new Set(); }
  getDimensions() { return { width: 0, height: 0 }; }
  getCanvases() { return {}; }
}

class Viewer {
  constructor(data, root) {
    this.data = data;
    this.root = root;
    this.state = {
      node: -1,
      depth: 1,
      direction: "both",
      kinds: new Set(data.edgeKinds.map((_, i) => i)),
      minWeight: 1,
      colorBy: data.color ? "community" : "kind",
      sizeBy: data.size ? "pagerank" : "degree",
      hiddenKinds: new Set(), // node kinds filtered out through the legend
      hiddenCommunities: new Set(),
    };
    this.hovered = null;
    // What kgraph chose for the display layer (--view-nodes, --view-edges) bounds a focus too.
    this.maxNodes = data.header.display_max_nodes;
    this.maxEdges = data.header.display_max_edges;
    // A neighbourhood draws at most 5,000 nodes (the highest-ranked): more is a disc, and slow.
    this.maxFocusNodes = Math.min(this.maxNodes, 5000);
    this.buildPage();
    this.graph = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
    this.hoverNeighbours = new Set();
    try {
      this.renderer = new Sigma(this.graph, this.canvasBox, {
        labelFont,
        labelSize: 13,
        labelDensity: 0.6,
        labelRenderedSizeThreshold: 5,
        hideEdgesOnMove: data.m > 200000,
        defaultEdgeType: "line",
        zIndex: true,
        nodeReducer: (node, attrs) => this.reduceNode(node, attrs),
        edgeReducer: (edge, attrs) => this.reduceEdge(edge, attrs),
      });
    } catch (error) {
      // No WebGL (some headless or locked-down browsers): no drawing, but search, the node
      // panel, neighbourhoods and the URL state still work.
      this.renderer = new NoRenderer();
      this.canvasBox.append(el("p", { class: "kg-no-webgl", id: "kg-no-webgl" }, "This browser gives the page no WebGL, so the graph is not drawn (" + error.message + "). Search and the node panel work."));
    }
    this.renderer.on("clickNode", ({ node }) => this.focus(Number(node)));
    this.renderer.on("enterNode", ({ node }) => this.hover(node));
    this.renderer.on("leaveNode", () => this.hover(null));
    this.renderer.getCamera().on("updated", () => this.saveStateSoon());
  }

  // ---- page -------------------------------------------------------------------------------
  buildPage() {
    const d = this.data;
    this.canvasBox = el("div", { class: "kg-canvas", id: "kg-canvas" });
    this.searchBox = el("input", { type: "search", id: "kg-search", placeholder: "Search labels and keys", autocomplete: "off" });
    this.searchBox.addEventListener("input", () => this.showSearch(this.searchBox.value));
    // Enter shows the best hit's neighbourhood, wherever it is (in the display layer or not).
    this.searchBox.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      const hits = this.data.search(this.searchBox.value);
      if (hits.length > 0) this.focus(hits[0]);
    });
    this.results = el("ol", { class: "kg-results", id: "kg-results" });
    this.panel = el("div", { class: "kg-panel", id: "kg-panel" });
    this.status = el("div", { class: "kg-status", id: "kg-status" });
    const depth = el("select", { id: "kg-depth", title: "steps around the selected node" });
    for (const v of [1, 2, 3]) depth.append(el("option", { value: String(v) }, "depth " + v));
    depth.addEventListener("change", () => this.setFocusOptions({ depth: Number(depth.value) }));
    const direction = el("select", { id: "kg-direction" });
    for (const v of ["both", "out", "in"]) direction.append(el("option", { value: v }, v));
    direction.addEventListener("change", () => this.setFocusOptions({ direction: direction.value }));
    this.depthSelect = depth;
    this.directionSelect = direction;
    const kindBox = el("div", { class: "kg-kinds", id: "kg-kinds" });
    this.kindInputs = d.edgeKinds.map((name, i) => {
      const input = el("input", { type: "checkbox", "data-kind": name });
      input.checked = true;
      input.addEventListener("change", () => {
        const kinds = new Set(this.state.kinds);
        if (input.checked) kinds.add(i);
        else kinds.delete(i);
        this.setFocusOptions({ kinds });
      });
      const count = el("span", { class: "kg-count", "data-kind-count": name });
      kindBox.append(el("label", {}, input, el("span", { class: "kg-swatch", style: `background:${edgeKindColors[i]}` }), " " + name + " ", count));
      return { input, count };
    });
    let maxWeight = 1;
    for (let e = 0; e < d.m; e++) if (d.weight[e] > maxWeight) maxWeight = d.weight[e];
    this.weightSlider = el("input", { type: "range", id: "kg-weight", min: "1", max: String(Math.min(maxWeight, 100)), value: "1" });
    this.weightLabel = el("span", {}, "min weight 1");
    this.weightSlider.addEventListener("input", () => this.setFocusOptions({ minWeight: Number(this.weightSlider.value) }));
    const attributes = ["kind", ...(d.color ? ["community"] : []), ...d.metricNames.filter((n) => n !== "community"), "degree"];
    const colorBy = el("select", { id: "kg-color-by" });
    const sizeBy = el("select", { id: "kg-size-by" });
    for (const a of attributes) colorBy.append(el("option", { value: a }, "colour: " + a));
    for (const a of ["pagerank", "degree", ...d.metricNames.filter((n) => n !== "pagerank" && n !== "community" && n !== "component")])
      if (a !== "pagerank" || d.metrics.pagerank) sizeBy.append(el("option", { value: a }, "size: " + a));
    colorBy.value = this.state.colorBy;
    sizeBy.value = this.state.sizeBy;
    colorBy.addEventListener("change", () => this.setStyle({ colorBy: colorBy.value }));
    sizeBy.addEventListener("change", () => this.setStyle({ sizeBy: sizeBy.value }));
    this.colorSelect = colorBy;
    this.sizeSelect = sizeBy;
    this.legend = el("div", { class: "kg-legend", id: "kg-legend" });
    const exports = el(
      "div",
      { class: "kg-exports" },
      el("button", { id: "kg-png", onclick: () => this.exportPng() }, "PNG"),
      el("button", { id: "kg-svg", onclick: () => this.exportSvg() }, "SVG"),
      el("button", { id: "kg-json", onclick: () => this.exportJson() }, "JSON"),
      el("button", { id: "kg-reset", onclick: () => this.reset() }, "whole graph"),
    );
    const side = el(
      "aside",
      { class: "kg-side" },
      el("h1", {}, "kgraph"),
      this.searchBox,
      this.results,
      el("div", { class: "kg-controls" }, depth, direction, this.weightSlider, this.weightLabel),
      kindBox,
      el("div", { class: "kg-controls" }, colorBy, sizeBy),
      this.legend,
      exports,
      this.panel,
    );
    this.root.append(side, el("main", { class: "kg-main" }, this.canvasBox, this.status));
  }

  // ---- what is drawn ----------------------------------------------------------------------
  nodeAttributes(v) {
    const d = this.data;
    const angle = v * 2.399963;
    const radius = Math.sqrt(v + 1);
    return {
      x: d.x ? d.x[v] : radius * Math.cos(angle),
      y: d.y ? d.y[v] : radius * Math.sin(angle),
      label: d.label(v),
      size: 2,
      color: "#888",
      zIndex: 1,
    };
  }

  /**
   * Replaces the drawn graph by nodes (ids) and the edges among them (ids). A new graphology
   * graph handed over whole: filling the one sigma listens to costs an event per element.
   */
  show(nodes, edges) {
    const d = this.data;
    const g = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
    const style = this.styler(nodes);
    for (const v of nodes) g.addNode(String(v), Object.assign(this.nodeAttributes(v), style(v)));
    for (const e of edges) {
      const s = String(d.source[e]);
      const t = String(d.target[e]);
      if (g.hasNode(s) && g.hasNode(t))
        g.addDirectedEdgeWithKey(String(e), s, t, { size: Math.min(0.5 + Math.log2(d.weight[e]) * 0.5, 4), color: edgeKindDrawColors[d.edgeKind[e]], kind: d.edgeKind[e] });
    }
    this.graph = g;
    this.hovered = null;
    this.renderer.setGraph(g);
    this.updateLegend();
    this.updateStatus();
  }

  /**
   * The edges among `nodes` (a Set of ids) that pass the kind and weight filters: every edge of
   * `centre`, then the heaviest of the others, up to ten a node (and the display layer's cap),
   * so that a neighbourhood stays readable.
   */
  edgesAmong(nodes, centre) {
    const d = this.data;
    const own = [];
    const rest = [];
    const passes = (e) => this.state.kinds.has(d.edgeKind[e]) && d.weight[e] >= this.state.minWeight;
    for (const v of nodes)
      for (let e = d.row[v]; e < d.row[v + 1]; e++)
        if (nodes.has(d.target[e]) && passes(e)) (v === centre || d.target[e] === centre ? own : rest).push(e);
    const budget = Math.max(0, Math.min(this.maxEdges, 10 * nodes.size) - own.length);
    if (rest.length > budget) {
      rest.sort((a, b) => d.weight[b] - d.weight[a] || a - b);
      rest.length = budget;
    }
    return own.concat(rest);
  }

  styleValue(attribute, v) {
    const d = this.data;
    if (attribute === "degree") return d.row[v + 1] - d.row[v] + d.inRow[v + 1] - d.inRow[v];
    if (attribute === "kind") return d.kind[v];
    return d.metrics[attribute] ? d.metrics[attribute][v] : 0;
  }

  /** A function giving each of `nodes` (ids) its size and colour under the chosen attributes. */
  styler(nodes) {
    const d = this.data;
    const { colorBy, sizeBy } = this.state;
    let top = 0;
    for (const v of nodes) top = Math.max(top, this.styleValue(sizeBy, v));
    let low = Infinity;
    let high = -Infinity;
    const categorical = colorBy === "kind" || colorBy === "community" || colorBy === "component";
    if (!categorical)
      for (const v of nodes) {
        const x = this.styleValue(colorBy, v);
        low = Math.min(low, x);
        high = Math.max(high, x);
      }
    return (v) => {
      const size = sizeBy === "pagerank" && d.size ? d.size[v] / 4 : top > 0 ? 1 + 9 * Math.sqrt(this.styleValue(sizeBy, v) / top) : 2;
      let color;
      if (colorBy === "kind") color = kindColors[d.kind[v]];
      else if (colorBy === "community" && d.color) color = hexColor(d.color[v]);
      else if (categorical) color = palette[this.styleValue(colorBy, v) % palette.length];
      else {
        const t = high > low ? (this.styleValue(colorBy, v) - low) / (high - low) : 0;
        color = `hsl(${Math.round(220 - 200 * Math.sqrt(t))}, 70%, 45%)`;
      }
      return { size: Math.max(size, 1), color, zIndex: v === this.state.node ? 2 : 1 };
    };
  }

  applyStyle() {
    const style = this.styler(this.graph.nodes().map(Number));
    this.graph.updateEachNodeAttributes((node, attrs) => Object.assign(attrs, style(Number(node))));
  }

  reduceNode(node, attrs) {
    const v = Number(node);
    const d = this.data;
    const st = this.state;
    if (st.hiddenKinds.has(d.kind[v]) || (st.hiddenCommunities.size && d.metrics.community && st.hiddenCommunities.has(d.metrics.community[v])))
      return { ...attrs, hidden: true };
    if (this.hovered !== null && node !== this.hovered && !this.hoverNeighbours.has(node)) return { ...attrs, color: "#e4e4e4", label: "", zIndex: 0 };
    if (node === this.hovered || v === st.node) return { ...attrs, highlighted: true, forceLabel: true, zIndex: 2 };
    // A small view (a neighbourhood) labels every node.
    if (this.graph.order <= 150) return { ...attrs, forceLabel: true };
    return attrs;
  }

  reduceEdge(edge, attrs) {
    if (this.hovered !== null) {
      const g = this.graph;
      if (g.source(edge) !== this.hovered && g.target(edge) !== this.hovered) return { ...attrs, hidden: true };
    }
    return attrs;
  }

  hover(node) {
    this.hovered = node;
    this.hoverNeighbours = node === null ? new Set() : new Set(this.graph.neighbors(node));
    this.renderer.refresh({ skipIndexation: true });
  }

  // ---- actions ----------------------------------------------------------------------------
  reset() {
    this.state.node = -1;
    const d = this.data;
    const nodes = Array.from(d.displayNodes);
    const set = new Set(nodes);
    this.show(nodes, Array.from(d.displayEdges).filter((e) => set.has(d.source[e]) && set.has(d.target[e]) && this.state.kinds.has(d.edgeKind[e]) && d.weight[e] >= this.state.minWeight));
    this.panel.replaceChildren();
    this.updateKindCounts(-1);
    this.renderer.refresh();
    this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.saveState();
  }

  /** Shows the neighbourhood of node v; returns the node ids drawn. */
  focus(v, options = {}) {
    Object.assign(this.state, options);
    const d = this.data;
    const st = this.state;
    st.node = v;
    let nodes = d.neighbourhood(v, st.depth, st.kinds, st.direction, st.minWeight);
    this.lastNeighbourhood = nodes.length;
    if (nodes.length > this.maxFocusNodes) {
      const rest = nodes.slice(1).sort((a, b) => d.rank[b] - d.rank[a] || a - b);
      nodes = [v, ...rest.slice(0, this.maxFocusNodes - 1)];
    }
    const set = new Set(nodes);
    this.show(nodes, this.edgesAmong(set, v));
    this.showPanel(v);
    this.updateKindCounts(v);
    this.syncControls();
    this.renderer.refresh(); // indexes the new graph: display data in framed coordinates
    this.renderer.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 }); // the whole neighbourhood
    this.saveState();
    return nodes;
  }

  setFocusOptions(options) {
    Object.assign(this.state, options);
    this.weightLabel.textContent = "min weight " + this.state.minWeight;
    if (this.state.node >= 0) this.focus(this.state.node);
    else this.reset();
  }

  setStyle(options) {
    Object.assign(this.state, options);
    this.applyStyle();
    this.updateLegend();
    this.renderer.refresh();
    this.saveState();
  }

  syncControls() {
    const st = this.state;
    this.depthSelect.value = String(st.depth);
    this.directionSelect.value = st.direction;
    this.kindInputs.forEach(({ input }, i) => (input.checked = st.kinds.has(i)));
    this.weightSlider.value = String(st.minWeight);
    this.weightLabel.textContent = "min weight " + st.minWeight;
    this.colorSelect.value = st.colorBy;
    this.sizeSelect.value = st.sizeBy;
  }

  /** Per edge kind, how many edges of the focused node there are in the chosen direction. */
  updateKindCounts(v) {
    const counts = new Array(this.data.edgeKinds.length).fill(0);
    if (v < 0) for (let e = 0; e < this.data.m; e++) counts[this.data.edgeKind[e]]++;
    else this.data.forEachEdge(v, this.state.direction, (e) => counts[this.data.edgeKind[e]]++);
    this.kindInputs.forEach(({ count }, i) => (count.textContent = counts[i] ? "(" + counts[i].toLocaleString("en") + ")" : ""));
  }

  showSearch(text) {
    const hits = this.data.search(text);
    this.results.replaceChildren();
    for (const v of hits.slice(0, 50)) {
      this.results.append(el("li", { "data-key": this.data.key(v), onclick: () => this.focus(v) }, this.data.label(v), el("small", {}, " " + this.data.nodeKinds[this.data.kind[v]])));
    }
    if (hits.length > 50) this.results.append(el("li", { class: "kg-more" }, `… ${hits.length - 50} more`));
    return hits;
  }

  showPanel(v) {
    const d = this.data;
    const rows = [
      ["key", d.key(v)],
      ["kind", d.nodeKinds[d.kind[v]]],
    ];
    if (d.lang[v]) rows.push(["lang", d.langs[d.lang[v]]]);
    for (const name of d.metricNames) rows.push([name, number(d.metrics[name][v])]);
    const table = el("table", {}, ...rows.map(([k, val]) => el("tr", {}, el("th", {}, k), el("td", {}, String(val)))));
    const groups = new Map();
    d.forEachEdge(v, "both", (e, u, outgoing) => {
      const name = d.edgeKinds[d.edgeKind[e]] + (outgoing ? " →" : " ←");
      if (!groups.has(name)) groups.set(name, []);
      groups.get(name).push({ e, u });
    });
    const lists = [];
    for (const [name, items] of [...groups].sort()) {
      items.sort((a, b) => d.weight[b.e] - d.weight[a.e] || a.u - b.u);
      const list = el("ol", {});
      for (const { e, u } of items.slice(0, 100)) {
        const item = el("li", { "data-key": d.key(u), "data-edge": String(e), onclick: () => this.focus(u) }, d.label(u), el("small", {}, " ×" + d.weight[e]));
        // Why they are connected: the passages behind the edge, the names marked.
        for (const passage of d.evidenceOf(e)) {
          const quote = el("blockquote", { class: "kg-evidence" });
          for (const piece of passage.pieces) quote.append(piece.mark ? el("mark", {}, piece.text) : piece.text);
          quote.append(el("small", { class: "kg-where" }, " — " + passage.where));
          item.append(quote);
        }
        list.append(item);
      }
      if (items.length > 100) list.append(el("li", { class: "kg-more" }, `… ${items.length - 100} more`));
      lists.push(el("details", { open: "" }, el("summary", {}, `${name} (${items.length.toLocaleString("en")})`), list));
    }
    this.panel.replaceChildren(el("h2", {}, d.label(v)), table, ...lists);
  }

  updateLegend() {
    const d = this.data;
    const st = this.state;
    const items = [];
    if (!this.kindCounts) {
      // whole-graph counts, once
      this.kindCounts = new Array(d.nodeKinds.length).fill(0);
      for (let v = 0; v < d.n; v++) this.kindCounts[d.kind[v]]++;
      if (d.metrics.community && d.color) {
        const sizes = new Map();
        for (let v = 0; v < d.n; v++) sizes.set(d.metrics.community[v], (sizes.get(d.metrics.community[v]) || 0) + 1);
        this.topCommunities = [...sizes].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 12);
        this.communityColor = new Map();
        for (let v = 0; v < d.n && this.communityColor.size < sizes.size; v++)
          if (!this.communityColor.has(d.metrics.community[v])) this.communityColor.set(d.metrics.community[v], hexColor(d.color[v]));
      }
    }
    const kindCounts = this.kindCounts;
    d.nodeKinds.forEach((name, k) => {
      if (!kindCounts[k]) return;
      items.push(
        el(
          "li",
          { class: st.hiddenKinds.has(k) ? "kg-off" : "", "data-node-kind": name, onclick: () => this.toggle(st.hiddenKinds, k) },
          el("span", { class: "kg-swatch", style: `background:${kindColors[k]}` }),
          ` ${name} ${kindCounts[k].toLocaleString("en")}`,
        ),
      );
    });
    if (this.topCommunities) {
      for (const [c, count] of this.topCommunities) {
        items.push(
          el(
            "li",
            { class: st.hiddenCommunities.has(c) ? "kg-off" : "", "data-community": String(c), onclick: () => this.toggle(st.hiddenCommunities, c) },
            el("span", { class: "kg-swatch", style: `background:${this.communityColor.get(c)}` }),
            ` community ${c}: ${count.toLocaleString("en")}`,
          ),
        );
      }
    }
    this.legend.replaceChildren(el("ul", {}, ...items));
  }

  toggle(set, value) {
    if (set.has(value)) set.delete(value);
    else set.add(value);
    this.updateLegend();
    this.renderer.refresh();
    this.saveState();
  }

  updateStatus() {
    const d = this.data;
    const shown = `${this.graph.order.toLocaleString("en")} of ${d.n.toLocaleString("en")} nodes, ${this.graph.size.toLocaleString("en")} of ${d.m.toLocaleString("en")} edges shown`;
    const cut = this.state.node >= 0 && this.lastNeighbourhood > this.maxFocusNodes ? ` (neighbourhood ${this.lastNeighbourhood.toLocaleString("en")}: the highest-ranked shown)` : "";
    this.status.textContent = shown + cut;
  }

  visible() {
    const d = this.data;
    const st = this.state;
    return this.graph
      .nodes()
      .map(Number)
      .filter((v) => !st.hiddenKinds.has(d.kind[v]) && !(st.hiddenCommunities.size && d.metrics.community && st.hiddenCommunities.has(d.metrics.community[v])));
  }

  // ---- exports ----------------------------------------------------------------------------
  exportPng() {
    const r = this.renderer;
    r.refresh();
    const { width, height } = r.getDimensions();
    if (!width || !height) return Promise.resolve(0); // nothing drawn (no WebGL)
    const ratio = window.devicePixelRatio || 1;
    const canvas = el("canvas", { width: String(width * ratio), height: String(height * ratio) });
    const ctx = canvas.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    for (const layer of ["edges", "nodes", "edgeLabels", "labels", "hovers", "hoverNodes"]) {
      const c = r.getCanvases()[layer];
      if (c) ctx.drawImage(c, 0, 0, canvas.width, canvas.height);
    }
    return new Promise((resolve) =>
      canvas.toBlob((blob) => {
        download("kgraph-view.png", blob);
        resolve(blob.size);
      }, "image/png"),
    );
  }

  svgText() {
    const r = this.renderer;
    const { width, height } = r.getDimensions();
    const esc = (s) => s.replace(/[<>&"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;" })[c]);
    const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`, `<rect width="100%" height="100%" fill="#fff"/>`];
    const visible = new Set(this.visible().map(String));
    const at = (node) => r.framedGraphToViewport(r.getNodeDisplayData(node));
    this.graph.forEachEdge((edge, attrs, s, t) => {
      if (!visible.has(s) || !visible.has(t)) return;
      const a = at(s);
      const b = at(t);
      parts.push(`<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${attrs.color}" stroke-width="${attrs.size.toFixed(2)}" stroke-opacity="0.6"/>`);
    });
    this.graph.forEachNode((node) => {
      if (!visible.has(node)) return;
      const dd = r.getNodeDisplayData(node);
      const p = at(node);
      const size = r.scaleSize(dd.size);
      parts.push(`<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="${size.toFixed(2)}" fill="${dd.color}"><title>${esc(dd.label || "")}</title></circle>`);
    });
    for (const node of r.getNodeDisplayedLabels()) {
      if (!visible.has(node)) continue;
      const dd = r.getNodeDisplayData(node);
      const p = at(node);
      parts.push(`<text x="${(p.x + r.scaleSize(dd.size) + 3).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-family="${esc(labelFont)}" font-size="13">${esc(dd.label || "")}</text>`);
    }
    parts.push("</svg>\n");
    return parts.join("\n");
  }

  exportSvg() {
    const text = this.svgText();
    download("kgraph-view.svg", new Blob([text], { type: "image/svg+xml" }));
    return text;
  }

  exportJson() {
    const d = this.data;
    const visible = new Set(this.visible().map(String));
    const nodes = [...visible].map((key) => {
      const v = Number(key);
      const attributes = { label: d.label(v), kind: d.nodeKinds[d.kind[v]], x: this.graph.getNodeAttribute(key, "x"), y: this.graph.getNodeAttribute(key, "y") };
      for (const name of d.metricNames) attributes[name] = d.metrics[name][v];
      return { key: d.key(v), attributes };
    });
    const edges = [];
    this.graph.forEachEdge((edge, attrs, s, t) => {
      if (!visible.has(s) || !visible.has(t)) return;
      const e = Number(edge);
      edges.push({ key: "e" + e, source: d.key(d.source[e]), target: d.key(d.target[e]), attributes: { kind: d.edgeKinds[d.edgeKind[e]], weight: d.weight[e], articles: d.articles[e] } });
    });
    const text = JSON.stringify({ attributes: { name: "kgraph view" }, options: { type: "directed", multi: true, allowSelfLoops: true }, nodes, edges });
    download("kgraph-view.graphology.json", new Blob([text], { type: "application/json" }));
    return text;
  }

  // ---- URL state --------------------------------------------------------------------------
  stateString() {
    const st = this.state;
    const d = this.data;
    const p = new URLSearchParams();
    if (st.node >= 0) p.set("node", d.key(st.node));
    if (st.depth !== 1) p.set("depth", String(st.depth));
    if (st.direction !== "both") p.set("dir", st.direction);
    if (st.kinds.size !== d.edgeKinds.length) p.set("kinds", [...st.kinds].sort().map((k) => d.edgeKinds[k]).join(","));
    if (st.minWeight !== 1) p.set("weight", String(st.minWeight));
    if (st.colorBy !== (d.color ? "community" : "kind")) p.set("color", st.colorBy);
    if (st.sizeBy !== (d.size ? "pagerank" : "degree")) p.set("size", st.sizeBy);
    if (st.hiddenKinds.size) p.set("hide", [...st.hiddenKinds].sort().map((k) => d.nodeKinds[k]).join(","));
    if (st.hiddenCommunities.size) p.set("hidec", [...st.hiddenCommunities].sort((a, b) => a - b).join(","));
    const c = this.renderer.getCamera().getState();
    p.set("cam", [c.x, c.y, c.ratio].map((x) => x.toFixed(4)).join(","));
    return "#" + p.toString();
  }

  saveState() {
    const s = this.stateString();
    if (location.hash !== s) history.replaceState(null, "", s);
  }

  saveStateSoon() {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveState(), 200);
  }

  restore(hash) {
    const d = this.data;
    const p = new URLSearchParams(hash.replace(/^#/, ""));
    const st = this.state;
    const kindIndex = (names, list) => new Set(list.split(",").map((k) => names.indexOf(k)).filter((i) => i >= 0));
    if (p.has("depth")) st.depth = Math.min(3, Math.max(1, Number(p.get("depth")) || 1));
    if (p.has("dir") && ["in", "out", "both"].includes(p.get("dir"))) st.direction = p.get("dir");
    if (p.has("kinds")) st.kinds = kindIndex(d.edgeKinds, p.get("kinds"));
    if (p.has("weight")) st.minWeight = Math.max(1, Number(p.get("weight")) || 1);
    if (p.has("color")) st.colorBy = p.get("color");
    if (p.has("size")) st.sizeBy = p.get("size");
    if (p.has("hide")) st.hiddenKinds = kindIndex(d.nodeKinds, p.get("hide"));
    if (p.has("hidec")) st.hiddenCommunities = new Set(p.get("hidec").split(",").map(Number));
    this.syncControls();
    const v = p.has("node") ? d.nodeOf(p.get("node")) : -1;
    if (v >= 0) this.focus(v);
    else this.reset();
    if (p.has("cam")) {
      const [x, y, ratio] = p.get("cam").split(",").map(Number);
      if ([x, y, ratio].every(Number.isFinite)) this.renderer.getCamera().setState({ x, y, ratio });
    }
    this.saveState();
  }
}

async function start() {
  const t0 = performance.now();
  const data = await GraphData.fromScript(document.getElementById("kg-data"));
  const t1 = performance.now();
  const viewer = new Viewer(data, document.getElementById("kg-app"));
  viewer.restore(location.hash);
  const t2 = performance.now();
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  // page: from the start of navigation to this script (reading and parsing the page)
  Object.assign(data.timings, { page: t0, viewer: t2 - t1, firstFrame: performance.now() - t2 });
  const keys = (ids) => ids.map((v) => data.key(v));
  const kindSet = (kinds) => (kinds ? new Set(kinds.map((k) => data.edgeKinds.indexOf(k)).filter((i) => i >= 0)) : new Set(data.edgeKinds.map((_, i) => i)));
  const api = window.kgraph;
  Object.assign(api, {
    loadMs: performance.now() - t0,
    timings: data.timings,
    counts: () => ({ nodes: data.n, edges: data.m }),
    search: (text) => keys(viewer.showSearch(text)),
    focus: (key, depth = 1, kinds, direction = "both") => {
      const v = data.nodeOf(key);
      if (v < 0) throw new Error("no node with key " + JSON.stringify(key));
      return keys(viewer.focus(v, { depth, kinds: kindSet(kinds), direction }));
    },
    neighbourhood: (key, depth = 1, kinds, direction = "both") => {
      const v = data.nodeOf(key);
      return v < 0 ? [] : keys(data.neighbourhood(v, depth, kindSet(kinds), direction));
    },
    visible: () => keys(viewer.visible()),
    evidence: (source, target, kind) => {
      const s = data.nodeOf(source);
      const t = data.nodeOf(target);
      const k = data.edgeKinds.indexOf(kind);
      if (s < 0 || t < 0 || k < 0) return [];
      for (let e = data.row[s]; e < data.row[s + 1]; e++)
        if (data.target[e] === t && data.edgeKind[e] === k)
          return data.evidenceOf(e).map((p) => ({ text: p.text, where: p.where, marks: p.pieces.filter((x) => x.mark).map((x) => x.text) }));
      return [];
    },
    highlighted: () => (viewer.hovered === null ? [] : [viewer.hovered, ...viewer.hoverNeighbours].map((v) => data.key(Number(v)))),
    position: (key) => {
      const v = data.nodeOf(key);
      const shown = v >= 0 && viewer.graph.hasNode(String(v));
      if (!shown) return null;
      const p = viewer.renderer.framedGraphToViewport(viewer.renderer.getNodeDisplayData(String(v)));
      const box = viewer.canvasBox.getBoundingClientRect();
      return { x: box.left + p.x, y: box.top + p.y };
    },
    state: () => viewer.stateString(),
    reset: () => viewer.reset(),
    exportPng: () => viewer.exportPng(),
    exportSvg: () => viewer.exportSvg(),
    exportJson: () => viewer.exportJson(),
  });
  window.addEventListener("hashchange", () => {
    if (location.hash !== viewer.stateString()) viewer.restore(location.hash);
  });
  api.resolveReady();
  // The search index is built while the page is idle, so that the first keystroke is quick too.
  const idle = window.requestIdleCallback || ((f) => setTimeout(f, 50));
  idle(() => data.buildSearchIndex());
}

// `ready` exists before anything loads, so a script may await it at once.
{
  let resolveReady;
  let rejectReady;
  const ready = new Promise((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  window.kgraph = { ready, resolveReady: () => resolveReady(window.kgraph) };
  start().catch((error) => {
    document.getElementById("kg-app").textContent = "kgraph: this page could not be opened: " + error.message;
    rejectReady(error);
  });
}
