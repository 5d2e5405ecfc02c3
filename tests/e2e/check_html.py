#!/usr/bin/env python3
"""The HTML viewer end to end: kgraph writes a page and the node-link JSON of the same graph;
Debian's Chromium opens the page from disk, offline, with software WebGL (tests/js/check_html.js,
playwright-core) and this script checks what the page's scripting API answers against networkx
over the JSON: counts, searches (folded as the viewer promises), neighbourhoods of depth 1-3 by
breadth-first search, the URL state after a reload, the PNG/SVG/JSON downloads; no network
request, no console error; the same bytes for -j1 and -j2.

    check_html.py --kgraph KGRAPH --js-dir tests/js [--screenshot OUT.png] INPUT...
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
from collections import deque

import networkx as nx

sys.path.insert(0, os.path.dirname(__file__))
from checks import SKIP, Checks, absent  # noqa: E402


HANT_HANS = None


def fold(text):
    """The viewer's fold: compatibility forms, diacritics, case (viewer/src/data.js), and with
    --fold-han Traditional to Simplified, one character at a time as kgraph's MatchFolder."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.category(c).startswith("M"))
    t = unicodedata.normalize("NFKC", t).lower().replace("ß", "ss")
    if HANT_HANS is not None:
        t = "".join(HANT_HANS.transliterate(c) if "\u3400" <= c <= "\uffff" else c for c in t)
    return t


