#!/usr/bin/python3
"""End-to-end check of `kgraph build` on one corpus, with real clients:
- runs the built binary with 1 and 2 threads and requires byte-identical outputs;
- validates the GraphML against the official XSD with xmllint;
- loads the GraphML with networkx (read_graphml) and igraph (Graph.Read_GraphML), and the JSON
  with networkx (node_link_graph), and requires node and edge counts, kinds and weights equal to
  each other and to what kgraph's summary reported;
- optionally compares every edge and weight with reference_links.py (an independent oracle),
  and checks figures given on the command line (--expect).
Exit 0 = pass, 1 = fail, 77 = corpus absent (ctest shows the test as skipped).
"""

import argparse
import collections
import csv
import json
import os
import re
import subprocess
import sys
import tempfile

import igraph
import networkx as nx

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_links  # noqa: E402

FAILURES = []


def check(cond, what):
    if not cond:
        FAILURES.append(what)
        print("FAIL:", what)


VIEWER_SUFFIXES = (".gexf", ".graphology.json", ".cyjs", ".dot")
HERE = os.path.dirname(os.path.abspath(__file__))
JS_DIR = os.path.join(HERE, "..", "js")


def run_kgraph(args, workdir, threads, name=None):
    name = name or str(threads)
    graphml = os.path.join(workdir, f"g{name}.graphml")
    js = os.path.join(workdir, f"g{name}.json")
    viewers = []
    for suffix in VIEWER_SUFFIXES:
        viewers += ["-o", os.path.join(workdir, f"g{name}{suffix}")]
    cmd = [args.kgraph, "build", *args.inputs, "-o", graphml, "-o", js, *viewers, "-j", str(threads), *args.extra]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        print(proc.stderr)
        sys.exit(f"kgraph exited {proc.returncode}: {' '.join(cmd)}")
    return graphml, js, proc.stderr


def parse_summary(stderr):
    nodes = dict((k, int(v.replace(",", ""))) for k, v in re.findall(r"(\w+) ([\d,]+)", re.search(r"nodes [\d,]+:(.*)", stderr).group(1)))
    edges, weights = {}, {}
    for kind, count, weight in re.findall(r"(\w+) ([\d,]+) \(weight ([\d,]+)\)", re.search(r"edges [\d,]+:(.*)", stderr).group(1)):
        edges[kind] = int(count.replace(",", ""))
        weights[kind] = int(weight.replace(",", ""))
    problems = int(re.search(r"problems ([\d,]+)", stderr).group(1).replace(",", ""))
    return {k: v for k, v in nodes.items() if v}, {k: v for k, v in edges.items() if v}, {k: v for k, v in weights.items() if v}, problems


