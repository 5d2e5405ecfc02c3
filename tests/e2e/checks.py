"""What the wiki-input checks share: a failure list that prints as it goes, the skip rule for
material that exists only in the workplace and CI, the generator's run, and the numbers of
kgraph's summary."""

import json
import os
import re
import subprocess
import sys

SKIP = 77


class Checks:
    def __init__(self):
        self.failures = []

    def __call__(self, cond, what):
        if not cond:
            self.failures.append(what)
            print("FAIL:", what)

    def result(self):
        print("FAILED" if self.failures else "PASSED", f"({len(self.failures)} failures)")
        return 1 if self.failures else 0


def absent(path, what):
    """True (after saying so) when `path` is missing: the caller returns SKIP."""
    if os.path.exists(path):
        return False
    print(f"SKIP: {what} '{path}' is absent (../shared exists only in the workplace and CI)")
    return True


def generate(gen_corpus, out, fmt, size_mb, seed, *extra):
    """Runs gen-corpus; returns its ground truth."""
    subprocess.run([sys.executable, gen_corpus, "--out", out, "--format", fmt, "--size-mb", str(size_mb),
                    "--seed", str(seed), "--quiet", *extra], check=True)
    with open(os.path.join(out, "ground-truth.json"), encoding="utf-8") as fh:
        return json.load(fh)


def summary(stderr):
    """(edges {kind: (count, weight)}, links extracted, problems, wiki pages) from the summary."""
    edges = {k: (int(c.replace(",", "")), int(w.replace(",", "")))
             for k, c, w in re.findall(r"(\w+) ([\d,]+) \(weight ([\d,]+)\)", stderr)}
    links = int(re.search(r"links ([\d,]+) extracted", stderr).group(1).replace(",", ""))
    problems = int(re.search(r"problems ([\d,]+)", stderr).group(1).replace(",", ""))
    pages = int(re.search(r"wiki pages ([\d,]+)", stderr).group(1).replace(",", ""))
    return edges, links, problems, pages
