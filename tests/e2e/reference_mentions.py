"""A slow reference spotter: the oracle for kgraph's mention edges on a Markdown folder.

Deliberately plain: it masks what is not running text with regular expressions, segments the
whole of each remaining text run with ICU's word break iterator (PyICU; kgraph looks only at a
window around each candidate), finds every dictionary form with str.find on NFKC-casefolded
text, and chooses leftmost-longest. The dictionary is built the way the docs describe it:
article titles and aliases, link targets as written and link labels, each form pointing at the
key most links with it point at. Filters other than the minimum length are not modelled, so
compare with `kgraph build --min-link-prob 0 --stopwords none`.
"""

import re
import unicodedata

import icu

import reference_links as rl

NFKC_CF = icu.Normalizer2.getNFKCCasefoldInstance()
MASK = re.compile(
    r"!?\[\[[^\[\]\n]*?\]\]"                          # wiki-links
    r"|!?\[[^\[\]\n]*\]\([^)\n]*\)"                    # Markdown links and images
    r"|<[A-Za-z][A-Za-z0-9+.-]+:[^ <>\t]*>"            # autolinks
    r"|</?[A-Za-z][^<>\n]*>"                           # HTML tags
    r"|[A-Za-z]+://[^\s<>\")]*|www\.[^\s<>\")]*")      # bare URLs


def fold_char(ch):
    return NFKC_CF.normalize(ch) if ord(ch) >= 128 else ch.lower()


def long_enough(form):
    alnum = sum(1 for ch in form if ch.isalnum())
    cjk = any(unicodedata.name(ch, "").startswith(("CJK UNIFIED", "HIRAGANA", "KATAKANA", "HANGUL"))
              for ch in form)
    return alnum >= (2 if cjk else 3)


def title_of(text, stem):
    fm = re.match(r"---[ \t\r]*\n(.*?)\n(?:---|\.\.\.)[ \t\r]*(?:\n|$)", text, re.S)
    if fm:
        m = re.search(r"^title:\s*(.+?)\s*$", fm.group(1), re.M)
        if m:
            return rl.clean(m.group(1).strip("'\""))
    body = text[rl.front_matter_end(text):]
    for line in body.split("\n"):
        m = re.match(r" {0,3}#{1,6}[ \t]+(.*?)[ #]*\r?$", line)
        if not m:
            # Only blank lines, thematic breaks and lines of links may come before the heading
            # that names the note; body text (or code) first means no heading does.
            bare = line.strip()
            links_only = not any(ch.isalnum() for ch in rl.WIKI_LINK.sub("", rl.MD_LINK.sub("", bare)))
            if not bare or re.fullmatch(r"-{3,}|\*{3,}|_{3,}", bare) or (links_only and not bare.startswith(("```", "~~~"))):
                continue
            break
        heading = m.group(1)
        outside = rl.WIKI_LINK.sub("", rl.MD_LINK.sub("", heading))
        if not any(ch.isalnum() for ch in outside):
            continue
        shown = rl.MD_LINK.sub(lambda x: x.group(2), heading)
        shown = rl.WIKI_LINK.sub(lambda x: (x.group(2).split("|", 1) + [None])[1]
                                 or x.group(2).split(":", 1)[-1], shown)
        return rl.clean(shown.replace("*", "").replace("`", ""))
    return rl.clean(stem)


def aliases_of(text):
    fm = re.match(r"---[ \t\r]*\n(.*?)\n(?:---|\.\.\.)[ \t\r]*(?:\n|$)", text, re.S)
    if not fm:
        return []
    m = re.search(r"^alias(?:es)?:[ \t]*(.*)$((?:\n[ \t]+-.*$)*)", fm.group(1), re.M)
    if not m:
        return []
    if m.group(1).startswith("["):
        items = m.group(1).strip("[] ").split(",")
    elif m.group(1).strip():
        items = [m.group(1)]
    else:
        items = [line.strip()[1:] for line in m.group(2).split("\n") if line.strip()]
    return [i.strip().strip("'\"") for i in items if i.strip().strip("'\"")]


