#!/usr/bin/env python3
"""Peak memory per link and per problem (issue 17): converts one file of N and one of 2N
repetitions of a construct and reports (peak(2N) - peak(N)) / N bytes, so that the fixed cost
(the binary, ICU's data, the dictionary of stop words) drops out. Peaks are the child's
ru_maxrss (os.wait4); the file is written in pieces so this process stays small.

bench/memory_per_item.py KGRAPH [OLD_KGRAPH] [--n N]"""

import argparse
import os
import subprocess
import tempfile

CONSTRUCTS = {
    "link [[aN]]": lambda i: f"[[a{i}]] ",
    "link, one target [[a]]": lambda i: "[[a]] ",
    "problem: unclosed [[a": lambda i: "[[a ",
    "problem: empty [[]]": lambda i: "[[]] ",
}


def peak_kib(kgraph, path, out, extra):
    p = subprocess.Popen([kgraph, "build", path, "-o", out, "-O", "-q", "--layout", "none",
                          "--metrics", "off", *extra], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    return usage.ru_maxrss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kgraph", nargs="+")
    ap.add_argument("--n", type=int, default=1_000_000)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-mem-") as d:
        print(f"{'construct':28} " + " ".join(f"{os.path.basename(k):>22}" for k in a.kgraph))
        for name, unit in CONSTRUCTS.items():
            paths = []
            for n in (a.n, 2 * a.n):
                path = os.path.join(d, f"in-{n}.md")
                with open(path, "w") as f:
                    for start in range(0, n, 10000):
                        f.write("".join(unit(i) for i in range(start, min(n, start + 10000))))
                paths.append(path)
            cells = []
            for k in a.kgraph:
                p1 = peak_kib(k, paths[0], os.path.join(d, "o.json"), [])
                p2 = peak_kib(k, paths[1], os.path.join(d, "o.json"), [])
                cells.append(f"{(p2 - p1) * 1024 / a.n:8.0f} B/item ({p2 / 1024:5.0f} MiB)")
            print(f"{name:28} " + " ".join(f"{c:>22}" for c in cells), flush=True)


if __name__ == "__main__":
    main()