def tallies(node_kinds, edge_list):
    """node_kinds: iterable of kinds; edge_list: iterable of (kind, weight)."""
    nodes = dict(collections.Counter(node_kinds))
    edges, weights = collections.Counter(), collections.Counter()
    for kind, weight in edge_list:
        edges[kind] += 1
        weights[kind] += int(weight)
    return nodes, dict(edges), dict(weights)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgraph", required=True)
    ap.add_argument("--schema", required=True)
    ap.add_argument("--reference", action="store_true", help="compare every edge with reference_links.py")
    ap.add_argument("--label-first", action="store_true")
    ap.add_argument("--reference-mentions", action="store_true",
                    help="compare every mention edge with reference_mentions.py (run kgraph with "
                         "--min-link-prob 0 --stopwords none)")
    ap.add_argument("--expect", action="append", default=[],
                    help="NAME=VALUE: lang:zh (entity nodes with lang zh), links (total link weight), "
                         "lang-links:zh (weight of links into zh nodes), in:KEY (weight of link edges "
                         "into KEY), nodes:KIND, problems")
    ap.add_argument("--same-with", action="append", default=[],
                    help="options (one string) that must not change any output byte, run with -j1")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--", dest="sep", action="store_true")
    args, extra = ap.parse_known_args()
    args.extra = [e for e in extra if e != "--"]
    for path in args.inputs:
        if not os.path.exists(path):
            print(f"SKIP: corpus '{path}' is absent (../shared/corpora exists only in the workplace and CI)")
            return 77
    if args.label_first:
        args.extra.append("--label-first")

    with tempfile.TemporaryDirectory() as work:
        graphml1, json1, stderr1 = run_kgraph(args, work, 1)
        graphml2, json2, _ = run_kgraph(args, work, 2)
        pairs = [(graphml1, graphml2), (json1, json2)]
        pairs += [(os.path.join(work, f"g1{s}"), os.path.join(work, f"g2{s}")) for s in VIEWER_SUFFIXES]
        for a, b in pairs:
            check(open(a, "rb").read() == open(b, "rb").read(), f"{os.path.basename(a)} differs between -j1 and -j2")
        for k, options in enumerate(args.same_with):
            variant = argparse.Namespace(**vars(args))
            variant.extra = args.extra + options.split()
            g, j, _ = run_kgraph(variant, work, 1, f"1-same{k}")
            for a, b in [(graphml1, g), (json1, j)]:
                check(open(a, "rb").read() == open(b, "rb").read(),
                      f"{os.path.basename(a)} differs with {options}")
        s_nodes, s_edges, s_weights, s_problems = parse_summary(stderr1)
        print(f"summary: nodes {s_nodes} edges {s_edges} weights {s_weights} problems {s_problems}")

        xl = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", args.schema, graphml1], capture_output=True, text=True)
        check(xl.returncode == 0, f"xmllint --schema rejects the GraphML: {xl.stderr[-500:]}")

        gexf = os.path.join(work, "g1.gexf")
        rng = os.path.join(HERE, "..", "data", "schema", "gexf-1.3", "gexf.rng")
        xl = subprocess.run(["xmllint", "--noout", "--nonet", "--relaxng", rng, gexf], capture_output=True, text=True)
        check(xl.returncode == 0, f"xmllint --relaxng rejects the GEXF: {xl.stderr[-500:]}")
        if not os.path.isdir(os.path.join(JS_DIR, "node_modules")):
            check(False, "tests/js/node_modules is missing: run 'npm ci' in tests/js (scripts/test.sh does)")
        else:
            js_check = subprocess.run(["node", os.path.join(JS_DIR, "check_viewers.js"), json1, gexf,
                                       os.path.join(work, "g1.graphology.json"), os.path.join(work, "g1.cyjs")],
                                      capture_output=True, text=True)
            print(js_check.stdout.strip())
            check(js_check.returncode == 0, f"graphology / graphology-gexf / Cytoscape.js check failed: {js_check.stderr[-500:]}")

        # Neo4j's bulk-import CSV, read with Python's csv module against the node-link JSON.
        neo = os.path.join(work, "neo4j")
        run = subprocess.run([args.kgraph, "build", *args.inputs, "-f", "neo4j-csv", "-o", neo, "-q",
                              "--max-reports", "0", *args.extra], capture_output=True, text=True)
        check(run.returncode == 0, f"kgraph -f neo4j-csv failed: {run.stderr[-300:]}")
        with open(json1, encoding="utf-8") as fh:
            truth = json.load(fh)
        with open(os.path.join(neo, "nodes.csv"), encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        check(sorted((r["id:ID"], r["label"], r[":LABEL"].lower()) for r in rows) ==
              sorted((n["id"], n["label"], n["kind"]) for n in truth["nodes"]), "neo4j nodes.csv differs")
        with open(os.path.join(neo, "edges.csv"), encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        check(sorted((r[":START_ID"], r[":END_ID"], r[":TYPE"].lower(), int(r["weight:long"])) for r in rows) ==
              sorted((l["source"], l["target"], l["kind"], l["weight"]) for l in truth["links"]),
              "neo4j edges.csv differs")

        # Gephi's spreadsheet import: the same nodes and edges, kinds in Label, weights in Weight.
        gephi = os.path.join(work, "gephi")
        run = subprocess.run([args.kgraph, "build", *args.inputs, "-f", "gephi-csv", "-o", gephi, "-q",
                              "--max-reports", "0", *args.extra], capture_output=True, text=True)
        check(run.returncode == 0, f"kgraph -f gephi-csv failed: {run.stderr[-300:]}")
        with open(os.path.join(gephi, "nodes.csv"), encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        # A field a spreadsheet would run as a formula carries a leading ' (and only such a field).
        def sheet(value):
            return value[1:] if value[:1] == "'" and value[1:2] and value[1] in "=+-@\t\r" else value
        formulas = [r["Label"] for r in rows
                    if r["Label"][:1] in ("=", "+", "-", "@", "\t", "\r") and r["Label"]]
        check(not formulas, f"gephi nodes.csv: labels a spreadsheet runs as formulas: {formulas[:3]}")
        check(sorted((sheet(r["Id"]), sheet(r["Label"]), r["kind"]) for r in rows) ==
              sorted((n["id"], n["label"], n["kind"]) for n in truth["nodes"]), "gephi nodes.csv differs")
        with open(os.path.join(gephi, "edges.csv"), encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        check(all(r["Type"] == "Directed" for r in rows), "gephi edges.csv: an edge is not Directed")
        check(len({r["Id"] for r in rows}) == len(rows), "gephi edges.csv: edge ids repeat")
        check(sorted((sheet(r["Source"]), sheet(r["Target"]), r["Label"], int(r["Weight"])) for r in rows) ==
              sorted((l["source"], l["target"], l["kind"], l["weight"]) for l in truth["links"]),
              "gephi edges.csv differs")

        # networkx's GEXF reader: Debian's networkx 2.8 knows the 1.1draft and 1.2draft
        # namespaces only. GEXF 1.3 keeps 1.2draft's elements (it adds the edge attribute
        # `kind`, which 2.8 ignores), so the check reads our file under the 1.2draft namespaces.
        with open(gexf, encoding="utf-8") as fh:
            text = fh.read()
        text = (text.replace('"http://gexf.net/1.3/viz"', '"http://www.gexf.net/1.2draft/viz"')
                .replace('"http://gexf.net/1.3"', '"http://www.gexf.net/1.2draft"')
                .replace('version="1.3"', 'version="1.2"'))
        import io
        x = nx.read_gexf(io.BytesIO(text.encode("utf-8")), version="1.2draft")
        check(sorted((d["key"], d["label"], d["kind"]) for _, d in x.nodes(data=True)) ==
              sorted((n["id"], n["label"], n["kind"]) for n in truth["nodes"]), "networkx read_gexf: nodes differ")
        x_key = {n: d["key"] for n, d in x.nodes(data=True)}
        check(sorted((x_key[u], x_key[v], d["weight"]) for u, v, d in x.edges(data=True)) ==
              sorted((l["source"], l["target"], float(l["weight"])) for l in truth["links"]),
              "networkx read_gexf: edges or weights differ")
        if truth["nodes"] and "x" in truth["nodes"][0]:
            check(sorted((d["key"], d["viz"]["position"]["x"], d["viz"]["position"]["y"]) for _, d in x.nodes(data=True)) ==
                  sorted((n["id"], float(n["x"]), float(n["y"])) for n in truth["nodes"]),
                  "networkx read_gexf: viz positions differ from the JSON")
        if truth["nodes"] and "pagerank" in truth["nodes"][0]:
            check(all(isinstance(d["pagerank"], float) and isinstance(d["core"], int) for _, d in x.nodes(data=True)),
                  "networkx read_gexf: metric attributes lost their types")
        print(f"networkx read_gexf: {x.number_of_nodes()} nodes, {x.number_of_edges()} edges")

        # GraphML with yEd's graphics: networkx's reader takes yEd's labels, igraph reads the
        # file, and without the yFiles elements (which the official XSD does not allow inside
        # <data>) it validates.
        yed = os.path.join(work, "yed.graphml")
        run = subprocess.run([args.kgraph, "build", *args.inputs, "-o", yed, "--yed", "-q",
                              "--max-reports", "0", *args.extra], capture_output=True, text=True)
        check(run.returncode == 0, f"kgraph --yed failed: {run.stderr[-300:]}")
        y = nx.read_graphml(yed)
        check(sorted((d["key"], d["label"]) for _, d in y.nodes(data=True)) ==
              sorted((n["id"], n["label"]) for n in truth["nodes"]), "networkx sees other yEd labels")
        check(y.number_of_edges() == len(truth["links"]), "networkx sees another edge count in the yEd GraphML")
        yi = igraph.Graph.Read_GraphML(yed)
        check((yi.vcount(), yi.ecount()) == (len(truth["nodes"]), len(truth["links"])), "igraph reads the yEd GraphML wrong")
        with open(yed, encoding="utf-8") as fh:
            text = fh.read()
        stripped = re.sub(r'<data key="yed_(node|edge)">.*?</data>', "", text)
        stripped = re.sub(r'  <key id="yed_(node|edge)"[^>]*/>\n', "", stripped)
        stripped = stripped.replace(' xmlns:y="http://www.yworks.com/xml/graphml"', "")
        check(stripped.count("<y:") == 0 and text.count("<y:ShapeNode>") == len(truth["nodes"]),
              "the yEd GraphML lacks a ShapeNode per node")
        plain = os.path.join(work, "yed-stripped.graphml")
        with open(plain, "w", encoding="utf-8") as fh:
            fh.write(stripped)
        xl = subprocess.run(["xmllint", "--noout", "--nonet", "--schema", args.schema, plain], capture_output=True, text=True)
        check(xl.returncode == 0, f"xmllint --schema rejects the yEd GraphML without its yFiles data: {xl.stderr[-500:]}")

        g = nx.read_graphml(graphml1)
        if g.number_of_nodes() and "x" in next(iter(g.nodes.values())):
            # Graphviz draws kgraph's own positions (neato -n): every node must come out.
            svg = subprocess.run(["neato", "-n", "-Tsvg", os.path.join(work, "g1.dot")],
                                 capture_output=True, text=True)
            check(svg.returncode == 0, f"neato -n cannot render the DOT: {svg.stderr[-300:]}")
            drawn = svg.stdout.count('class="node"')
            check(drawn == g.number_of_nodes(), f"neato drew {drawn} nodes of {g.number_of_nodes()}")
            print(f"graphviz: neato -n rendered {drawn} nodes at kgraph's positions")
        n_nodes, n_edges, n_weights = tallies((d["kind"] for _, d in g.nodes(data=True)),
                                              ((d["kind"], d["weight"]) for *_, d in g.edges(data=True)))
        check((n_nodes, n_edges, n_weights) == (s_nodes, s_edges, s_weights),
              f"networkx read_graphml sees {n_nodes} {n_edges} {n_weights}")

        with open(json1, encoding="utf-8") as fh:
            data = json.load(fh)
        h = nx.node_link_graph(data)
        j_nodes, j_edges, j_weights = tallies((d["kind"] for _, d in h.nodes(data=True)),
                                              ((d["kind"], d["weight"]) for *_, d in h.edges(data=True)))
        check((j_nodes, j_edges, j_weights) == (s_nodes, s_edges, s_weights),
              f"networkx node_link_graph sees {j_nodes} {j_edges} {j_weights}")
        check(h.number_of_edges() == len(data["links"]), "node_link_graph merged parallel edges")
        check(g.is_multigraph() == h.is_multigraph(), "GraphML and JSON disagree on multigraph")

        i = igraph.Graph.Read_GraphML(graphml1)
        i_nodes, i_edges, i_weights = tallies(i.vs["kind"] if i.vcount() else [],
                                              zip(i.es["kind"], i.es["weight"]) if i.ecount() else [])
        check((i_nodes, i_edges, i_weights) == (s_nodes, s_edges, s_weights),
              f"igraph Read_GraphML sees {i_nodes} {i_edges} {i_weights}")

        # The two formats carry the same graph: compare edge by edge through the node keys.
        key_of_id = {n: d["key"] for n, d in g.nodes(data=True)}
        from_graphml = sorted((key_of_id[u], key_of_id[v], d["kind"], int(d["weight"])) for u, v, d in g.edges(data=True))
        from_json = sorted((u, v, d["kind"], d["weight"]) for u, v, d in h.edges(data=True))
        check(from_graphml == from_json, "GraphML and JSON edges differ")
        labels_g = sorted((d["key"], d["label"], d["kind"], d.get("lang", "")) for _, d in g.nodes(data=True))
        labels_j = sorted((n, d["label"], d["kind"], d["lang"]) for n, d in h.nodes(data=True))
        check(labels_g == labels_j, "GraphML and JSON nodes differ")

        edges = {(u, v, kind): w for u, v, kind, w in from_json}

        # Metrics: kgraph's node attributes against networkx's own algorithms on the GraphML.
        if g.number_of_nodes() and "pagerank" in next(iter(g.nodes.values())):
            pr = nx.pagerank(g, weight="weight")
            bad = [n for n, d in g.nodes(data=True) if abs(d["pagerank"] - pr[n]) > 1e-9]
            check(not bad, f"pagerank differs from networkx on {len(bad)} nodes, e.g. "
                           f"{[(n, g.nodes[n]['pagerank'], pr[n]) for n in bad[:3]]}")
            bad = [n for n, d in g.nodes(data=True)
                   if (d["in_degree"], d["out_degree"]) != (g.in_degree(n), g.out_degree(n))
                   or abs(d["weighted_degree"] - g.degree(n, weight="weight")) > 1e-9]
            check(not bad, f"degrees differ from networkx on {len(bad)} nodes")
            ours = {}
            for n, d in g.nodes(data=True):
                ours.setdefault(d["component"], set()).add(n)
            theirs = sorted(sorted(c) for c in nx.weakly_connected_components(g))
            check(sorted(sorted(c) for c in ours.values()) == theirs,
                  "weakly connected components differ from networkx")
            check(all(d["component_size"] == len(ours[d["component"]]) for _, d in g.nodes(data=True)),
                  "component_size is not the size of the component")
            simple = nx.Graph(g)
            simple.remove_edges_from(list(nx.selfloop_edges(simple)))
            core = nx.core_number(simple)
            bad = [n for n, d in g.nodes(data=True) if d["core"] != core[n]]
            check(not bad, f"k-core numbers differ from networkx on {len(bad)} nodes")
            print(f"metrics equal networkx: pagerank, degrees, {len(theirs)} components, cores up to {max(core.values())}")
            # Communities: the same undirected projection (weights of all edges between two
            # nodes summed); our partition's modularity as networkx computes it, against the
            # modularity of networkx's own Louvain.
            projection = nx.Graph()
            projection.add_nodes_from(g.nodes)
            for u, v, d in g.edges(data=True):
                w = projection[u][v]["weight"] if projection.has_edge(u, v) else 0.0
                projection.add_edge(u, v, weight=w + d["weight"])
            groups = {}
            for n, d in g.nodes(data=True):
                groups.setdefault(d["community"], set()).add(n)
            if projection.size(weight="weight") == 0:
                print("communities: no edges, every node alone")
                check(len(groups) == g.number_of_nodes(), "without edges every node is its own community")
            else:
                ours_q = nx.community.modularity(projection, list(groups.values()), weight="weight")
                nx_q = nx.community.modularity(
                    projection, nx.community.louvain_communities(projection, weight="weight", seed=1),
                    weight="weight")
                check(ours_q >= 0.95 * nx_q - 1e-9,
                      f"Louvain modularity {ours_q:.4f} is well below networkx's {nx_q:.4f}")
                print(f"communities: {len(groups)}, modularity {ours_q:.4f} (networkx louvain {nx_q:.4f})")
        if args.reference:
            if len(args.inputs) != 1:
                sys.exit("--reference needs exactly one input folder")
            ref = reference_links.Corpus(args.inputs[0]).edges(label_first=args.label_first)
            missing = {k: v for k, v in ref.items() if edges.get(k) != v}
            extra = {k: v for k, v in edges.items() if k not in ref and k[2] in ("link", "embed", "category")}
            for k, v in list(missing.items())[:15]:
                print(f"  reference {k} weight {v}, kgraph {edges.get(k)}")
            for k, v in list(extra.items())[:15]:
                print(f"  kgraph only {k} weight {v}")
            check(not missing and not extra,
                  f"edges differ from the reference: {len(missing)} missing or with another weight, {len(extra)} extra "
                  f"(reference {len(ref)} edges, weight {sum(ref.values())})")
            print(f"reference: {len(ref)} edges, weight {sum(ref.values())}")

        if args.reference_mentions:
            import reference_mentions
            ref = reference_mentions.mentions(args.inputs[0])
            got = {(u, v): w for (u, v, kind), w in edges.items() if kind == "mention"}
            wrong = {k: (v, got.get(k)) for k, v in ref.items() if got.get(k) != v}
            extra = {k: v for k, v in got.items() if k not in ref}
            for k, (v, g) in list(wrong.items())[:15]:
                print(f"  reference mention {k} x{v}, kgraph {g}")
            for k, v in list(extra.items())[:15]:
                print(f"  kgraph only mention {k} x{v}")
            check(not wrong and not extra,
                  f"mentions differ from the reference: {len(wrong)} missing or with another count, "
                  f"{len(extra)} extra (reference {len(ref)} edges, {sum(ref.values())} mentions)")
            print(f"reference mentions: {len(ref)} edges, {sum(ref.values())} mentions")

        for e in args.expect:
            name, _, value = e.rpartition("=")
            if name.startswith("lang:"):
                got = sum(1 for _, d in h.nodes(data=True) if d["lang"] == name[5:] and d["kind"] == "entity")
            elif name == "links":
                got = sum(w for (_, _, kind), w in edges.items() if kind == "link")
            elif name.startswith("lang-links:"):
                lang = {n: d["lang"] for n, d in h.nodes(data=True)}
                got = sum(w for (_, v, kind), w in edges.items() if kind == "link" and lang[v] == name[11:])
            elif name.startswith("mentions:"):
                got = sum(w for (_, v, kind), w in edges.items() if v == name[9:] and kind == "mention")
            elif name.startswith("in:"):
                got = sum(w for (_, v, kind), w in edges.items() if v == name[3:] and kind == "link")
            elif name == "problems":
                got = s_problems
            elif name.startswith("nodes:"):
                got = s_nodes.get(name[6:], 0)
            else:
                sys.exit(f"unknown --expect {name}")
            check(str(got) == value, f"expected {name} = {value}, got {got}")

    print("FAILED" if FAILURES else "PASSED", f"({len(FAILURES)} failures)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
