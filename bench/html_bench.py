#!/usr/bin/env python3
"""The HTML viewer on large graphs: page size and write time, then in Debian's Chromium
(software WebGL, offline, tests/js/check_html.js) the time to ready, each loading step, the JS
heap, a search per keystroke and a neighbourhood, as medians of RUNS page loads.

    bench/html_bench.py [--runs 5] [--kgraph build/cli/kgraph]

Inputs: the 10,000 gnews articles (../shared/corpora/markdown-ourhimalayas-gnews-10k: 16k
nodes, 363k edges, defaults) and a generated 200 MB MediaWiki dump (gen-corpus --format
mediawiki --size-mb 200 --seed 1, kept in .scratch/: 10^5 nodes, 1.16 * 10^6 edges, with
--layout fa2 so that positions are in the page). Prints a Markdown table."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--kgraph", default=os.path.join(ROOT, "build", "cli", "kgraph"))
    args = ap.parse_args()
    shared = os.path.join(ROOT, "..", "shared")
    dump = os.path.join(ROOT, ".scratch", "dump200", "pages-articles.xml")
    if not os.path.exists(dump):
        subprocess.run([sys.executable, os.path.join(shared, "tools", "gen-corpus"), "--out", os.path.dirname(dump),
                        "--format", "mediawiki", "--size-mb", "200", "--seed", "1", "--quiet", "--force"], check=True)
    inputs = [
        ("gnews-10k (defaults)", [os.path.join(shared, "corpora", "markdown-ourhimalayas-gnews-10k")], "香港"),
        ("dump 200 MB (--layout fa2)", [dump, "--layout", "fa2"], "Anna"),
    ]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, build_args, query in inputs:
            page = os.path.join(tmp, "g.html")
            start = time.monotonic()
            run = subprocess.run([args.kgraph, "build", *build_args, "-o", page, "-O", "--timings"],
                                 capture_output=True, text=True, check=True)
            build_s = time.monotonic() - start
            write = [l for l in run.stderr.splitlines() if l.startswith("kgraph: wrote")][0]
            counts = [l for l in run.stderr.splitlines() if l.startswith("kgraph: nodes") or l.startswith("kgraph: edges")]
            plan = os.path.join(tmp, "plan.json")
            # One character more each time: what a user typing the query costs per keystroke.
            keystrokes = [query[: i + 1] for i in range(len(query))] + ["a", "an"]
            with open(plan, "w", encoding="utf-8") as fh:
                json.dump({"searches": keystrokes, "focus": [None, 2, None], "typical_focus": True}, fh)
            samples = []
            for _ in range(args.runs):
                out = subprocess.run(["node", os.path.join(ROOT, "tests", "js", "check_html.js"), page, plan, "--bench"],
                                     capture_output=True, text=True, check=True)
                samples.append(json.loads(out.stdout))
            med = lambda f: statistics.median(f(s) for s in samples)
            rows.append({
                "input": name,
                "graph": " / ".join(c.split(": ", 1)[1].split(":")[0] for c in counts),
                "page MB": os.path.getsize(page) / 1e6,
                "build s": build_s,
                "write": write.split("(html, ", 1)[1].rstrip(")"),
                "ready ms": med(lambda s: s["ready_ms"]),
                "steps ms": {k: round(med(lambda s: s["timings"][k])) for k in samples[0]["timings"]},
                "heap MB": med(lambda s: s["heap_bytes"]) / 1e6,
                "search ms (max keystroke)": med(lambda s: max(s["search_ms"].values())),
                "focus depth 2 ms": med(lambda s: s["focus"]["ms"]),
                "focus nodes": samples[0]["focus"]["count"],
                "typical ms": med(lambda s: s["typical_focus"]["ms"]),
                "typical nodes": samples[0]["typical_focus"]["count"],
            })
    print(f"median of {args.runs} page loads each, Chromium {chromium_version()}, software WebGL (SwiftShader)\n")
    print("| input | graph | page | ready | loading steps (ms) | JS heap | search, slowest keystroke | depth-2 focus on the top hit | depth-1 focus on a middle node |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        steps = ", ".join(f"{k} {v}" for k, v in r["steps ms"].items())
        print(f"| {r['input']} | {r['graph']} | {r['page MB']:.1f} MB (written: {r['write']}) | {r['ready ms']:.0f} ms | {steps} | "
              f"{r['heap MB']:.0f} MB | {r['search ms (max keystroke)']:.1f} ms | {r['focus depth 2 ms']:.0f} ms ({r['focus nodes']} nodes) | {r['typical ms']:.0f} ms ({r['typical nodes']} nodes) |")


def chromium_version():
    try:
        return subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.split()[1]
    except (OSError, IndexError):
        return "?"


if __name__ == "__main__":
    main()
