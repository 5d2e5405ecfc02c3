#!/usr/bin/python3
"""End-to-end check of MediaWiki dump input against a generated dump's ground truth
(../shared/tools/gen-corpus --format mediawiki): links, links inside templates (with
--links-in-templates), language-prefixed links, file links, redirects and unclosed links must
equal kgraph's summary, and the multistream .bz2 of the same dump must give the same graph; a
--dirty dump (invalid UTF-8 in the XML) must be read to its end with the bad bytes reported.
One deliberate difference: the generator writes Chinese categories as [[分类:X]], but its
<siteinfo> names namespace 14 only "Category"; on such a wiki MediaWiki reads [[分类:X]] as a
link to the page "分类:X", and so does kgraph, so those are counted as links here.
Exit 0 = pass, 1 = fail, 77 = generator absent.
  check_generated_dump.py --kgraph KGRAPH --gen-corpus PATH
"""

import argparse
import bz2
import os
import re
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
        truth = generate(args.gen_corpus, os.path.join(work, "c"), "mediawiki", 5, 3)
        xml = os.path.join(work, "c", "pages-articles.xml")
        text = open(xml, encoding="utf-8").read()
        han_categories = len(re.findall(r"\[\[分[类類]:", text))

        def build(path, out, *extra):
            p = subprocess.run([args.kgraph, "build", path, "-o", out, "--layout", "none", "--metrics", "off",
                                "--max-reports", "0", *extra], capture_output=True, text=True)
            return p.returncode, p.stderr

        code, err = build(xml, os.path.join(work, "a.json"), "--links-in-templates")
        check(code == 0, f"kgraph exited {code}: {err[-300:]}")
        edges, links, problems, pages = summary(err)
        t = truth["links"]
        redirects = int(re.search(r"([\d,]+) redirects", err).group(1).replace(",", ""))
        print(f"kgraph: {links} links, edges {edges}, {redirects} redirects, problems {problems}")
        print(f"truth: {t}, redirects {truth['documents']['redirects']}, unclosed {truth['ignored']['malformed_unclosed']}, "
              f"[[分类: written {han_categories}")
        check(links == t["total"], f"links {links} != {t['total']}")
        check(edges["interlanguage"][1] == t["lang_prefix"], f"interlanguage {edges['interlanguage']} != {t['lang_prefix']}")
        check(edges["embed"][1] == t["file"], f"embeds {edges['embed']} != {t['file']}")
        check(edges["category"][1] == t["category"] - han_categories,
              f"category weight {edges['category'][1]} != {t['category']} - {han_categories}")
        check(redirects == truth["documents"]["redirects"], f"redirects {redirects}")
        check(problems == truth["ignored"]["malformed_unclosed"], f"problems {problems}")
        code, err = build(xml, os.path.join(work, "b.json"))
        _, links_default, _, _ = summary(err)
        check(links_default == t["total"] - t["in_template"],
              f"without --links-in-templates: {links_default} != {t['total']} - {t['in_template']}")

        raw = open(xml, "rb").read()
        step = len(raw) // 20
        with open(os.path.join(work, "m.xml.bz2"), "wb") as fh:
            for i in range(0, len(raw), step):
                fh.write(bz2.compress(raw[i:i + step]))
        for threads in ("1", "2"):
            build(os.path.join(work, "m.xml.bz2"), os.path.join(work, f"m{threads}.json"), "-j", threads)
            check(open(os.path.join(work, "b.json"), "rb").read() == open(os.path.join(work, f"m{threads}.json"), "rb").read(),
                  f"the multistream .bz2 with -j{threads} gives another graph")
        # --dirty: invalid UTF-8 in the XML; expat would stop at the first bad byte, kgraph
        # replaces the bytes before parsing, reports them and reads every page.
        dirty = generate(args.gen_corpus, os.path.join(work, "d"), "mediawiki", 2, 5, "--dirty")
        code, err = build(os.path.join(work, "d", "pages-articles.xml"), os.path.join(work, "d.json"))
        _, links_dirty, _, pages_dirty = summary(err)
        print(f"dirty: {dirty['dirty']['invalid_utf8_sequences']} bad sequences planted; kgraph: "
              f"{re.search(r'problems .*', err).group(0)}")
        check(code == 0, f"dirty dump: exit {code}")
        check(re.search(r"problems [\d,]+: .*invalid UTF-8 1", err) is not None, "dirty dump: not counted")
        check(links_dirty == dirty["links"]["total"] - dirty["links"]["in_template"],
              f"dirty dump: {links_dirty} links, expected {dirty['links']['total'] - dirty['links']['in_template']}")
        d = dirty["documents"]
        check(pages_dirty == d["articles"] + d["index_pages"] + d["redirects"] + d["category_pages"],
              f"dirty dump: {pages_dirty} pages read")
    return check.result()


if __name__ == "__main__":
    sys.exit(main())
