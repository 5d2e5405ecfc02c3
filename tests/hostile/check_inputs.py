"""Hostile and odd inputs give what they should: reported, counted, never silently dropped, and
the same output whatever order the inputs are named in.

check_inputs.py KGRAPH CASE (one case a run; see CASES)."""

import json
import resource
import os
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
QUICK = ["--layout", "none", "--metrics", "off"]


class Case:
    def __init__(self, kgraph, root):
        self.kgraph, self.root, self.failures = kgraph, root, 0

    def check(self, cond, what):
        print(("ok:   " if cond else "FAIL: ") + what)
        self.failures += not cond

    def run(self, *args, user=None, stdin=None, cwd=None):
        cmd = [self.kgraph, "build", *args]
        if user is not None:
            cmd = ["setpriv", f"--reuid={user}", f"--regid={user}", "--clear-groups", *cmd]
        return subprocess.run(cmd, capture_output=True, input=stdin, cwd=cwd or self.root)

    def write(self, rel, data):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb" if isinstance(data, bytes) else "w") as f:
            f.write(data)
        return path

    def graph(self, out):
        with open(os.path.join(self.root, out), encoding="utf-8") as f:
            return json.load(f)


def node_labels(g):
    return {n["id"]: n.get("label") for n in g["nodes"]}


def case_unreadable_folder(c):
    """A subfolder that cannot be read is a problem (exit 0, counted; --strict exit 1); an input
    folder that cannot be read is a usage error (exit 2)."""
    c.write("v/a.md", "# A\n[[B]]\n")
    c.write("v/sub/c.md", "[[C]]\n")
    user = None
    if os.geteuid() == 0:
        user = 65534  # root reads any folder: the check runs as nobody
        shutil.chown(c.root, user, user)
        for d, _, files in os.walk(c.root):
            shutil.chown(d, user, user)
            for f in files:
                shutil.chown(os.path.join(d, f), user, user)
    os.chmod(os.path.join(c.root, "v", "sub"), 0)
    r = c.run("v", "-o", "g.json", *QUICK, user=user)
    err = r.stderr.decode()
    c.check(r.returncode == 0, f"exit 0 ({r.returncode})")
    c.check("v/sub: cannot read folder: Permission denied" in err, "the folder is named, with the reason")
    c.check("problems 1: unreadable file 1" in err, "counted in the summary")
    r = c.run("v", "-o", "g2.json", "--strict", *QUICK, user=user)
    c.check(r.returncode == 1, f"--strict: exit 1 ({r.returncode})")
    os.chmod(os.path.join(c.root, "v"), 0)
    r = c.run("v", "-o", "g3.json", *QUICK, user=user)
    c.check(r.returncode == 2 and b"cannot read folder 'v'" in r.stderr,
            f"an unreadable input folder: exit 2 ({r.returncode}, {r.stderr.decode().strip()})")
    os.chmod(os.path.join(c.root, "v"), 0o755)
    os.chmod(os.path.join(c.root, "v", "sub"), 0o755)


def case_same_stem_files(c):
    """Two files with one stem named one by one are two articles, as they are in a folder."""
    c.write("n/x.md", "# First\n[[a]]\n")
    c.write("n/b/x.md", "# Second\n[[c]]\n")
    c.run("n", "-o", "folder.json", *QUICK)
    c.run("n/x.md", "n/b/x.md", "-o", "files.json", *QUICK)
    articles = lambda g: sorted(n["id"] for n in g["nodes"] if n["kind"] == "article")
    c.check(articles(c.graph("folder.json")) == ["b/x", "x"], f"folder: {articles(c.graph('folder.json'))}")
    c.check(articles(c.graph("files.json")) == ["n/b/x", "x"], f"files: {articles(c.graph('files.json'))}")


