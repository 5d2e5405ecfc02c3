#!/usr/bin/python3
"""End-to-end check of `kgraph build` on a MediaWiki dump against the oracle reference_dump.py
(mwparserfromhell): for every page, the set of (target, kind) links and their counts must be
equal. Also checks kgraph's exit code (1 for a truncated dump, which still writes its graph)
and figures given with --expect.
Exit 0 = pass, 1 = fail, 77 = dump absent (ctest shows the test as skipped).
  check_dump.py --kgraph KGRAPH DUMP [--exit N] [--expect NAME=VALUE] [-- kgraph options]
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_dump  # noqa: E402
from checks import SKIP, Checks, absent  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgraph", required=True)
    ap.add_argument("--exit", type=int, default=0, help="kgraph's expected exit code")
    ap.add_argument("--expect", action="append", default=[],
                    help="pages=N (pages compared), redirects=N, links=N, stderr:TEXT (a text stderr holds)")
    ap.add_argument("dump")
    args, extra = ap.parse_known_args()
    extra = [e for e in extra if e != "--"]
    if absent(args.dump, "dump"):
        return SKIP
    check = Checks()

    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "g.json")
        def cmd(output, threads):
            return [args.kgraph, "build", args.dump, "-o", output, "--layout", "none", "--metrics", "off",
                    "-j", str(threads), *extra]
        proc = subprocess.run(cmd(out, 2), capture_output=True, text=True)
        print(proc.stderr.strip()[-3000:])
        check(proc.returncode == args.exit, f"kgraph exited {proc.returncode}, expected {args.exit}")
        one = os.path.join(work, "g1.json")
        subprocess.run(cmd(one, 1), capture_output=True, text=True)
        check(os.path.exists(one) and os.path.exists(out) and open(one, "rb").read() == open(out, "rb").read(),
              "the graph differs between -j1 and -j2")
        if not os.path.exists(out):
            check(False, "kgraph wrote no graph")
            return check.result()
        with open(out, encoding="utf-8") as fh:
            graph = json.load(fh)
    ours = {}
    for link in graph["links"]:
        if link["kind"] in ("link", "embed", "category", "interlanguage"):
            ours.setdefault(link["source"], {})[(link["target"], link["kind"])] = link["weight"]
    theirs, redirects = reference_dump.links(args.dump, in_templates="--links-in-templates" in extra)
    differ = 0
    for page, expected in sorted(theirs.items()):
        got = ours.get(page, {})
        if got != expected:
            differ += 1
            if differ <= 8:
                missing = {k: v for k, v in expected.items() if got.get(k) != v}
                extra_links = {k: v for k, v in got.items() if k not in expected}
                print(f"  page {page!r}: oracle only or other count {list(missing.items())[:6]}, "
                      f"kgraph only {list(extra_links.items())[:6]}")
    extra_pages = [p for p in ours if p not in theirs]
    for p in extra_pages[:8]:
        print(f"  kgraph has links from {p!r}, which the oracle has no page for")
    total = sum(sum(v.values()) for v in theirs.values())
    check(differ == 0 and not extra_pages,
          f"links differ from mwparserfromhell on {differ} of {len(theirs)} pages "
          f"({len(extra_pages)} extra source nodes)")
    print(f"oracle: {len(theirs)} pages, {sum(len(v) for v in theirs.values())} distinct links, "
          f"{total} links, {len(redirects)} redirects")
    for e in args.expect:
        if e.startswith("stderr:"):
            check(e[7:] in proc.stderr, f"stderr lacks '{e[7:]}'")
            continue
        name, _, value = e.partition("=")
        if name == "pages":
            got = len(theirs)
        elif name == "redirects":
            got = len(redirects)
        elif name == "links":
            got = total
        else:
            sys.exit(f"unknown --expect {name}")
        check(str(got) == value, f"expected {name} = {value}, got {got}")
    return check.result()


if __name__ == "__main__":
    sys.exit(main())
