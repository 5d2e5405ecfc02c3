"""The oracle for MediaWiki dumps: the links of every page as an independent parser reads them.
Python's xml.etree streams the pages (bz2, gzip, xz by Python's own modules), mwparserfromhell
(Debian's python3-mwparserfromhell) parses each wikitext, and the link titles are normalized
here, written apart from the C++ code, by MediaWiki's rules: namespaces from <siteinfo> plus the
canonical English names, first letter upper-cased, '_' as ' ', '#section' dropped, redirects
followed to their end.

Deliberate rules shared with kgraph (each is MediaWiki's, or a documented kgraph choice):
- links written inside templates ({{…}}) are the template's arguments and are not counted
  (kgraph's default; --links-in-templates counts them);
- comments, <nowiki>, <pre>, <math>, <syntaxhighlight>, <source> hide links; <ref> does not;
- a target over 255 bytes is no title (MediaWiki's limit) and is skipped;
- pages are read up to the first XML error (a truncated dump keeps the pages before it).

Where mwparserfromhell reads less than MediaWiki renders, the oracle helps it (each is marked
in the code): bold and italic quote runs are removed first (MediaWiki applies them after links;
mwparserfromhell drops a link whose label opens bold without closing it, as in [[X|\'\'\'W]]);
gallery and imagemap contents are parsed as wikitext; text it gave up on is parsed again.
"""

import bz2
import gzip
import html
import lzma
import re
import unicodedata
import urllib.parse
import xml.etree.ElementTree as ET

import mwparserfromhell
from mwparserfromhell.nodes import Comment, ExternalLink, Heading, Tag, Template, Text, Wikilink

CANONICAL = {-2: ["Media"], -1: ["Special"], 1: ["Talk"], 2: ["User"], 3: ["User talk"],
             4: ["Project"], 5: ["Project talk"], 6: ["File", "Image"], 7: ["File talk", "Image talk"],
             8: ["MediaWiki"], 9: ["MediaWiki talk"], 10: ["Template"], 11: ["Template talk"],
             12: ["Help"], 13: ["Help talk"], 14: ["Category"], 15: ["Category talk"]}
# Language prefixes of interlanguage links: ISO 639-1 and the other codes Wikipedias use.
LANGUAGES = set(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv "
    "cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht "
    "hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la "
    "lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj "
    "om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv "
    "sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu "
    "ace ady als alt ami ang anp arc ary arz ast atj avk awa azb ban bar bat-smg bbc bcl be-tarask be-x-old bjn blk bpy bug bxr cbk-zam cdo ceb chr chy ckb crh csb dag din diq dsb dty eml ext fat frp frr fur gag gan gcr glk gom gor got guc gur guw hak haw hif hsb hyw ilo inh jam jbo kaa kab kbd kbp kcg koi krc ksh lad lbe lez lfn lij lld lmo lrc ltg lzh mad mai map-bms mdf mhr min mni mnw mrj mwl myv mzn nah nan nap nds nds-nl new nia nov nqo nrm nso olo pag pam pap pcd pcm pdc pfl pih pms pnb pnt pwn rmy roa-rup roa-tara rue sah sat scn sco sgs sh shi shn simple skr smn srn stq szl szy tay tcy tet tly tpi trv tum tyv udm vec vep vls war wuu xal xmf yue zea zh-classical zh-min-nan zh-yue".split())


def open_dump(path):
    with open(path, "rb") as fh:
        head = fh.read(6)
    if head.startswith(b"BZh"):
        return bz2.open(path, "rb")
    if head.startswith(b"\x1f\x8b"):
        return gzip.open(path, "rb")
    if head.startswith(b"\xfd7zXZ\x00"):
        return lzma.open(path, "rb")
    return open(path, "rb")


def local(tag):
    return tag.rsplit("}", 1)[-1]


def read_pages(path):
    """(siteinfo namespaces {id: name}, pages [(title, ns, redirect or None, text)])."""
    namespaces, pages = {}, []
    with open_dump(path) as fh:
        try:
            for event, el in ET.iterparse(fh, events=("end",)):
                name = local(el.tag)
                if name == "namespace":
                    if el.text:
                        namespaces[int(el.get("key"))] = el.text
                elif name == "page":
                    fields = {local(c.tag): c for c in el}
                    redirect = fields["redirect"].get("title") if "redirect" in fields else None
                    text = ""
                    for rev in (c for c in el if local(c.tag) == "revision"):
                        for c in rev:
                            if local(c.tag) == "text":
                                text = c.text or ""
                    pages.append((fields["title"].text or "", int(fields["ns"].text or 0), redirect, text))
                    el.clear()
        except ET.ParseError:
            pass  # truncated or malformed: the pages before it count
    return namespaces, pages


class Site:
    def __init__(self, namespaces):
        self.names = {}
        self.display = {}
        for key, name in namespaces.items():
            self.add(key, name)
        for key, names in CANONICAL.items():
            for name in names:
                self.add(key, name)

    @staticmethod
    def fold(name):
        return re.sub(r"[ _]+", " ", name).strip().casefold()

    def add(self, key, name):
        self.names.setdefault(self.fold(name), key)
        self.display.setdefault(key, name)