def case_input_order(c):
    """The same files named in any order give byte-identical outputs (labels, mentions, keys)."""
    notes = {"p/Settings one.md": "Intro text of one.\n\n## Settings\n\nSee Graph view here.\n",
             "p/Graph view.md": "Graph view text.\n\n## Settings\n\nMention of Settings one.\n",
             "q/x.md": "# X\n[[Graph view]] and x\n", "r/x.md": "# Other X\nSettings one\n"}
    paths = [c.write(rel, text) for rel, text in notes.items()]
    outs = []
    for i, order in enumerate((paths, paths[::-1], paths[1:] + paths[:1])):
        out = f"o{i}.graphml"
        r = c.run(*order, "-o", out, "-j", str(1 + i % 2), "--min-link-prob", "0")
        c.check(r.returncode == 0, f"order {i}: built")
        with open(os.path.join(c.root, out), "rb") as f:
            outs.append(f.read())
    c.check(outs[0] == outs[1] == outs[2], "the three orders give the same bytes")


def case_heading_labels(c):
    """A heading after the note's own text is a section, not the label; a label shared by two
    notes is no mention form (ambiguous), so neither gets the other's mentions."""
    c.write("v/List view.md", "List is a view.\n\n## Settings\n\ntext\n")
    c.write("v/Cards view.md", "Cards is a view.\n\n## Settings\n\ntext\n")
    c.write("v/Intro.md", "[back](Index.md)\n---\n\n## The Intro Title\n\nbody\n")
    c.write("v/Index.md", "Settings are explained in each view. The Intro Title says more.\n")
    c.write("v/A.md", "# Same\nbody\n")
    c.write("v/B.md", "# Same\nbody\n")
    c.write("v/C.md", "Same words here\n")
    r = c.run("v", "-o", "g.json", *QUICK, "--min-link-prob", "0")
    labels = node_labels(c.graph("g.json"))
    c.check(labels.get("list view") == "List view", f"'List view' keeps its name ({labels.get('list view')})")
    c.check(labels.get("cards view") == "Cards view", "'Cards view' keeps its name")
    c.check(labels.get("intro") == "The Intro Title", "a heading after navigation names the note")
    mentions = {(l["source"], l["target"]) for l in c.graph("g.json")["links"] if l["kind"] == "mention"}
    c.check(("index", "intro") in mentions, f"its title is a mention form ({sorted(mentions)})")
    c.check(not any(t in ("a", "b") for _, t in mentions), "a label of two notes is not spotted")
    c.check("ambiguous 1" in r.stderr.decode(), "the summary counts it as ambiguous")


def case_nul_bytes(c):
    """A NUL after the first 8 KiB (and in JSON-lines text) is reported and never reaches an
    output: DOT renders with Graphviz, CSV has no NUL."""
    c.write("nul.md", b"# T\n" + b"x" * 9000 + b" [[A\x00B]] \x00\n")
    c.write("nul.jsonl", json.dumps({"title": "N\u0000T", "text": "[[C\u0000D]]"}) + "\n")
    r = c.run("nul.md", "nul.jsonl", "-o", "g.dot", *QUICK)
    err = r.stderr.decode()
    c.check("nul.md:2:9005: a NUL byte replaced with U+FFFD (and 1 more in this file)" in err,
            "positioned in the file")
    c.check("nul.jsonl:1:" in err and "NUL byte" in err, "in JSON lines too")
    c.check("NUL byte 2" in err, f"counted ({err.splitlines()[-2] if err else ''})")
    with open(os.path.join(c.root, "g.dot"), "rb") as f:
        c.check(b"\x00" not in f.read(), "no NUL in the DOT file")
    if shutil.which("dot"):
        d = subprocess.run(["dot", "-Tsvg", os.path.join(c.root, "g.dot")], capture_output=True)
        c.check(d.returncode == 0, f"Graphviz renders it ({d.stderr[-200:]})")
    c.run("nul.md", "nul.jsonl", "-o", "csv", "-f", "gephi-csv", *QUICK)
    for n in ("nodes.csv", "edges.csv"):
        with open(os.path.join(c.root, "csv", n), "rb") as f:
            c.check(b"\x00" not in f.read(), f"no NUL in {n}")


def case_spreadsheet_formulas(c):
    """Labels that start with = + - @ are text in the spreadsheet CSV, not formulas."""
    c.write("f.md", "# =1+2\n[[@cmd]] [[-x]] [[+y]]\n")
    c.run("f.md", "-o", "csv", "-f", "gephi-csv", *QUICK)
    with open(os.path.join(c.root, "csv", "nodes.csv"), encoding="utf-8") as f:
        rows = [line.split(",")[:2] for line in f.read().splitlines()[1:]]
    cells = [cell for row in rows for cell in row]
    c.check(all(cell[:1] not in "=+-@" or not cell for cell in cells), f"no cell starts a formula: {cells}")
    c.check("'=1+2" in cells and "'@cmd" in cells, "neutralised with a leading '")


