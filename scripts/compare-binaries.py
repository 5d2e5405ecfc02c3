#!/usr/bin/env python3
"""Runs two kgraph binaries over every corpus of ../shared/corpora x option sets x every output
format and says where their outputs differ: output files byte for byte, stderr with times and
rates masked. Used to show that a change kept behaviour (issue 14: "every output
byte-identical to the binary before the change").

usage: scripts/compare-binaries.py OLD_KGRAPH NEW_KGRAPH [--corpora DIR] [--quick]
Exit 0 when everything matches, 1 when something differs (each difference is listed).
"""
import argparse
import filecmp
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# Every file output format in one run; the two CSV folder formats each need a run of their own.
FILE_OUTPUTS = ["g.graphml", "g.json", "g.gexf", "g.graphology.json", "g.cyjs", "g.dot"]
FOLDER_FORMATS = ["neo4j-csv", "gephi-csv"]

ARTICLE_SETS = {
    "defaults -j2": ["-j2"],
    "defaults -j1": ["-j1"],
    "fold-han": ["-j2", "--fold-han", "--case", "fold"],
    "paragraph windows": ["-j2", "--cooccurrence", "paragraph"],
    "article windows, yed, report": ["-j2", "--cooccurrence", "article", "--yed", "--report", "report.txt"],
    "reduced": ["-j2", "--min-weight", "2", "--top", "60", "--rank-by", "degree"],
    "links only": ["-j2", "--mentions", "off", "--cooccurrence", "off", "--suspect-links", "off",
                   "--layout", "none", "--metrics", "off"],
}
DUMP_SETS = {
    "defaults -j2": ["-j2"],
    "defaults -j1": ["-j1"],
    "redirects keep": ["-j2", "--redirects", "keep"],
    "mentions on": ["-j2", "--mentions", "on", "--cooccurrence", "sentence"],
    "fold-han": ["-j2", "--fold-han", "--case", "fold", "--redirects", "keep"],
}
BIG_SETS = {"defaults -j2": ["-j2"], "links only -j1": ARTICLE_SETS["links only"][1:] + ["-j1"]}

TIMING = [
    (re.compile(rb"\d+\.\d+ s\b"), b"T s"),
    (re.compile(rb"\d+\.\d+ MB/s"), b"R MB/s"),
]


def inputs(corpora):
    """(name, [args], sets): every input of the corpora folder."""
    out = []
    for name in sorted(os.listdir(corpora)):
        path = os.path.join(corpora, name)
        if not os.path.isdir(path) or name.startswith(("schema-", "gexf-", "graphml-")):
            continue
        if name.startswith("mediawiki-"):
            for f in sorted(os.listdir(path)):
                if f.endswith((".xml", ".bz2", ".xz")):
                    out.append((name + "/" + f, [os.path.join(path, f)], DUMP_SETS))
        elif name.startswith("wikitext-"):
            out.append((name, ["-F", "wikitext", path], ARTICLE_SETS))
        elif name == "markdown-ourhimalayas-gnews-10k":
            out.append((name, [path], BIG_SETS))
        elif name == "markdown-dendron-site-vault":
            out.append((name, ["--label-first", path], ARTICLE_SETS))
        else:
            out.append((name, [path], ARTICLE_SETS))
    return out


def run(binary, args, workdir):
    os.makedirs(workdir)
    p = subprocess.run([binary, "build", *args], cwd=workdir, capture_output=True)
    err = p.stderr
    for pattern, repl in TIMING:
        err = pattern.sub(repl, err)
    return p.returncode, err


def same_tree(a, b):
    """Names of files that differ or exist on one side only."""
    diffs = []
    for root, _, files in os.walk(a):
        for f in files:
            pa = os.path.join(root, f)
            pb = os.path.join(b, os.path.relpath(pa, a))
            if not os.path.exists(pb) or not filecmp.cmp(pa, pb, shallow=False):
                diffs.append(os.path.relpath(pa, a))
    for root, _, files in os.walk(b):
        for f in files:
            pb = os.path.join(root, f)
            if not os.path.exists(os.path.join(a, os.path.relpath(pb, b))):
                diffs.append(os.path.relpath(pb, b))
    return diffs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--corpora", default=os.path.join(HERE, "..", "..", "shared", "corpora"))
    ap.add_argument("--quick", action="store_true", help="defaults -j2 only")
    a = ap.parse_args()
    old, new = os.path.abspath(a.old), os.path.abspath(a.new)
    tmp = tempfile.mkdtemp(prefix="kg-compare-")
    failures = []
    runs = 0
    try:
        for name, args, sets in inputs(a.corpora):
            for set_name, opts in sets.items():
                if a.quick and set_name != "defaults -j2":
                    continue
                variants = [("files", sum((["-o", o] for o in FILE_OUTPUTS), []))]
                variants += [(f, ["-f", f, "-o", "out"]) for f in FOLDER_FORMATS]
                for vname, outs in variants:
                    runs += 1
                    base = os.path.join(tmp, str(runs))
                    ro = run(old, opts + args + outs, os.path.join(base, "old"))
                    rn = run(new, opts + args + outs, os.path.join(base, "new"))
                    label = f"{name} [{set_name}] {vname}"
                    if ro[0] != rn[0]:
                        failures.append(f"{label}: exit {ro[0]} vs {rn[0]}")
                    if ro[1] != rn[1]:
                        failures.append(f"{label}: stderr differs\n--- old\n{ro[1].decode(errors='replace')}"
                                        f"--- new\n{rn[1].decode(errors='replace')}")
                    for d in same_tree(os.path.join(base, "old"), os.path.join(base, "new")):
                        failures.append(f"{label}: {d} differs")
                    shutil.rmtree(base)
                print(f"compared {name} [{set_name}]", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print(f)
    print(f"{runs} runs of each binary, {len(failures)} differences", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
