#!/usr/bin/env python3
"""--evidence K end to end: kgraph writes node-link JSON with the passages behind its edges;
this script reads every passage back from the source file at its file:line:column and checks
that the text is the file's text there, that the marks are the names (a link's markup, a
mention's name), at most K an edge, in document order, the same bytes with -j1 and -j2.

    check_evidence.py --kgraph KGRAPH [--k 2] INPUT...
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from checks import SKIP, Checks, absent  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgraph", required=True)
    ap.add_argument("--k", type=int, default=2)
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    if any(absent(i, "corpus") for i in args.inputs):
        return SKIP
    check = Checks()
    with tempfile.TemporaryDirectory() as tmp:
        outs = []
        for j in ("1", "2"):
            out = os.path.join(tmp, f"g{j}.json")
            run = subprocess.run([args.kgraph, "build", *args.inputs, "--evidence", str(args.k), "-j", j, "-o", out],
                                 capture_output=True, text=True)
            check(run.returncode == 0, f"kgraph exits 0 with -j{j} ({run.stderr[-400:]})")
            if run.returncode != 0:
                return check.result()
            outs.append(out)
        check(open(outs[0], "rb").read() == open(outs[1], "rb").read(), "the same bytes with -j1 and -j2")
        data = json.load(open(outs[0], encoding="utf-8"))
    files = {}

    def file_text(path):
        if path not in files:
            with open(path, encoding="utf-8", newline="") as fh:
                text = fh.read()
            starts = [0]
            for i, c in enumerate(text):
                if c == "\n":
                    starts.append(i + 1)
            files[path] = (text, starts)
        return files[path]

    counts = {}
    bad = 0
    for link in data["links"]:
        passages = link.get("evidence", [])
        if not passages:
            continue
        counts[link["kind"]] = counts.get(link["kind"], 0) + len(passages)
        if len(passages) > args.k:
            bad += 1
            check(False, f"at most {args.k} passages an edge: {link['source']} -> {link['target']} has {len(passages)}")
        places = []
        for p in passages:
            path, line, column = p["where"].rsplit(":", 2)
            text, starts = file_text(path)
            at = starts[int(line) - 1] + int(column) - 1
            marks = p["marks"]
            first = marks[0][0]
            start = at - first
            ok = text[start:start + len(p["text"])] == p["text"]
            names = [p["text"][a:b] for a, b in marks]
            if link["kind"] in ("link", "embed", "category"):
                ok = ok and names[0].startswith(("[", "!"))
            elif link["kind"] == "mention":
                ok = ok and len(names[0]) > 0 and not names[0].startswith("[[")
            elif link["kind"] == "cooccurrence":
                ok = ok and len(names) in (1, 2) and all(names)
            if not ok and bad < 10:
                check(False, f"{link['kind']} {link['source']} -> {link['target']}: passage {p['text']!r} at {p['where']} "
                             f"is not the file's text there ({text[start:start + len(p['text'])]!r}), marks {names}")
            bad += not ok
            places.append((args.inputs and path, int(line), int(column)))
        # Document order: within one file, a later passage comes later in it.
        same_file = [pl for pl in places if pl[0] == places[0][0]]
        check(same_file == sorted(same_file), f"passages in document order: {link['source']} -> {link['target']}: {places}")
    print("passages by edge kind:", counts, "mismatches:", bad)
    check(counts.get("link", 0) > 0, "link edges carry passages")
    check(bad == 0, f"every passage is the source text at its position ({bad} are not)")
    return check.result()


if __name__ == "__main__":
    sys.exit(main())
