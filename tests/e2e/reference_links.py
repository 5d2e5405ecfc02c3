"""A slow, deliberately simple reference extractor for Markdown corpora: the oracle that the
end-to-end tests compare kgraph's graph against. Written independently of the C++ code (regular
expressions over whole lines, Python's own Unicode tables), for the subset of syntax that real
vaults use: wiki-links, embeds, categories, language prefixes, Markdown links to corpus files;
fenced code, inline code and comments removed first. Not a spec: where it and kgraph disagree,
the test prints both and a person decides which is wrong.
"""

import os
import re
import unicodedata
import urllib.parse

ARTICLE_EXT = (".md", ".markdown", ".txt", ".wiki")
ISO_639_1 = set(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht "
    "hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la "
    "lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj "
    "om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv "
    "sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split())

WIKI_LINK = re.compile(r"(!?)\[\[([^\[\]\n]*?)\]\]")
MD_LINK = re.compile(r"(!?)\[([^\[\]\n]*)\]\(<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\)")


def clean(s):
    s = unicodedata.normalize("NFC", s)
    s = re.sub(r"[\s_]+", " ", s)
    return s.strip()


def key_of(s):
    return unicodedata.normalize("NFC", clean(s).casefold())


# Whatever starts first wins, left to right: a fenced code block (at a line start, closed by a
# fence line of the same character at least as long, else running to the end), an HTML comment,
# an Obsidian %%comment%%, or a code span (N backticks up to the next run of exactly N, not
# across a blank line).
HIDDEN = re.compile(
    r"^[ \t>]*(?P<f>`{3,}(?![^\n]*`)|~{3,})[^\n]*(?:\n|\Z)(?:.*?(?:^[ \t>]*(?P=f)(?P=f)*[`~]*[ \t\r]*$)|.*\Z)"
    r"|<!--.*?(?:-->|\Z)"
    r"|%%.*?%%"
    r"|(?<!`)(?P<t>`+)(?!`)(?:(?!\n[ \t\r]*\n).)+?(?<!`)(?P=t)(?!`)",
    re.S | re.M)


def strip_code(text):
    """Blank out fenced code blocks, HTML and Obsidian comments, inline code spans."""
    return HIDDEN.sub("", text)


def front_matter_end(text):
    if not re.match(r"---[ \t\r]*\n", text):
        return 0
    m = re.search(r"\n(---|\.\.\.)[ \t\r]*(\n|$)", text)
    return m.end() if m else 0


class Corpus:
    def __init__(self, root):
        self.root = root
        self.files = []
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
            for f in filenames:
                if f.startswith(".") or not f.lower().endswith(ARTICLE_EXT):
                    continue
                rel = os.path.relpath(os.path.join(dirpath, f), root).replace(os.sep, "/")
                self.files.append(rel)
        self.files.sort(key=lambda s: s.encode("utf-8"))
        self.by_path, stems = {}, {}
        for rel in self.files:
            no_ext = os.path.splitext(rel)[0]
            stem = key_of(os.path.basename(no_ext))
            pk = key_of(no_ext)
            if stem in stems and stems[stem] != pk:
                self.by_path[pk] = pk
            else:
                stems.setdefault(stem, pk)
                self.by_path[pk] = stem

    def find(self, rel):
        base, ext = os.path.splitext(rel)
        if ext.lower() in ARTICLE_EXT:
            rel = base
        return self.by_path.get(key_of(rel))

    def key_of_file(self, rel):
        return self.find(rel)

    def edges(self, label_first=False):
        """{(source key, target key, kind): weight} over the whole corpus."""
        edges = {}
        for rel in self.files:
            with open(os.path.join(self.root, rel), "rb") as fh:
                raw = fh.read()
            text = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
            text = text[front_matter_end(text):]
            text = strip_code(text)
            source = self.key_of_file(rel)
            for target, kind in self.links(text, rel, label_first):
                k = (source, target, kind)
                edges[k] = edges.get(k, 0) + 1
        return edges

    def links(self, text, rel, label_first):
        for m in WIKI_LINK.finditer(text):
            inner = m.group(2)
            parts = re.split(r"\\?\|", inner, maxsplit=1)
            target = clean(parts[-1] if (label_first and len(parts) == 2) else parts[0])
            if target.startswith("dendron://"):
                target = target.split("/", 3)[3] if target.count("/") >= 3 else ""
            target = clean(target)
            colon_plain = target.startswith(":")
            target = clean(target.lstrip(":")).split("#", 1)[0]
            target = clean(target)
            if not target:
                continue
            if len(key_of(target).encode("utf-8")) > 255:  # MediaWiki's title limit; kgraph reports these
                continue
            kind = "embed" if m.group(1) else "link"
            prefix, _, rest = target.partition(":")
            if rest.strip() and prefix.strip().lower() == "category":
                yield "category:" + key_of(rest), ("link" if colon_plain else "category")
            elif rest.strip() and prefix.strip().lower() in ("file", "image"):
                yield "file:" + key_of(rest), ("link" if colon_plain else "embed")
            elif rest.strip() and prefix.strip().lower() in ISO_639_1:
                yield prefix.strip().lower() + ":" + key_of(rest), kind
            else:
                found = self.find(target)
                yield (found if found else key_of(target)), kind
        for m in MD_LINK.finditer(text):
            dest = m.group(3)
            if re.match(r"[A-Za-z][A-Za-z0-9+.-]+:", dest):
                continue
            dest = urllib.parse.unquote(dest)
            dest = dest.split("#", 1)[0].split("?", 1)[0]
            if not dest:
                continue
            found = None
            if dest.startswith("/"):
                parts = dest.strip("/").split("/")
                for i in range(len(parts)):
                    found = self.find("/".join(parts[i:]))
                    if found:
                        break
            else:
                path = os.path.normpath(os.path.join(os.path.dirname(rel), dest)).replace(os.sep, "/")
                if not path.startswith(".."):
                    found = self.find(path)
            if found:
                yield found, ("embed" if m.group(1) else "link")