def bfs(graph, start, depth, kinds, direction="both"):
    seen = {start}
    frontier = deque([(start, 0)])
    while frontier:
        v, d = frontier.popleft()
        if d == depth:
            continue
        edges = []
        if direction in ("both", "out"):
            edges += [(t, k) for _, t, k in graph.out_edges(v, data="kind")]
        if direction in ("both", "in"):
            edges += [(s, k) for s, _, k in graph.in_edges(v, data="kind")]
        for u, kind in edges:
            if u not in seen and (kinds is None or kind in kinds):
                seen.add(u)
                frontier.append((u, d + 1))
    return seen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgraph", required=True)
    ap.add_argument("--js-dir", required=True)
    ap.add_argument("--screenshot")
    ap.add_argument("--fold-han", action="store_true", help="build with --fold-han; search folds Han too")
    ap.add_argument("--browser", choices=["chromium", "firefox", "firefox-headless"], default="chromium",
                    help="firefox: Debian's Firefox ESR under xvfb-run (no downloads checked); "
                         "firefox-headless: without a display, so without WebGL: the page must say so and still answer")
    ap.add_argument("--large", action="store_true", help="a large corpus: fewer neighbourhoods, no downloads")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    if any(absent(i, "corpus") for i in args.inputs):
        return SKIP
    check = Checks()
    build_options = []
    if args.fold_han:
        import icu
        global HANT_HANS
        HANT_HANS = icu.Transliterator.createInstance("Hant-Hans")
        build_options.append("--fold-han")
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "graph.html")
        page2 = os.path.join(tmp, "graph-j1.html")
        nodelink = os.path.join(tmp, "graph.json")
        run = subprocess.run([args.kgraph, "build", *args.inputs, *build_options, "--evidence", "2", "-o", page, "-o", nodelink, "-j", "2"],
                             capture_output=True, text=True)
        check(run.returncode == 0, f"kgraph build exits 0 (got {run.returncode}: {run.stderr[-500:]})")
        if run.returncode != 0:
            return check.result()
        check("the viewer draws " in run.stderr, "the summary says what the viewer draws")
        # Without --evidence the page still carries passages (2 by default), the JSON none.
        plain_json = os.path.join(tmp, "plain.json")
        plain = subprocess.run([args.kgraph, "build", *args.inputs, *build_options, "-o", os.path.join(tmp, "plain.html"),
                                "-o", plain_json, "-q"], capture_output=True, text=True)
        check(plain.returncode == 0 and '"evidence"' not in open(plain_json, encoding="utf-8").read(),
              "without --evidence only the HTML page carries passages")
        again = subprocess.run([args.kgraph, "build", *reversed(args.inputs), *build_options, "--evidence", "2", "-o", page2, "-j", "1"],
                               capture_output=True, text=True)
        check(again.returncode == 0 and open(page, "rb").read() == open(page2, "rb").read(),
              "the page has the same bytes with -j1, -j2 and the inputs in another order")
        html = open(page, encoding="utf-8").read()
        check("http://" not in html.split("<script")[0] and "https://" not in html.split("<script")[0],
              "the page's head names no remote resource")

        with open(nodelink, encoding="utf-8") as fh:
            data = json.load(fh)
        g = nx.node_link_graph(data, directed=True, multigraph=True)
        labels = {n: a.get("label", n) for n, a in g.nodes(data=True)}

        # Queries: a label in each script, folded forms, a substring, a miss.
        searches = ["cafe", "CAFÉ", "zurich", "sao paulo", "القاهرة", "東京", "东京", "서울", "中国", "中國", "北", "no such label xyz"]
        by_degree = sorted(g.nodes, key=lambda n: (-g.degree(n), n))
        starts = [by_degree[0], "café" if "café" in g else by_degree[1], by_degree[len(by_degree) // 2]]
        if args.large:
            starts = starts[:1] + starts[2:]
        neighbourhoods = []
        for s in starts:
            for depth in (1, 2, 3):
                neighbourhoods.append([s, depth, None, "both"])
            neighbourhoods.append([s, 2, ["link"], "out"])
            neighbourhoods.append([s, 1, ["mention", "cooccurrence"], "in"])
        focus_key = starts[1]
        # Evidence: the page carries the passages node-link JSON has (the drawn edges first).
        with_evidence = [(l["source"], l["target"], l["kind"], l["evidence"]) for l in data["links"] if l.get("evidence")]
        evidence_plan = [[s, t, k] for s, t, k, _ in with_evidence[:40]]
        ui_query = labels[starts[1]]
        plan = {"searches": searches, "neighbourhoods": neighbourhoods, "focus": [focus_key, 2, None], "evidence": evidence_plan,
                "downloads": not args.large, "ui": None if args.large else {"query": ui_query}}
        plan_path = os.path.join(tmp, "plan.json")
        with open(plan_path, "w", encoding="utf-8") as fh:
            json.dump(plan, fh)
        cmd = ["node", os.path.join(args.js_dir, "check_html.js"), page, plan_path]
        if args.screenshot:
            cmd.append(args.screenshot)
        env = dict(os.environ)
        if args.browser == "firefox":
            env["KG_BROWSER"] = "firefox"
            cmd = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24"] + cmd
        elif args.browser == "firefox-headless":
            env["KG_BROWSER"] = "firefox"
            env["KG_HEADLESS"] = "1"
        browser = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
        check(browser.returncode == 0, f"the browser run ends well ({browser.stderr[-800:]})")
        if browser.returncode != 0:
            return check.result()
        seen = json.loads(browser.stdout)
        print(f"ready in {seen['ready_ms']} ms (decoded in {seen['load_ms']:.0f} ms), JS heap {seen['heap_bytes']}")

        check(seen["requests"] == [], f"no network request: {seen['requests']}")
        check(seen["console_errors"] == [] and seen["page_errors"] == [],
              f"no console or page error: {seen['console_errors']} {seen['page_errors']}")
        check(seen["counts"] == {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()},
              f"counts() {seen['counts']} equal networkx's {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")
        check(seen["visible_at_start"] == min(g.number_of_nodes(), 20000), "the display layer is shown at start")

        for text in searches:
            q = fold(text)
            expected = {n for n in g.nodes if q in fold(labels[n]) or q in fold(n)}
            got = seen["searches"][text]
            check(set(got) == expected and len(got) == len(expected),
                  f"search({text!r}) finds what networkx finds: got {sorted(got)[:8]}, expected {sorted(expected)[:8]}")
            exact = [n for n in expected if fold(labels[n]) == q or fold(n) == q]
            if exact and got:
                check(got[0] in exact, f"search({text!r}) puts an exact match first (got {got[0]!r})")
            check(seen["search_ms"][text] < 1000, f"search({text!r}) answers ({seen['search_ms'][text]:.1f} ms)")
        if "café" in g:
            check(len(seen["searches"]["cafe"]) > 0 and len(seen["searches"]["القاهرة"]) > 0
                  and len(seen["searches"]["東京"]) > 0 and len(seen["searches"]["서울"]) > 0,
                  "accented, Arabic, Japanese and Korean labels are found")
            # 中國 (Traditional) finds 中国 only when the graph was built with --fold-han.
            check((len(seen["searches"]["中國"]) > 0) == args.fold_han,
                  f"search('中國') finds Simplified labels exactly when built with --fold-han ({len(seen['searches']['中國'])} hits)")

        check(len(with_evidence) > 0, "the build kept evidence (2 passages an edge by default with an HTML output)")
        shown_evidence = 0
        for (s_, t_, k_, passages), got in zip(with_evidence[:40], seen["evidence"]):
            if not got and args.large:
                continue  # beyond --view-evidence-mb
            shown_evidence += 1
            want = [(p["text"], p["where"], [p["text"][a:b] for a, b in p["marks"]]) for p in passages]
            have = [(p["text"], p["where"], p["marks"]) for p in got]
            check(have == want, f"evidence({s_!r}, {t_!r}, {k_}) in the page equals the JSON's: {have[:1]} vs {want[:1]}")
        check(shown_evidence > 0, "the page carries evidence")
        for (key, depth, kinds, direction), got in zip(neighbourhoods, seen["neighbourhoods"]):
            expected = bfs(g, key, depth, set(kinds) if kinds else None, direction)
            check(set(got) == expected and len(got) == len(expected) and got[:1] == [key],
                  f"neighbourhood({key!r}, {depth}, {kinds}, {direction}): {len(got)} nodes, BFS {len(expected)}")

        shown = seen["focus"]["shown"]
        expected = bfs(g, focus_key, 2, None)
        if len(expected) <= 5000:
            check(set(shown) == expected, f"focus({focus_key!r}, 2) shows its depth-2 neighbourhood ({len(shown)} of {len(expected)})")
        else:  # a focus draws the 5,000 highest-ranked of a larger neighbourhood
            check(len(shown) == 5000 and set(shown) <= expected and shown[0] == focus_key,
                  f"focus({focus_key!r}, 2) draws 5,000 of its {len(expected)} neighbours ({len(shown)})")
            expected = set(shown)
        check(set(seen["visible_after_focus"]) == expected, "visible() is what focus() shows")
        check("node=" in seen["state"] and "depth=2" in seen["state"], f"state() names node and depth: {seen['state']}")
        check(seen["state_after_reload"] == seen["state"], f"a reload restores the state ({seen['state_after_reload']} vs {seen['state']})")
        check(set(seen["visible_after_reload"]) == expected, "a reload restores the neighbourhood shown")
        check(labels[focus_key] in seen["panel_text"], "the node panel names the focused node")

        if "ui" in seen:
            ui = seen["ui"]
            from urllib.parse import parse_qs
            st = lambda h: {k: v[0] for k, v in parse_qs(h.lstrip("#")).items()}
            best = seen["searches"].get(ui_query) or []
            check(ui["result_keys"][:1] == [starts[1]], f"typing {ui_query!r} lists {starts[1]!r} first ({ui['result_keys'][:3]})")
            check(st(ui["after_enter"]).get("node") == starts[1], f"Enter shows the best hit ({ui['after_enter']})")
            hovered = ui.get("hover_key")
            if hovered is not None:
                near = {hovered} | set(g.successors(hovered)) | set(g.predecessors(hovered))
                check(set(ui["highlighted"]) == near, f"hovering {hovered!r} highlights it and its {len(near) - 1} neighbours ({len(ui['highlighted'])})")
            else:
                check(False, "the best hit is drawn, so the mouse can hover it")
            key = ui["neighbour"]
            check(st(ui["after_click"]).get("node") == key, f"a click in the panel shows that neighbour ({ui['after_click']})")
            check(st(ui["after_depth"]).get("depth") == "2", "the depth control reaches the state")
            expected2 = bfs(g, key, 2, None)
            if len(expected2) <= 5000:
                check(set(ui["visible_depth2"]) == expected2, f"depth 2 from the control shows the BFS ({len(ui['visible_depth2'])}, {len(expected2)})")
            kinds = {"link", "embed", "category", "mention", "interlanguage", "redirect"}
            check("cooccurrence" not in st(ui["after_kind"]).get("kinds", "cooccurrence"), f"unticking a kind reaches the state ({ui['after_kind']})")
            expected_k = bfs(g, key, 2, kinds)
            if len(expected_k) <= 5000:
                check(set(ui["visible_no_cooccurrence"]) == expected_k, f"unticking co-occurrence shows the BFS without it ({len(ui['visible_no_cooccurrence'])}, {len(expected_k)})")
                no_articles = {n for n in expected_k if g.nodes[n].get("kind") != "article"}
                check(set(ui["visible_no_articles"]) == no_articles, "a click on the legend's articles hides them")
            check(st(ui["after_legend"]).get("hide") == "article", f"the legend filter reaches the state ({ui['after_legend']})")
            check(st(ui["after_color"]).get("color") == "pagerank", "colour-by reaches the state")
        check(seen["browser"] == args.browser.split("-")[0], f"the page ran in {args.browser}")
        check(seen["no_webgl"] == (args.browser == "firefox-headless"),
              "the page says it cannot draw exactly when the browser has no WebGL")
        if not args.large and args.browser == "chromium":
            dl = seen["downloads"]
            check(dl["png"]["magic"] == "89504e470d0a1a0a" and dl["png"]["bytes"] > 1000, f"PNG export is a PNG ({dl['png']['bytes']} bytes)")
            try:
                svg = ET.fromstring(dl["svg"]["text"])
                circles = svg.findall("{http://www.w3.org/2000/svg}circle")
                check(len(circles) == len(expected), f"the SVG has a circle per visible node ({len(circles)})")
            except ET.ParseError as e:
                check(False, f"the SVG parses: {e}")
            view = json.loads(dl["json"]["text"])
            check({n["key"] for n in view["nodes"]} == expected, "the JSON export holds the visible nodes")
            check(all(g.has_edge(e["source"], e["target"], e["attributes"]["kind"]) for e in view["edges"]),
                  "every exported edge is an edge of the graph")
    return check.result()


if __name__ == "__main__":
    sys.exit(main())
