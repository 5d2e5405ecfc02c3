// The whole graph of a kgraph page: decodes the payload that exporters/html_writer.cpp packs
// (base64 → deflate → "KGV1", header, 8-byte aligned little-endian sections) into typed arrays,
// and answers what the view asks of it: texts, neighbourhoods, search. No DOM here.

const decoder = new TextDecoder();

function base64Bytes(text) {
  const s = text.trim();
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(s);
  const binary = atob(s);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

async function inflate(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const arrayTypes = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array, utf8: Uint8Array };

// One JS string for all texts plus the UTF-16 offset of each node's text (from byte offsets).
function textTable(bytes, byteOffsets) {
  const all = decoder.decode(bytes);
  const n = byteOffsets.length - 1;
  const offsets = new Uint32Array(n + 1);
  let units = 0;
  let node = 0;
  for (let i = 0; i <= bytes.length; i++) {
    while (node <= n && byteOffsets[node] === i) offsets[node++] = units;
    if (i === bytes.length) break;
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return { all, offsets, get: (v) => all.slice(offsets[v], offsets[v + 1]) };
}

/**
 * Folds text for search: compatibility forms (NFKC), case, diacritics, and with `han` (a
 * Map of Traditional to Simplified, from a --fold-han build) Chinese characters.
 */
export function fold(text, han = null) {
  const t = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .normalize("NFKC")
    .toLowerCase()
    .replace(/ß/g, "ss");
  if (!han || han.size === 0) return t;
  let out = "";
  for (const c of t) out += han.get(c) ?? c;
  return out;
}

export class GraphData {
  constructor(raw) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    if (decoder.decode(raw.subarray(0, 4)) !== "KGV1") throw new Error("not a kgraph payload");
    const headerLength = view.getUint32(4, true);
    this.header = JSON.parse(decoder.decode(raw.subarray(8, 8 + headerLength)));
    const base = raw.byteOffset + 8 + headerLength;
    const s = {};
    for (const sec of this.header.sections) {
      s[sec.name] = new arrayTypes[sec.type](raw.buffer, base + sec.offset, sec.count);
    }
    this.n = this.header.nodes;
    this.m = this.header.edges;
    this.edgeKinds = this.header.edge_kinds;
    this.nodeKinds = this.header.node_kinds;
    this.langs = this.header.langs;
    this.keys = textTable(s.keys, s.key_offsets);
    this.labels = textTable(s.labels, s.label_offsets);
    this.kind = s.node_kind;
    this.lang = s.node_lang;
    this.metricNames = this.header.metrics;
    this.metrics = {};
    for (const name of this.metricNames) this.metrics[name] = s[name];
    this.size = s.size || null;
    this.color = s.color || null;
    this.x = s.x || null;
    this.y = s.y || null;
    this.row = s.row;
    this.edgeKind = s.edge_kind;
    this.weight = s.weight;
    this.articles = s.articles;
    this.suspect = s.suspect;
    this.evidenceBytes = s.evidence || null;
    this.evidence = null;
    this.displayNodes = s.display_nodes;
    this.displayEdges = s.display_edges;
    // Absolute targets from the per-row differences.
    const target = new Uint32Array(this.m);
    const delta = s.target_delta;
    for (let v = 0; v < this.n; v++) {
      let t = 0;
      for (let e = this.row[v]; e < this.row[v + 1]; e++) target[e] = t += delta[e];
    }
    this.target = target;
    this.source = new Uint32Array(this.m);
    for (let v = 0; v < this.n; v++) this.source.fill(v, this.row[v], this.row[v + 1]);
    // Incoming edges: a second CSR by target (counting sort, edge order kept within a row).
    const inRow = new Uint32Array(this.n + 1);
    for (let e = 0; e < this.m; e++) inRow[target[e] + 1]++;
    for (let v = 0; v < this.n; v++) inRow[v + 1] += inRow[v];
    const fill = inRow.slice(0, this.n);
    const inEdge = new Uint32Array(this.m);
    for (let e = 0; e < this.m; e++) inEdge[fill[target[e]]++] = e;
    this.inRow = inRow;
    this.inEdge = inEdge;
    this.rank = this.metrics.pagerank || this.degreeRank();
    this.keyIndex = null;
    this.folded = null;
    this.han = new Map(Object.entries(this.header.han_fold || {}));
  }

  static async fromScript(element) {
    const t0 = performance.now();
    const packed = base64Bytes(element.textContent);
    const t1 = performance.now();
    const raw = await inflate(packed);
    const t2 = performance.now();
    const data = new GraphData(raw);
    data.timings = { base64: t1 - t0, inflate: t2 - t1, arrays: performance.now() - t2 };
    return data;
  }

  degreeRank() {
    const r = new Float64Array(this.n);
    for (let v = 0; v < this.n; v++) r[v] = this.row[v + 1] - this.row[v] + (this.inRow ? this.inRow[v + 1] - this.inRow[v] : 0);
    return r;
  }

  /**
   * The passages behind edge e (--evidence): [{text, where, marks: [[before, match, after]...]}]
   * split at the matched names, or [] when the page carries none for it.
   */
  evidenceOf(e) {
    if (!this.evidenceBytes) return [];
    if (!this.evidence) this.evidence = JSON.parse(decoder.decode(this.evidenceBytes));
    const list = this.evidence[e];
    if (!list) return [];
    const encoder = new TextEncoder();
    return list.map(([text, where, b1, e1, b2, e2]) => {
      const bytes = encoder.encode(text);
      const cut = (a, b) => decoder.decode(bytes.subarray(a, b));
      const spans = [[b1, e1]];
      if (e2 > 0) spans.push([b2, e2]);
      spans.sort((x, y) => x[0] - y[0]);
      // pieces: plain, marked, plain, marked, plain
      const pieces = [];
      let at = 0;
      for (const [from, to] of spans) {
        if (from < at) continue; // overlapping names: mark the first
        pieces.push({ text: cut(at, from), mark: false }, { text: cut(from, to), mark: true });
        at = to;
      }
      pieces.push({ text: cut(at, bytes.length), mark: false });
      return { text, where, pieces };
    });
  }

  key(v) {
    return this.keys.get(v);
  }
  label(v) {
    return this.labels.offsets[v] === this.labels.offsets[v + 1] ? this.keys.get(v) : this.labels.get(v);
  }
  nodeOf(key) {
    if (!this.keyIndex) {
      this.keyIndex = new Map();
      for (let v = 0; v < this.n; v++) this.keyIndex.set(this.key(v), v);
    }
    const v = this.keyIndex.get(key);
    return v === undefined ? -1 : v;
  }

  /** Calls f(edge, neighbour, outgoing) for each edge of v in the direction asked. */
  forEachEdge(v, direction, f) {
    if (direction !== "in") for (let e = this.row[v]; e < this.row[v + 1]; e++) f(e, this.target[e], true);
    if (direction !== "out")
      for (let i = this.inRow[v]; i < this.inRow[v + 1]; i++) {
        const e = this.inEdge[i];
        f(e, this.source[e], false);
      }
  }

  /**
   * The nodes within `depth` steps of `start` over edges whose kind is in `kinds` (a Set of
   * kind indices) and whose weight is at least `minWeight`, breadth first: node ids in the
   * order reached, the start first.
   */
  neighbourhood(start, depth, kinds, direction = "both", minWeight = 1) {
    const seen = new Uint8Array(this.n);
    const order = [start];
    seen[start] = 1;
    let frontier = [start];
    for (let d = 0; d < depth && frontier.length > 0; d++) {
      const next = [];
      for (const v of frontier) {
        this.forEachEdge(v, direction, (e, u) => {
          if (seen[u] || !kinds.has(this.edgeKind[e]) || this.weight[e] < minWeight) return;
          seen[u] = 1;
          next.push(u);
          order.push(u);
        });
      }
      frontier = next;
    }
    return order;
  }

  /**
   * The search index: each node's folded label and key, and each node's place in the order
   * hits of one score are given in (rank, then shorter text, then id). Built on the first
   * search, or ahead of it when the page is idle (main.js).
   */
  buildSearchIndex() {
    if (this.folded) return;
    const folded = new Array(this.n);
    for (let v = 0; v < this.n; v++) {
      const label = fold(this.label(v), this.han);
      const key = fold(this.key(v), this.han);
      folded[v] = key === label ? label : label + "\u0000" + key;
    }
    const rank = this.rank;
    const order = new Uint32Array(this.n);
    for (let v = 0; v < this.n; v++) order[v] = v;
    order.sort((a, b) => rank[b] - rank[a] || folded[a].length - folded[b].length || a - b);
    const place = new Uint32Array(this.n);
    for (let i = 0; i < this.n; i++) place[order[i]] = i;
    this.folded = folded;
    this.byRank = order;
    this.rankPlace = place;
  }

  /** Node ids whose label or key holds `text` (folded), best first. */
  search(text) {
    const q = fold(text.trim(), this.han);
    if (q.length === 0) return [];
    this.buildSearchIndex();
    const folded = this.folded;
    const place = this.rankPlace;
    // Each hit as one exact number, score * 2^32 + its place: a native numeric sort orders them.
    const hits = [];
    for (let v = 0; v < this.n; v++) {
      const f = folded[v];
      const at = f.indexOf(q);
      if (at < 0) continue;
      // exact label or key, a prefix, the start of a word, anywhere
      const exact = f.length === q.length || f.startsWith(q + "\u0000") || f.endsWith("\u0000" + q);
      const score = exact ? 0 : at === 0 ? 1 : /[\s\p{P}\u0000]/u.test(f[at - 1]) ? 2 : 3;
      hits.push(score * 4294967296 + place[v]);
    }
    const sorted = Float64Array.from(hits).sort();
    const out = new Array(sorted.length);
    for (let i = 0; i < sorted.length; i++) out[i] = this.byRank[sorted[i] % 4294967296];
    return out;
  }
}
