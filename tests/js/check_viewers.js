// Reads kgraph's viewer formats back with the libraries the viewers use and compares them with
// the node-link JSON of the same run (which the Python checks compare with networkx/igraph):
//   node check_viewers.js GRAPH.json GRAPH.gexf GRAPH.graphology.json GRAPH.cyjs
// - graphology-gexf parses the GEXF (what Gephi Lite and Sigma.js apps use);
// - graphology's Graph.from imports the serialized graph (Sigma.js);
// - Cytoscape.js, headless, loads the .cyjs elements.
// Every node with its label and kind, every edge with its kind and weight must be there.
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const gexf = require('graphology-gexf');
const cytoscape = require('cytoscape');

const [nodeLinkPath, gexfPath, graphologyPath, cyjsPath] = process.argv.slice(2);
const failures = [];
const check = (ok, what) => { if (!ok) { failures.push(what); console.log('FAIL: ' + what); } };

const truth = JSON.parse(fs.readFileSync(nodeLinkPath, 'utf8'));
const labels = new Map(truth.nodes.map(n => [n.id, `${n.label}|${n.kind}`]));
const edgeKey = (s, t, kind, weight) => `${s}\u0000${t}\u0000${kind}\u0000${weight}`;
const edges = truth.links.map(l => edgeKey(l.source, l.target, l.kind, l.weight)).sort();
const hasMetrics = truth.nodes.length > 0 && 'pagerank' in truth.nodes[0];

function compare(name, nodeEntries, edgeEntries) {
  check(nodeEntries.length === labels.size, `${name}: ${nodeEntries.length} nodes, expected ${labels.size}`);
  const bad = nodeEntries.filter(([id, label]) => labels.get(id) !== label);
  check(bad.length === 0, `${name}: ${bad.length} nodes differ, e.g. ${JSON.stringify(bad.slice(0, 2))}`);
  const got = edgeEntries.sort();
  check(got.length === edges.length, `${name}: ${got.length} edges, expected ${edges.length}`);
  check(got.every((e, i) => e === edges[i]), `${name}: edges differ (source, target, kind, weight)`);
}

// GEXF: node ids are n0, n1, …; the key is an attribute.
const g1 = gexf.parse(Graph, fs.readFileSync(gexfPath, 'utf8'));
// graphology-gexf makes a multigraph only when the file has parallel edges.
check(g1.type === 'directed' && (g1.multi || !truth.multigraph), 'gexf: expected a directed (multi)graph');
const keyOf = id => g1.getNodeAttribute(id, 'key');
compare('gexf',
  g1.mapNodes((id, a) => [a.key, `${a.label}|${a.kind}`]),
  g1.mapEdges((e, a, s, t) => edgeKey(keyOf(s), keyOf(t), a.kind, a.weight)));
if (hasMetrics) check(g1.everyNode((id, a) => a.size > 0 && typeof a.color === 'string'), 'gexf: viz size/color missing');

// graphology serialization
const g2 = Graph.from(JSON.parse(fs.readFileSync(graphologyPath, 'utf8')));
check(g2.multi && g2.type === 'directed', 'graphology: expected a directed multigraph');
compare('graphology',
  g2.mapNodes((id, a) => [id, `${a.label}|${a.kind}`]),
  g2.mapEdges((e, a, s, t) => edgeKey(s, t, a.kind, a.weight)));
if (hasMetrics) {
  check(g2.everyNode((id, a) => a.size > 0 && /^#[0-9a-f]{6}$/.test(a.color) && a.pagerank > 0),
        'graphology: size, color or pagerank missing');
}

if (truth.nodes.length > 0 && 'x' in truth.nodes[0]) {
  const pos = new Map(truth.nodes.map(n => [n.id, [n.x, n.y]]));
  check(g2.everyNode((id, a) => a.x === pos.get(id)[0] && a.y === pos.get(id)[1]),
        'graphology: x, y differ from the node-link JSON');
  check(g1.everyNode((id, a) => a.x === pos.get(a.key)[0] && a.y === pos.get(a.key)[1]),
        'gexf: viz:position differs from the node-link JSON');
}

// Cytoscape.js, headless
// 'preset' places nodes at their 'position', as a page showing kgraph's layout would.
const cy = cytoscape({ headless: true, layout: { name: 'preset' },
                      elements: JSON.parse(fs.readFileSync(cyjsPath, 'utf8')).elements });
compare('cytoscape',
  cy.nodes().map(n => [n.id(), `${n.data('label')}|${n.data('kind')}`]),
  cy.edges().map(e => edgeKey(e.data('source'), e.data('target'), e.data('kind'), e.data('weight'))));
if (truth.nodes.length > 0 && 'x' in truth.nodes[0]) {
  const byId = new Map(truth.nodes.map(n => [n.id, n]));
  check(cy.nodes().every(n => n.position('x') === byId.get(n.id()).x && n.position('y') === byId.get(n.id()).y),
        'cytoscape: positions differ from the node-link JSON');
}

console.log(`${failures.length === 0 ? 'PASSED' : 'FAILED'}: gexf, graphology, cytoscape with ${labels.size} nodes, ${edges.length} edges`);
process.exit(failures.length === 0 ? 0 : 1);
