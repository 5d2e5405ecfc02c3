"""Every construct the Markdown and wikitext scanners know takes time and memory linear in its
repetitions: for each opener, closer and combination below, an input of size N and one of 4N
are converted; the test fails if time grows more than 6x (linear is 4x; noise is generous)
or peak memory more than 5x, or if any run takes over 10 s (killed).

check_linear.py KGRAPH [--only NAME] [--n N] [--list]

Times are the child's user+system CPU seconds (os.wait4), which a loaded machine disturbs
less than wall time; inputs under 0.05 s are grown until they are not, so the ratio measures
the scanner and not the start-up; a ratio over the limit is measured once more (the faster
run of each size counts)."""

import argparse
import os
import subprocess
import sys
import tempfile
import time

KILL_SECONDS = 10
MAX_TIME_RATIO = 6.0
MAX_MEMORY_RATIO = 5.0

# name: (suffix, unit) - the input is unit * n. The suffix picks the scanner: .md Markdown,
# .wiki wikitext, .xml a MediaWiki dump page, .jsonl a JSON-lines page.
MD, WIKI = ".md", ".wiki"
CONSTRUCTS = {
    # wiki-links and embeds, in both scanners
    "[[": (MD, "[["), "]]": (MD, "]]"), "[[a|": (MD, "[[a|"), "![[": (MD, "![["),
    "[[a": (MD, "[[a "), "[[a#": (MD, "[[a#"), "[[a|[[": (MD, "[[a|[["),
    "wiki [[": (WIKI, "[["), "wiki ]]": (WIKI, "]]"), "wiki [[a|": (WIKI, "[[a|"),
    "wiki [[File:a|": (WIKI, "[[File:a|"), "wiki [[File:a|[[": (WIKI, "[[File:a|[["),
    "wiki [[Category:": (WIKI, "[[Category:"), "wiki [[zh:": (WIKI, "[[zh:"),
    # Markdown links, images, code, HTML
    "[a](": (MD, "[a]("), "![a](": (MD, "![a]("), "[a](<": (MD, "[a](<"), "[": (MD, "["),
    "]": (MD, "]"), "](": (MD, "]("), "[a]": (MD, "[a]"), "[a]: ": (MD, "[a]: "),
    "[a][": (MD, "[a]["), "`": (MD, "`"), "``": (MD, "`` "), "```\\n": (MD, "```\n"),
    "~~~\\n": (MD, "~~~\n"), "<": (MD, "<"), "<a": (MD, "<a "), "<!--": (MD, "<!--"),
    "<http://x": (MD, "<http://x"), "\\\\[": (MD, "\\["), "$$": (MD, "$$"), "$": (MD, "$"),
    "%%": (MD, "%%"), "---\\n": (MD, "---\n"), "#": (MD, "#"), "[^": (MD, "[^"),
    # wikitext markup
    "wiki <": (WIKI, "<"), "wiki <nowiki>": (WIKI, "<nowiki>"), "wiki </nowiki>": (WIKI, "</nowiki>"),
    "wiki <ref>": (WIKI, "<ref>"), "wiki <ref name=a>": (WIKI, "<ref name=a>"),
    "wiki <math>": (WIKI, "<math>"), "wiki <pre>": (WIKI, "<pre>"), "wiki <code>": (WIKI, "<code>"),
    "wiki <syntaxhighlight>": (WIKI, "<syntaxhighlight>"), "wiki <!--": (WIKI, "<!--"),
    "wiki -->": (WIKI, "-->"), "wiki {{": (WIKI, "{{"), "wiki }}": (WIKI, "}}"),
    "wiki {{a|": (WIKI, "{{a|"), "wiki {{{": (WIKI, "{{{"), "wiki {|": (WIKI, "{|\n"),
    "wiki [http://x ": (WIKI, "[http://x "), "wiki [": (WIKI, "["), "wiki '''": (WIKI, "'''"),
    "wiki <gallery>": (WIKI, "<gallery>"), "wiki __TOC__": (WIKI, "__TOC__"),
    "wiki [[a|<nowiki>": (WIKI, "[[a|<nowiki>"), "wiki <ref>[[": (WIKI, "<ref>[["),
}
# The same inside a MediaWiki dump page and a JSON-lines page (other readers, same scanner).
XML, JSONL = ".xml", ".jsonl"
for unit in ("[[File:a|", "<nowiki>", "<ref>", "[http://x ", "[[", "{{", "<!--", "<"):
    CONSTRUCTS["dump " + unit] = (XML, unit)
    CONSTRUCTS["jsonl " + unit] = (JSONL, unit)
