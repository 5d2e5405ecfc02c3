#!/usr/bin/python3
"""End-to-end check of JSON-lines input against a generated corpus's ground truth
(../shared/tools/gen-corpus --format jsonl, whose ground-truth.json counts every link): link,
embed, category and language-prefixed link totals and the unclosed links must equal kgraph's
summary; the gzip-compressed file must give the same graph; a bad line must be reported with
its line number and skipped, keeping every other page.
Exit 0 = pass, 1 = fail, 77 = generator absent.
  check_jsonl.py --kgraph KGRAPH --gen-corpus PATH
"""

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import SKIP, Checks, absent, generate, summary  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kgraph", required=True)
    ap.add_argument("--gen-corpus", required=True)
    args = ap.parse_args()
    if absent(args.gen_corpus, "generator"):
        return SKIP
    check = Checks()
    with tempfile.TemporaryDirectory() as work:
        truth = generate(args.gen_corpus, os.path.join(work, "c"), "jsonl", 2, 4)
        src = os.path.join(work, "c", "corpus", "part-00000.jsonl")

        def build(path, out):
            p = subprocess.run([args.kgraph, "build", path, "-o", out, "--layout", "none", "--metrics", "off"],
                               capture_output=True, text=True)
            return p.returncode, p.stderr

        code, err = build(src, os.path.join(work, "a.json"))
        check(code == 0, f"kgraph exited {code}")
        edges, links, problems, pages = summary(err)
        t = truth["links"]
        print(f"kgraph: {links} links, edges {edges}, problems {problems}; truth: {t['total']} links, "
              f"{t['category']} category, {t['embed']} embeds, {t['lang_prefix']} language-prefixed, "
              f"{truth['ignored']['malformed_unclosed']} unclosed")
        check(links == t["total"], f"links {links} != ground truth {t['total']}")
        check(edges["embed"][1] == t["embed"], f"embed weight {edges['embed'][1]} != {t['embed']}")
        check(edges["category"][1] == t["category"], f"category weight {edges['category'][1]} != {t['category']}")
        check(edges["category"][0] == truth["edges"]["category"], f"category edges {edges['category'][0]} != {truth['edges']['category']}")
        check(edges.get("interlanguage", (0, 0))[1] == t["lang_prefix"],
              f"interlanguage weight {edges.get('interlanguage')} != {t['lang_prefix']}")
        check(edges["link"][1] == t["entity_links"] - t["lang_prefix"],
              f"link weight {edges['link'][1]} != {t['entity_links'] - t['lang_prefix']}")
        check(problems == truth["ignored"]["malformed_unclosed"], f"problems {problems} != unclosed links")
        documents = truth["documents"]["articles"] + truth["documents"]["index_pages"]
        check(pages == documents, f"pages {pages} != {documents}")

        with open(src, "rb") as fh, gzip.open(os.path.join(work, "b.jsonl.gz"), "wb") as gz:
            shutil.copyfileobj(fh, gz)
        code, _ = build(os.path.join(work, "b.jsonl.gz"), os.path.join(work, "b.json"))
        check(code == 0 and open(os.path.join(work, "a.json"), "rb").read() == open(os.path.join(work, "b.json"), "rb").read(),
              "the .jsonl.gz gives another graph")

        lines = open(src, encoding="utf-8").read().splitlines(keepends=True)
        bad = os.path.join(work, "bad.jsonl")
        with open(bad, "w", encoding="utf-8") as fh:
            fh.writelines(lines[:3] + ['{"title": "Broken", "text": "no end\n', '[1, 2]\n'] + lines[3:])
        code, err = build(bad, os.path.join(work, "c.json"))
        check(code == 0, f"bad lines: kgraph exited {code}")
        check(f"bad.jsonl:4: not JSON" in err, f"line 4 is not reported: {err[:400]}")
        check(f"bad.jsonl:5: expected a JSON object" in err, "line 5 is not reported")
        _, _, problems2, pages2 = summary(err)
        check(pages2 == pages and problems2 == problems + 2, f"bad lines: {pages2} pages, {problems2} problems")
        print(err.splitlines()[0] if err else "")
    return check.result()


if __name__ == "__main__":
    sys.exit(main())