def case_compressed_stdin(c):
    """A compressed dump piped in without -F says to add -F (not an empty graph in silence);
    a pipe named as input is read once even with --keep-texts 0."""
    dump = b"<mediawiki><page><title>A</title><ns>0</ns><revision><text>[[B]]</text></revision></page></mediawiki>"
    bz = subprocess.run(["bzip2", "-c"], input=dump, capture_output=True).stdout
    r = c.run("-", "-o", "g.json", *QUICK, stdin=bz)
    err = r.stderr.decode()
    c.check("add -F mediawiki" in err, f"says what to do: {err.splitlines()[:1]}")
    c.check("problems 1" in err, "counted")
    r = c.run("-", "-o", "g2.json", "-F", "mediawiki", "--mentions", "off", "--cooccurrence", "off", *QUICK, stdin=bz)
    c.check(r.returncode == 0 and any(n["id"] == "B" for n in c.graph("g2.json")["nodes"]), "with -F it is read")
    c.write("a.md", "# A\n[[B]] and B again\n")
    p = subprocess.run(["bash", "-c", f"exec {c.kgraph} build <(cat a.md) --keep-texts 0 -o p.json --layout none"],
                       cwd=c.root, capture_output=True, timeout=20)
    c.check(p.returncode == 0, f"a pipe with --keep-texts 0 is read once, not waited on ({p.returncode})")


def case_minor(c):
    """A lone CR ends a line; a dump page without a title is skipped and reported (no node keyed
    ''); an empty dump says so (no 'byte offset -1'); a folder of JSON lines only says how to
    read them."""
    c.write("cr.md", "# T\r[[A]]\r\r[[B\r]]\r")
    r = c.run("cr.md", "-o", "cr.json", *QUICK)
    c.check(b"cr.md:4:1: unclosed wiki-link '[[B'" in r.stderr, f"lone CR: line 4 ({r.stderr[:80]})")
    c.write("t.xml", "<mediawiki><page><title></title><ns>0</ns><revision><text>[[B]]</text>"
            "</revision></page><page><title>A</title><ns>0</ns><revision><text>[[D]]</text>"
            "</revision></page></mediawiki>\n")
    r = c.run("t.xml", "-o", "t.json", *QUICK)
    ids = [n["id"] for n in c.graph("t.json")["nodes"]]
    c.check("" not in ids and "A" in ids, f"no node keyed '' ({ids})")
    c.check(b"a page without a title is skipped" in r.stderr, "reported")
    c.write("empty.xml", "")
    r = c.run("empty.xml", "-o", "e.json", *QUICK)
    c.check(b"the dump is empty" in r.stderr and b"-1" not in r.stderr, f"empty dump: {r.stderr[:90]}")
    c.write("jf/a.jsonl", json.dumps({"title": "A", "text": "[[B]]"}) + "\n")
    r = c.run("jf", "-o", "jf.json", *QUICK)
    c.check(b"name them as inputs" in r.stderr, "a folder of JSON lines says to name them")
    c.write("ent.wiki", "[[Caf&eacute;]] [[Café]] [[Caf&#233;]]\n")
    c.run("ent.wiki", "-o", "ent.json", *QUICK)
    ids = sorted(n["id"] for n in c.graph("ent.json")["nodes"] if n["kind"] != "article")
    c.check(ids == ["café"], f"HTML character references decode in wikitext link targets ({ids})")