def clean(s):
    s = re.sub(r"[\s_]+", " ", s, flags=re.UNICODE)
    return unicodedata.normalize("NFC", s.strip())


def upper_first(s):
    return s[:1].upper() + s[1:] if s else s


def normalize(raw, site):
    """(key, kind) of a link target, kind in link/embed/category/interlanguage; None: no link."""
    text = html.unescape(raw)
    if "%" in text:
        try:
            text = urllib.parse.unquote(text, errors="strict")
        except UnicodeDecodeError:
            pass
    text = clean(text)
    colon = text.startswith(":")
    if colon:
        text = text[1:].strip()
    text = text.split("#", 1)[0].strip()
    if not text:
        return None
    if ":" in text:
        prefix, rest = (p.strip() for p in text.split(":", 1))
        if rest:
            ns = site.names.get(Site.fold(prefix))
            if ns is not None and ns != 0:
                if ns == 14:
                    return "category:" + upper_first(rest), "link" if colon else "category"
                if ns in (6, -2):
                    return "file:" + upper_first(rest), "link" if colon else "embed"
                return site.display[ns] + ":" + upper_first(rest), "link"
            if prefix.lower() in LANGUAGES:
                return prefix.lower() + ":" + upper_first(rest), "link" if colon else "interlanguage"
    return upper_first(text), "link"


# Tags whose content mwparserfromhell keeps as text but MediaWiki reads as wikitext (gallery
# captions, imagemap link lines).
REPARSED_TAGS = {"gallery", "imagemap"}


def wikilinks(nodes, in_templates=False, depth=0):
    """Every Wikilink outside comments (and templates, unless in_templates), file captions
    included.

    mwparserfromhell gives up on some constructs it cannot close (HTML table cells without end
    tags) and returns the rest of the page as one Text node; MediaWiki still renders the links
    in it. A Text node that holds "[[" is therefore parsed again on its own."""
    nodes = list(nodes)
    skip_to = 0
    for index, node in enumerate(nodes):
        if index < skip_to:
            continue
        if isinstance(node, Text):
            value = str(node)
            if "[[" in value and depth < 8:
                reparsed = mwparserfromhell.parse(value).nodes
                if not (len(reparsed) == 1 and isinstance(reparsed[0], Text)):
                    yield from wikilinks(reparsed, in_templates, depth + 1)
                    continue
                # Still text: the link may run on into the next nodes ([[A|b&nbsp;c]] comes
                # back as Text, HTMLEntity, Text). Join them up to the closing "]]".
                end = index + 1
                while "]]" not in value[value.find("[["):] and end < len(nodes) and end - index < 16:
                    value += str(nodes[end])
                    end += 1
                skip_to = end
                starts = [m.start() for m in re.finditer(r"\[\[", value)]
                for a, b in zip(starts, starts[1:] + [len(value)]):
                    yield from wikilinks(mwparserfromhell.parse(value[a:b]).nodes, in_templates, depth + 1)
        elif isinstance(node, Wikilink):
            yield node
            if node.text is not None:
                yield from wikilinks(node.text.nodes, in_templates, depth)
        elif isinstance(node, Tag):
            if str(node.tag).strip().lower() in REPARSED_TAGS and node.contents is not None:
                yield from wikilinks(mwparserfromhell.parse(str(node.contents)).nodes, in_templates, depth)
            elif node.contents is not None:
                yield from wikilinks(node.contents.nodes, in_templates, depth)
        elif isinstance(node, Heading):
            yield from wikilinks(node.title.nodes, in_templates, depth)
        elif isinstance(node, ExternalLink):
            if node.title is not None:
                yield from wikilinks(node.title.nodes, in_templates, depth)
        elif isinstance(node, Template) and in_templates:
            for p in node.params:
                yield from wikilinks(p.value.nodes, in_templates, depth)
        elif isinstance(node, Comment):
            pass


def links(path, namespaces=(0, 14), in_templates=False):
    """{page key: {(target key, kind): count}} after redirects, and the redirect map."""
    site_ns, pages = read_pages(path)
    site = Site(site_ns)
    redirects = {}
    for title, ns, redirect, _ in pages:
        if redirect is not None and ns in namespaces:
            k = normalize(title, site)
            t = normalize(redirect, site)
            if k and t:
                redirects[k[0]] = t[0]

    def final(key):
        seen = {key}
        while key in redirects:
            key = redirects[key]
            if key in seen:
                return None
            seen.add(key)
        return key

    out = {}
    for title, ns, redirect, text in pages:
        if redirect is not None or ns not in namespaces:
            continue
        key = normalize(title, site)[0]
        got = out.setdefault(key, {})
        # MediaWiki's preprocessor drops comments before links are read ([[A<!-- x -->|b]]).
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        # Quote runs are formatting, applied by MediaWiki after links are found.
        text = re.sub(r"'{2,}", " ", text)
        for link in wikilinks(mwparserfromhell.parse(text).nodes, in_templates):
            target = normalize(str(link.title), site)
            if target is None or len(target[0].encode("utf-8")) > 255:
                continue
            end = final(target[0]) if target[1] != "interlanguage" else target[0]
            if end is None:
                end = target[0]
            got[(end, target[1])] = got.get((end, target[1]), 0) + 1
    return out, redirects
