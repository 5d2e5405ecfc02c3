#!/usr/bin/python3
"""Golden CLI test: runs the built kgraph in a fresh temporary folder and compares its exit
code, stdout, stderr and output files byte for byte with the case's expectations.

A case is a folder tests/cli/cases/NAME/ holding case.json:
  {"args": [...],            arguments after 'kgraph'
   "copy": {"dst": "src"},   tests/data/src (file or folder) copied to ./dst first
   "stdin": "src",           tests/data/src fed on standard input
   "exit": 0,
   "absent": ["g.json"],     files that must not exist afterwards (no partial output)
   "stderr_pattern": "..."}  a regular expression stderr must match in full, instead of a
                             `stderr` file (for the summary, which holds timings)
and, next to it, the expected `stdout`, `stderr` (missing file = must be empty) and
`expected/` (every file there must be produced with identical bytes).
`run_case.py --update KGRAPH CASE` rewrites the expectations from a run: review the diff.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")


def expected_files(folder):
    """Files below `folder`, as paths relative to it (outputs may be folders: neo4j-csv)."""
    if not os.path.isdir(folder):
        return []
    out = []
    for root, _, files in os.walk(folder):
        out += [os.path.relpath(os.path.join(root, f), folder) for f in files]
    return sorted(out)


def main():
    update = "--update" in sys.argv
    argv = [a for a in sys.argv[1:] if a != "--update"]
    kgraph, case_dir = os.path.abspath(argv[0]), os.path.join(HERE, "cases", argv[1])
    with open(os.path.join(case_dir, "case.json"), encoding="utf-8") as fh:
        case = json.load(fh)
    failures = []
    with tempfile.TemporaryDirectory() as work:
        for dst, src in case.get("copy", {}).items():
            src = os.path.join(DATA, src)
            if os.path.isdir(src):
                shutil.copytree(src, os.path.join(work, dst))
            else:
                os.makedirs(os.path.dirname(os.path.join(work, dst)) or work, exist_ok=True)
                shutil.copy(src, os.path.join(work, dst))
        stdin = open(os.path.join(DATA, case["stdin"]), "rb") if "stdin" in case else subprocess.DEVNULL
        proc = subprocess.run([kgraph, *case["args"]], cwd=work, stdin=stdin, capture_output=True)
        got = {"stdout": proc.stdout, "stderr": proc.stderr}
        expected_dir = os.path.join(case_dir, "expected")
        if update:
            if "stderr_pattern" in case:
                del got["stderr"]
            for name, data in got.items():
                path = os.path.join(case_dir, name)
                if data:
                    open(path, "wb").write(data)
                elif os.path.exists(path):
                    os.remove(path)
            for name in expected_files(expected_dir):
                os.makedirs(os.path.dirname(os.path.join(expected_dir, name)), exist_ok=True)
                shutil.copy(os.path.join(work, name), os.path.join(expected_dir, name))
            case["exit"] = proc.returncode
            with open(os.path.join(case_dir, "case.json"), "w", encoding="utf-8") as fh:
                json.dump(case, fh, ensure_ascii=False, indent=1)
                fh.write("\n")
            print(f"updated {argv[1]} (exit {proc.returncode})")
            return 0
        if proc.returncode != case.get("exit", 0):
            failures.append(f"exit code {proc.returncode}, expected {case.get('exit', 0)}")
        if "stderr_pattern" in case:
            if not re.fullmatch(case["stderr_pattern"], proc.stderr.decode("utf-8"), re.S):
                failures.append(f"stderr does not match the pattern:\n{proc.stderr.decode(errors='replace')}")
            del got["stderr"]
        for name, data in got.items():
            path = os.path.join(case_dir, name)
            want = open(path, "rb").read() if os.path.exists(path) else b""
            if data != want:
                failures.append(f"{name} differs:\n--- expected\n{want.decode(errors='replace')}\n--- got\n{data.decode(errors='replace')}")
        if os.path.isdir(expected_dir):
            for name in expected_files(expected_dir):
                out = os.path.join(work, name)
                if not os.path.exists(out):
                    failures.append(f"output {name} was not written")
                elif open(out, "rb").read() != open(os.path.join(expected_dir, name), "rb").read():
                    failures.append(f"output {name} differs from expected/{name}")
        for name in case.get("absent", []):
            if os.path.exists(os.path.join(work, name)):
                failures.append(f"{name} exists but must not")
        leftovers = [f for f in os.listdir(work) if ".kgraph-" in f]
        if leftovers:
            failures.append(f"temporary files left behind: {leftovers}")
    for f in failures:
        print("FAIL:", f)
    print("PASSED" if not failures else "FAILED")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