class Dictionary:
    def __init__(self):
        self.forms = {}  # folded -> [surface, {key: votes} in insertion order]

    def add(self, surface, key, as_link):
        folded = "".join(fold_char(ch) for ch in surface)
        if not folded or not key:
            return
        entry = self.forms.setdefault(folded, [surface, {}, False])
        entry[1][key] = entry[1].get(key, 0) + (1 if as_link else 0)
        entry[2] = entry[2] or not as_link  # names an article (a title or an alias)

    def target(self, folded):
        votes = self.forms[folded][1]
        best = max(votes.values())
        return next(k for k, v in votes.items() if v == best)

    def ambiguous(self, folded):
        """A title or alias of several articles that no link decides between."""
        _, votes, names_article = self.forms[folded]
        best = max(votes.values())
        return names_article and sum(1 for v in votes.values() if v == best) > 1


def build(corpus):
    """-> (dictionary, [(article key, visible text runs)])"""
    d, docs = Dictionary(), []
    for rel in corpus.files:
        with open(f"{corpus.root}/{rel}", "rb") as fh:
            text = fh.read().decode("utf-8", errors="replace").lstrip("\ufeff")
        key = corpus.key_of_file(rel)
        d.add(title_of(text, rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]), key, False)
        for alias in aliases_of(text):
            d.add(alias, key, False)
        body = rl.strip_code(text[rl.front_matter_end(text):])
        for m in rl.WIKI_LINK.finditer(body):
            parts = re.split(r"\\?\|", m.group(2), maxsplit=1)
            target = rl.clean(parts[0]).lstrip(":")
            target = rl.clean(target.split("#", 1)[0])
            if not target or m.group(1):
                continue
            prefix, _, rest = target.partition(":")
            if rest.strip() and prefix.strip().lower() in ("category", "file", "image"):
                continue
            if rest.strip() and prefix.strip().lower() in rl.ISO_639_1:
                surface, tkey = rl.clean(rest), prefix.strip().lower() + ":" + rl.key_of(rest)
            else:
                surface, tkey = target, (corpus.find(target) or rl.key_of(target))
            d.add(surface, tkey, True)
            if len(parts) == 2 and rl.clean(parts[1]) and rl.clean(parts[1]) != surface:
                d.add(rl.clean(parts[1]), tkey, True)
        runs, at = [], 0
        for m in MASK.finditer(body):
            runs.append(body[at:m.start()])
            at = m.end()
        runs.append(body[at:])
        docs.append((key, runs))
    return d, docs


def boundaries(run):
    """Word boundaries of `run` as code point indices (ICU counts UTF-16 units)."""
    bi = icu.BreakIterator.createWordInstance(icu.Locale.getRoot())
    bi.setText(run)
    index_of_unit, unit = {}, 0
    for i, ch in enumerate(run):
        index_of_unit[unit] = i
        unit += 2 if ord(ch) > 0xFFFF else 1
    index_of_unit[unit] = len(run)
    return {index_of_unit[b] for b in bi if b in index_of_unit} | {0, len(run)}


def mentions(corpus_dir):
    """{(article key, target key): count}"""
    corpus = rl.Corpus(corpus_dir)
    d, docs = build(corpus)
    forms = {f: d.target(f) for f in d.forms if long_enough(f) and not d.ambiguous(f)}
    out = {}
    for article, runs in docs:
        for run in runs:
            folded, origin = "", []
            for i, ch in enumerate(run):
                f = fold_char(ch)
                folded += f
                origin += [i] * len(f)
            origin.append(len(run))
            starts = {0} | {k for k in range(1, len(folded)) if origin[k] != origin[k - 1]}
            starts.add(len(folded))
            bounds = boundaries(run)
            cands = []
            for form, target in forms.items():
                if target == article:
                    continue
                k = folded.find(form)
                while k >= 0:
                    e = k + len(form)
                    if k in starts and e in starts and origin[k] in bounds and origin[e] in bounds:
                        cands.append((origin[k], -origin[e], target))
                    k = folded.find(form, k + 1)
            covered = 0
            for b, neg_e, target in sorted(cands):
                if b < covered:
                    continue
                out[(article, target)] = out.get((article, target), 0) + 1
                covered = -neg_e
    return out
