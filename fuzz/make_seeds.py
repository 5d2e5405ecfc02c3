"""Writes the committed seed corpora of the fuzz targets (fuzz/corpus/<target>/) from the
project's test data: each seed is one option byte and a file's bytes, a few option bytes a
file. scripts/fuzz.sh adds the larger corpora of ../shared/corpora at run time. Run again
after changing tests/data: python3 fuzz/make_seeds.py"""

import bz2
import gzip
import hashlib
import lzma
import os
import shutil
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "tests", "data")


def files(*subdirs, suffixes=()):
    for sub in subdirs:
        for root, _, names in os.walk(os.path.join(DATA, sub)):
            for n in sorted(names):
                if not suffixes or n.endswith(suffixes):
                    with open(os.path.join(root, n), "rb") as f:
                        yield f.read()


def write(target, seeds):
    folder = os.path.join(HERE, "corpus", target)
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    for s in seeds:
        name = hashlib.sha1(s).hexdigest()[:16]
        with open(os.path.join(folder, name), "wb") as f:
            f.write(s)


articles = list(files("seed", "mentions/corpus", "bad-input", suffixes=(".md",)))
dumps = list(files("mediawiki", suffixes=(".xml",)))
small = [a[:4096] for a in articles]
wiki = [b"== A ==\n[[File:a.png|thumb|a [[b]] c]] {{t|[[x]]}} <ref>[[r]]</ref> <nowiki>[[n]]</nowiki>"
        b" [http://x.org y] [[zh:\xe4\xb8\xad]] [[Category:C]]\n{|\n| [[cell]]\n|}\n"]
write("link_scanner", [bytes([f]) + t for t in small + wiki for f in (0, 1, 3)])
write("front_matter", [a for a in articles if a.startswith(b"---")] +
      [b"---\ntitle: A\naliases: [b, \"c\"]\nlang: zh\n---\nbody", b"---\naliases:\n  - x\n  - 'y'\n---\n"])
write("article", [bytes([f]) + t for t in small + wiki for f in (0, 0x48, 0xC0)])
jsonl = b'{"title": "A", "text": "[[B]] x", "ns": 0}\n{"title": "R", "text": "", "redirect": "A"}\n'
write("dump", [b"\x00" + d for d in dumps] + [b"\x01" + jsonl])
raw = dumps[0] if dumps else b"<mediawiki/>"
zstd = subprocess.run(["zstd", "-q", "-c"], input=raw, capture_output=True).stdout if shutil.which("zstd") else b""
write("decompress", ([b"\x04" + zstd] if zstd else []) + [b"\x04" + bz2.compress(raw), b"\x04" + gzip.compress(raw, mtime=0),
                     b"\x04" + lzma.compress(raw), b"\x04" + bz2.compress(raw) + bz2.compress(raw),
                     b"\x00" + bz2.compress(raw)[3:]])
write("list_files", [b"\x00" + e for e in files("mentions", suffixes=(".tsv", ".jsonl"))] +
      [b"\x01# stop words\nthe\n\xe7\x9a\x84\n"])
write("differential", [b"\x03" + b"ab\nb\n\xe4\xb8\xad\xe5\x9b\xbd\n\nxxabab \xe4\xb8\xad\xe5\x9b\xbd", b"\x07[<{\n\n[[a]]"])