# Openers repeated, then as many closers: nesting as deep as the input.
NESTED = {
    "nested [[File:a| ]]": (WIKI, "[[File:a|", "x", "]]"),
    "nested {{ }}": (WIKI, "{{a|", "x", "}}"),
    "nested [[ ]]": (MD, "[[", "x", "]]"),
    "nested [ ](": (MD, "[", "x", "](y)"),
    "nested <ref> </ref>": (WIKI, "<ref>", "x", "</ref>"),
}


def write_repeated(f, unit, n):
    """unit * n, written in pieces: this process stays small, and a child's peak memory (which
    on Linux starts from the parent's size at fork) is the child's own."""
    piece = unit.encode() * max(1, (1 << 16) // max(1, len(unit)))
    per_piece = len(piece) // len(unit.encode())
    for _ in range(n // per_piece):
        f.write(piece)
    f.write(unit.encode() * (n % per_piece))


def make_input(folder, name, n):
    if name in NESTED:
        suffix, opener, middle, closer = NESTED[name]
        parts = [(opener, n), (middle, 1), (closer, n)]
    else:
        suffix, unit = CONSTRUCTS[name]
        parts = [(unit, n)]
    path = os.path.join(folder, f"input{suffix}")
    head, tail = b"", b""
    if suffix == XML:
        head = (b'<mediawiki><page><title>A</title><ns>0</ns><id>1</id><revision><id>1</id>'
                b'<text xml:space="preserve">')
        tail = b"</text></revision></page></mediawiki>\n"
        parts = [(u.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"), c)
                 for u, c in parts]
    elif suffix == JSONL:
        head, tail = b'{"title": "A", "text": "', b'"}\n'
        parts = [(u.replace("\\", "\\\\").replace("\n", "\\n"), c) for u, c in parts]
    with open(path, "wb") as f:
        f.write(head)
        for unit, count in parts:
            write_repeated(f, unit, count)
        f.write(tail)
    return path, os.path.getsize(path)


def run(kgraph, path, out):
    """(cpu seconds, peak KiB, killed) of one build of `path`."""
    p = subprocess.Popen([kgraph, "build", path, "-o", out, "-O", "-q", "--layout", "none",
                          "--metrics", "off"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    start = time.monotonic()
    while True:
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            p.returncode = os.waitstatus_to_exitcode(status)
            return usage.ru_utime + usage.ru_stime, usage.ru_maxrss, False
        if time.monotonic() - start > KILL_SECONDS:
            p.kill()
            _, status, usage = os.wait4(p.pid, 0)
            return usage.ru_utime + usage.ru_stime, usage.ru_maxrss, True
        time.sleep(0.005)


def measure(kgraph, folder, name, n):
    path, size = make_input(folder, name, n)
    return (size, *run(kgraph, path, os.path.join(folder, "out.json")))


def check(kgraph, folder, name, n0):
    n = n0
    while True:
        size, t1, m1, killed = measure(kgraph, folder, name, n)
        if killed or t1 >= 0.05 or size > 64 << 20:
            break
        n *= 4
    if killed:
        return False, f"{name!r}: {size:,} bytes ran over {KILL_SECONDS} s (killed)"
    size4, t4, m4, killed4 = measure(kgraph, folder, name, 4 * n)
    if killed4:
        return False, f"{name!r}: {size4:,} bytes ran over {KILL_SECONDS} s (killed)"
    if t1 >= 0.05 and t4 / t1 > MAX_TIME_RATIO:
        # Once more, both sizes, keeping the faster run of each: a busy machine slows one run,
        # a quadratic construct slows every one.
        t1 = min(t1, measure(kgraph, folder, name, n)[1])
        t4 = min(t4, measure(kgraph, folder, name, 4 * n)[1])
    # Below 0.05 s the clock's granularity decides: such a run passes on time.
    time_ratio = t4 / t1 if t1 >= 0.05 else 1.0
    memory_ratio = m4 / m1
    ok = time_ratio <= MAX_TIME_RATIO and memory_ratio <= MAX_MEMORY_RATIO
    return ok, (f"{name!r}: {size:,} -> {size4:,} bytes: {t1:.2f} -> {t4:.2f} s "
                f"(x{time_ratio:.1f}), {m1 / 1024:.0f} -> {m4 / 1024:.0f} MiB (x{memory_ratio:.1f})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kgraph")
    ap.add_argument("--only", action="append")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--list", action="store_true")
    a = ap.parse_args()
    names = a.only or [*CONSTRUCTS, *NESTED]
    if a.list:
        print("\n".join(names))
        return 0
    failures = 0
    with tempfile.TemporaryDirectory(prefix="kg-linear-") as folder:
        for name in names:
            ok, line = check(a.kgraph, folder, name, a.n)
            print(("ok:   " if ok else "FAIL: ") + line, flush=True)
            failures += not ok
    print("FAILED" if failures else "PASSED", f"({failures} of {len(names)} constructs)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