def case_too_large(c):
    """A JSON line, a dump page's text or an article file over --max-page-mb is skipped and
    reported; what follows it is read."""
    big = "[[A]] " + "x" * (3 << 20)
    c.write("big.jsonl", json.dumps({"title": "Big", "text": big}) + "\n" +
            json.dumps({"title": "Ok", "text": "[[B]]"}) + "\n")
    c.write("big.xml", "<mediawiki><page><title>Big</title><ns>0</ns><revision><text>" + big +
            "</text></revision></page><page><title>Ok</title><ns>0</ns><revision><text>[[C]]"
            "</text></revision></page></mediawiki>\n")
    c.write("big.md", big)
    c.write("ok.md", "[[D]]")
    for name, kept in (("big.jsonl", "B"), ("big.xml", "C"), ("big.md", None)):
        inputs = [name] + (["ok.md"] if kept is None else [])
        r = c.run(*inputs, "-o", "g.json", "-O", "--max-page-mb", "2", *QUICK)
        ids = [n["id"] for n in c.graph("g.json")["nodes"]]
        c.check(b"(--max-page-mb) is skipped" in r.stderr and b"too large 1" in r.stderr,
                f"{name}: reported and counted")
        c.check("A" not in ids and (kept or "d") in ids, f"{name}: skipped, the rest read ({ids})")


def case_list_files(c):
    """--stopwords and --entities must name files of UTF-8 text; an entities file is JSON lines
    or TSV as a whole. Anything else is a usage error (exit 2) that says where."""
    c.write("a.md", "# A\n[[B]]\n")
    os.makedirs(os.path.join(c.root, "folder"), exist_ok=True)
    c.write("bin.txt", b"ok\nx\x00y\n")
    c.write("bad.txt", b"ok\n\xff\xfe\n")
    c.write("e.jsonl", "name\talias\n")
    c.write("mixed.tsv", '{"name": "X"}\nY\tz\n')
    cases = [(["--stopwords", "folder"], b"is a folder"),
             (["--stopwords", "bin.txt"], b"bin.txt:2:2: a NUL byte"),
             (["--stopwords", "bad.txt"], b"bad.txt:2: invalid UTF-8"),
             (["--entities", "folder"], b"is a folder"),
             (["--entities", ""], b"names no file"),
             (["--entities", "e.jsonl"], b"e.jsonl:1: expected a JSON object"),
             (["--entities", "mixed.tsv"], b"mixed.tsv:2: expected a JSON object")]
    for args, message in cases:
        r = c.run("a.md", "-o", "g.json", "-O", *args, *QUICK)
        c.check(r.returncode == 2 and message in r.stderr,
                f"{' '.join(args)}: exit 2, '{message.decode()}' ({r.returncode}: {r.stderr[:100]})")
    # Nesting 200,000 deep in an entity line: parsed on the heap, not the stack.
    c.write("deep.jsonl", '{"name": "Deep", "x": ' + "[" * 200000 + "]" * 200000 + "}\n")
    r = c.run("a.md", "-o", "g.json", "-O", "--entities", "deep.jsonl", *QUICK)
    c.check(r.returncode == 0, f"a deeply nested entity line is read ({r.returncode})")


def case_bz2_bomb(c):
    """Ten 300 MB bzip2 streams of zeros (24 KB on disk), read on two threads: the XML parser
    fails on the first bytes, and decompression stops with it instead of inflating every
    stream in memory (it took 24 s and 4 GB)."""
    one = subprocess.run("head -c 300M /dev/zero | bzip2 -c", shell=True, capture_output=True).stdout
    c.write("zeros.xml.bz2", one * 10)
    p = subprocess.Popen([c.kgraph, "build", "zeros.xml.bz2", "-o", "z.json", "-j2", "-q"],
                         cwd=c.root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, err = p.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        c.check(False, "ran over 10 s (killed)")
        return
    c.check(p.returncode == 1 and b"broke off" in err, f"exit 1, the input broke off ({p.returncode})")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024
    c.check(peak < 1024, f"peak memory {peak} MiB (under 1 GiB; inflating all would take 3 GB)")


CASES = {n[5:]: f for n, f in globals().items() if n.startswith("case_")}


def main():
    kgraph, name = os.path.abspath(sys.argv[1]), sys.argv[2]
    root = tempfile.mkdtemp(prefix="kg-inputs-")
    os.chmod(root, 0o755)
    try:
        c = Case(kgraph, root)
        if CASES[name](c) == SKIP:
            return SKIP
        print("FAILED" if c.failures else "PASSED", f"({c.failures} failures)")
        return 1 if c.failures else 0
    finally:
        for d, dirs, _ in os.walk(root):
            for x in dirs:
                os.chmod(os.path.join(d, x), 0o755)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
