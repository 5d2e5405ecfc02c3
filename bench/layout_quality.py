#!/usr/bin/env python3
"""How good a layout is, read from kgraph's GraphML (the x and y of every node).

Two measures, both over the undirected graph without self-loops:
- neighbourhood preservation: for a node with d graph neighbours, the share of them among its
  d nearest nodes in the plane, averaged over the nodes (higher is better; 1 would mean every
  node's nearest nodes are exactly its neighbours, a random placement scores about d / n);
- edge / pair distance: the mean length of an edge divided by the mean distance of 100,000
  random node pairs (lower is better: neighbours sit together relative to the picture).

bench/layout_quality.py GRAPHML... (needs numpy and scipy: Debian's python3-numpy and
python3-scipy). Prints one line a file."""

import sys
import xml.etree.ElementTree as ET

try:
    import numpy as np
    from scipy.spatial import cKDTree
except ImportError:
    sys.exit("layout_quality.py: needs numpy and scipy (apt-get install python3-numpy python3-scipy)")

NS = "{http://graphml.graphdrawing.org/xmlns}"


def read_graphml(path):
    keys = {}
    index = {}
    xs, ys = [], []
    edges = []
    for _, el in ET.iterparse(path, events=("end",)):
        tag = el.tag
        if tag == NS + "key":
            keys[el.get("id")] = (el.get("for"), el.get("attr.name"))
        elif tag == NS + "node":
            pos = {keys[d.get("key")][1]: d.text for d in el.findall(NS + "data")
                   if keys.get(d.get("key"), ("", ""))[1] in ("x", "y")}
            index[el.get("id")] = len(xs)
            xs.append(float(pos["x"]))
            ys.append(float(pos["y"]))
            el.clear()
        elif tag == NS + "edge":
            a, b = index[el.get("source")], index[el.get("target")]
            if a != b:
                edges.append((min(a, b), max(a, b)))
            el.clear()
    points = np.column_stack([np.array(xs), np.array(ys)])
    pairs = np.unique(np.array(edges, dtype=np.int64).reshape(-1, 2), axis=0)
    return points, pairs


def neighbourhood_preservation(points, pairs):
    n = len(points)
    neighbours = [[] for _ in range(n)]
    for a, b in pairs:
        neighbours[a].append(b)
        neighbours[b].append(a)
    tree = cKDTree(points)
    scores = []
    for v in range(n):
        d = len(neighbours[v])
        if d == 0 or d >= n:
            continue
        # d nearest other nodes: ask for d + 1 and drop v itself (or one node at its place).
        _, near = tree.query(points[v], k=min(d + 1, n))
        near = [u for u in np.atleast_1d(near) if u != v][:d]
        scores.append(len(set(near) & set(neighbours[v])) / d)
    return float(np.mean(scores)) if scores else 0.0


def edge_pair_ratio(points, pairs):
    rng = np.random.default_rng(7)
    edge = np.linalg.norm(points[pairs[:, 0]] - points[pairs[:, 1]], axis=1).mean()
    a = rng.integers(0, len(points), 100_000)
    b = rng.integers(0, len(points), 100_000)
    pair = np.linalg.norm(points[a] - points[b], axis=1).mean()
    return float(edge / pair)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for path in sys.argv[1:]:
        points, pairs = read_graphml(path)
        print(f"{path}: {len(points)} nodes, {len(pairs)} node pairs with an edge; "
              f"neighbourhood preservation {neighbourhood_preservation(points, pairs):.4f}, "
              f"edge / pair distance {edge_pair_ratio(points, pairs):.4f}")


if __name__ == "__main__":
    main()
