// MediaWikiDumpReader: expat (XML_Parse over 256 KiB chunks of the ByteSource) with start,
// end and character-data handlers that keep a stack of open element names and capture the
// text of the few elements a graph needs.
#include "importers/mediawiki/mediawiki_dump_reader.hpp"

#include <expat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <optional>

#include "base/error.hpp"
#include "base/read_buffer.hpp"
#include "base/text_util.hpp"
#include "importers/mediawiki/text_element_splitter.hpp"

namespace kg {

std::string site_language(const std::string& dbname, const std::string& base) {
    const std::string suffix = "wiki";
    if (dbname.size() > suffix.size() &&
        dbname.compare(dbname.size() - suffix.size(), suffix.size(), suffix) == 0) {
        std::string lang = dbname.substr(0, dbname.size() - suffix.size());
        for (char& c : lang) {
            if (c == '_') c = '-';
        }
        if (lang != "commons" && lang != "meta" && lang != "species" && lang != "wikidata")
            return lang;
    }
    const std::size_t scheme = base.find("://");
    if (scheme != std::string::npos) {
        const std::size_t host = scheme + 3;
        const std::size_t dot = base.find('.', host);
        if (dot != std::string::npos && base.find(".wikipedia.org", dot) == dot) {
            return base.substr(host, dot - host);
        }
    }
    return {};
}

namespace {

// The elements a graph needs, by name; every other is `other`.
enum class Element : unsigned char {
    other,
    siteinfo,
    sitename,
    dbname,
    base,
    case_rule,
    namespaces,
    namespace_,
    page,
    title,
    ns,
    id,
    redirect,
    revision,
    text
};

Element element_named(const char* name) {
    static const std::pair<std::string_view, Element> known[] = {
        {"page", Element::page},
        {"title", Element::title},
        {"ns", Element::ns},
        {"id", Element::id},
        {"redirect", Element::redirect},
        {"revision", Element::revision},
        {"text", Element::text},
        {"siteinfo", Element::siteinfo},
        {"sitename", Element::sitename},
        {"dbname", Element::dbname},
        {"base", Element::base},
        {"case", Element::case_rule},
        {"namespaces", Element::namespaces},
        {"namespace", Element::namespace_}};
    const std::string_view n(name);
    for (const auto& [known_name, element] : known) {
        if (n == known_name) return element;
    }
    return Element::other;
}

}  // namespace

struct MediaWikiDumpReader::Impl {
    ByteSource& source;
    XML_Parser parser = nullptr;
    SiteInfo site;
    std::vector<Element> open;       // the open elements, from the root
    std::string* capture = nullptr;  // where character data goes, if anywhere
    std::string scratch;
    int namespace_key = 0;
    WikiPage page;
    bool in_page = false;
    bool page_id_seen = false;
    std::vector<WikiPage> ready;
    std::optional<InputError> error;
    bool ended = false;
    std::uint64_t parsed = 0;
    ReadBuffer chunk{256 * 1024};
    // The content of <text> elements is decoded by the splitter, the rest parsed by expat.
    bool lift_text = true;
    TextElementSplitter splitter;
    std::string fed;
    // UTF-8 repair before expat: bytes of a sequence cut by the chunk's end wait in `carry`.
    bool checked_encoding = false;
    bool utf8 = true;
    std::string carry;
    std::string repaired;
    std::string last_title;
    MediaWikiDumpReader::Repairs repairs;
    // Line numbers of pages, counted here over the bytes handed to expat: asking
    // expat for each page costs a second byte-by-byte pass. Counted lines are used only
    // while every line break is a '\n' (no '\r', UTF-8); otherwise expat counts.
    bool own_lines = true;
    std::string_view fed_now;      // the bytes of the current XML_Parse call
    std::uint64_t fed_before = 0;  // bytes handed to expat before them
    std::uint64_t counted_to = 0;  // stream offset up to which line breaks are counted
    std::uint64_t breaks = 0;      // line breaks before counted_to

    // The line of the current event (the start tag being handled).
    std::uint64_t current_line() {
        const XML_Index at = XML_GetCurrentByteIndex(parser);
        if (!own_lines || at < 0 || static_cast<std::uint64_t>(at) < counted_to ||
            static_cast<std::uint64_t>(at) > fed_before + fed_now.size()) {
            // A tag begun in an earlier chunk (rare): expat knows.
            return XML_GetCurrentLineNumber(parser);
        }
        count_breaks_to(static_cast<std::uint64_t>(at));
        return breaks + 1;
    }

    void count_breaks_to(std::uint64_t to) {
        if (to <= counted_to) return;
        const std::string_view span = fed_now.substr(counted_to - fed_before, to - counted_to);
        breaks += count_byte(span, '\n');
        counted_to = to;
    }

    // Start of an incomplete UTF-8 sequence at the end of `data`, or data.size().
    static std::size_t incomplete_tail(std::string_view data) {
        const std::size_t n = data.size();
        for (std::size_t back = 1; back <= 3 && back <= n; ++back) {
            const auto c = static_cast<unsigned char>(data[n - back]);
            if (c < 0x80) return n;  // ASCII: nothing pending
            if (c >= 0xC0) {
                const std::size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
                return need > back ? n - back : n;
            }
        }
        return n;
    }

    // The bytes to hand to expat for this chunk: unchanged when valid, else repaired.
    std::string_view prepare(const char* data, std::size_t n, bool last) {
        if (!checked_encoding) {
            checked_encoding = true;
            const bool bom16 = n >= 2 && ((static_cast<unsigned char>(data[0]) == 0xFF &&
                                           static_cast<unsigned char>(data[1]) == 0xFE) ||
                                          (static_cast<unsigned char>(data[0]) == 0xFE &&
                                           static_cast<unsigned char>(data[1]) == 0xFF));
            utf8 = !bom16;
            if (!utf8) splitter.disable();
        }
        if (!utf8) return std::string_view(data, n);
        std::string_view all(data, n);
        const std::uint64_t base = parsed - carry.size();  // input offset of all[0]
        if (!carry.empty()) {
            carry.append(data, n);
            all = carry;
        }
        const std::size_t keep = last ? all.size() : incomplete_tail(all);
        const std::string_view complete = all.substr(0, keep);
        std::string_view out = complete;
        if (!is_valid_utf8(complete)) {
            repaired.clear();
            const Utf8Repair r = append_repaired_utf8(repaired, complete);
            if (repairs.count == 0) {
                repairs.first_offset = base + r.first_offset;
                repairs.near_page = in_page && !page.title.empty() ? page.title : last_title;
            }
            repairs.count += r.invalid;
            out = repaired;
        }
        std::string rest(all.substr(keep));
        if (out.data() == carry.data()) {
            repaired.assign(out);
            out = repaired;
        }
        carry = std::move(rest);
        return out;
    }

    Impl(ByteSource& s, bool lift) : source(s), lift_text(lift) {
        parser = XML_ParserCreate(nullptr);  // nullptr: expat detects UTF-8 / UTF-16 by BOM
        if (parser == nullptr)
            throw InputError(source.source(), 0, 0, "cannot start the XML parser");
        XML_SetUserData(parser, this);
        XML_SetElementHandler(parser, &Impl::on_start, &Impl::on_end);
        XML_SetCharacterDataHandler(parser, &Impl::on_text);
    }
    ~Impl() { XML_ParserFree(parser); }

    Element parent() const { return open.size() >= 2 ? open[open.size() - 2] : Element::other; }

    static const char* attribute(const XML_Char** attrs, const char* name) {
        for (; attrs != nullptr && *attrs != nullptr; attrs += 2) {
            if (std::string_view(attrs[0]) == name) return attrs[1];
        }
        return nullptr;
    }

    static void on_start(void* data, const XML_Char* name, const XML_Char** attrs) {
        auto& self = *static_cast<Impl*>(data);
        self.open.push_back(element_named(name));
        std::string* lifted = nullptr;
        if (self.open.back() == Element::text) lifted = self.lifted_here();
        self.start(self.open.back(), attrs, lifted);
    }

    // The lifted content of the <text> element whose start tag expat reports now, if lifted.
    std::string* lifted_here() {
        std::deque<TextElementSplitter::Lifted>& queue = splitter.lifted();
        const XML_Index at = XML_GetCurrentByteIndex(parser);
        while (!queue.empty() && static_cast<XML_Index>(queue.front().fed_offset) < at)
            queue.pop_front();
        if (queue.empty() || static_cast<XML_Index>(queue.front().fed_offset) != at) return nullptr;
        return &queue.front().text;
    }

    void start(Element name, const XML_Char** attrs, std::string* lifted) {
        const Element up = parent();
        capture = nullptr;
        if (up == Element::siteinfo) {
            site.present = true;
            if (name == Element::sitename) capture = &site.sitename;
            if (name == Element::dbname) capture = &site.dbname;
            if (name == Element::base) capture = &site.base;
            if (name == Element::case_rule) {
                site.case_rule.clear();
                capture = &site.case_rule;
            }
        } else if (up == Element::namespaces && name == Element::namespace_) {
            const char* key = attribute(attrs, "key");
            namespace_key = key != nullptr ? std::atoi(key) : 0;
            scratch.clear();
            capture = &scratch;
        } else if (name == Element::page) {
            page = WikiPage{};
            page.line = current_line();
            in_page = true;
            page_id_seen = false;
        } else if (in_page && up == Element::page) {
            if (name == Element::title) capture = &page.title;
            if (name == Element::ns || (name == Element::id && !page_id_seen)) {
                scratch.clear();
                capture = &scratch;
            }
            if (name == Element::redirect) {
                const char* title = attribute(attrs, "title");
                page.redirect = title != nullptr ? title : "";
            }
        } else if (in_page && up == Element::revision && name == Element::text) {
            page.text.clear();  // the last revision wins
            page.text_line = current_line();
            if (lifted != nullptr) {
                page.text = std::move(*lifted);  // expat sees only white space in the tag
                if (page.text.size() > max_page_bytes) drop_text();
            } else {
                capture = &page.text;
            }
        }
    }

    static void on_end(void* data, const XML_Char* /*name*/) {
        auto& self = *static_cast<Impl*>(data);
        self.end(self.open.back());
        self.open.pop_back();
        self.capture = nullptr;
    }

    void end(Element name) {
        const Element up = parent();
        if (up == Element::namespaces && name == Element::namespace_) {
            site.namespaces.add(namespace_key, scratch);
        } else if (up == Element::siteinfo && name == Element::case_rule) {
            // keep as read
        } else if (in_page && up == Element::page && name == Element::ns) {
            page.ns = std::atoi(scratch.c_str());
        } else if (in_page && up == Element::page && name == Element::id && !page_id_seen) {
            page.id = std::strtoull(scratch.c_str(), nullptr, 10);
            page_id_seen = true;
        } else if (name == Element::page) {
            in_page = false;
            last_title = page.title;
            ready.push_back(std::move(page));
            page = WikiPage{};
        } else if (name == Element::siteinfo) {
            site.lang = site_language(site.dbname, site.base);
            site.namespaces.add_canonical();
        }
    }

    static void on_text(void* data, const XML_Char* text, int length) {
        auto& self = *static_cast<Impl*>(data);
        if (self.capture == nullptr) return;
        if (self.capture == &self.page.text &&
            self.page.text.size() + static_cast<std::size_t>(length) > self.max_page_bytes) {
            self.drop_text();
            return;
        }
        self.capture->append(text, static_cast<std::size_t>(length));
    }

    // A text over the page limit: not kept; the page is skipped and reported.
    void drop_text() {
        page.too_large = true;
        page.text.clear();
        page.text.shrink_to_fit();
        capture = nullptr;
    }

    std::size_t max_page_bytes = SIZE_MAX;

    std::string where() const {
        if (in_page && !page.title.empty()) return " in page '" + page.title + "'";
        if (in_page) return " in the page starting on line " + std::to_string(page.line);
        return "";
    }

    // Parses one more chunk; sets `ended` at the end of the input, `error` on failure.
    void step() {
        std::size_t n = 0;
        try {
            n = source.read(chunk.data(), chunk.size());
        } catch (const InputError& e) {
            error = InputError(source.source(), XML_GetCurrentLineNumber(parser), 0,
                               e.message() + where() + "; the pages before it are kept");
            return;
        }
        const bool last = n == 0;
        std::string_view bytes = prepare(chunk.data(), n, last);
        if (lift_text) {
            fed.clear();
            splitter.split(bytes, last, fed);
            bytes = fed;
        }
        if (!utf8 || (!bytes.empty() && std::memchr(bytes.data(), '\r', bytes.size()) != nullptr))
            own_lines = false;
        fed_now = bytes;
        const bool parsed_ok = XML_Parse(parser, bytes.data(), static_cast<int>(bytes.size()),
                                         last ? 1 : 0) == XML_STATUS_OK;
        if (own_lines && parsed_ok) count_breaks_to(fed_before + bytes.size());
        fed_before += bytes.size();
        fed_now = {};
        if (!parsed_ok) {
            const XML_Error code = XML_GetErrorCode(parser);
            std::string message =
                last && (code == XML_ERROR_NO_ELEMENTS || code == XML_ERROR_UNCLOSED_TOKEN ||
                         code == XML_ERROR_UNCLOSED_CDATA_SECTION)
                    ? "the dump ends early (truncated?): "
                    : "malformed XML: ";
            const XML_Index at = XML_GetCurrentByteIndex(parser);
            if (fed_before == 0) {
                message = "the dump is empty: no <mediawiki> element";
            } else {
                message += XML_ErrorString(code);
                // expat gives -1 before it has parsed a byte.
                message += " at byte offset " +
                           std::to_string(
                               at < 0 ? 0 : splitter.raw_offset(static_cast<std::uint64_t>(at))) +
                           where() + "; the pages before it are kept";
            }
            error = InputError(source.source(), XML_GetCurrentLineNumber(parser),
                               XML_GetCurrentColumnNumber(parser) + 1, message);
            return;
        }
        parsed += n;
        if (last) ended = true;
    }
};

MediaWikiDumpReader::MediaWikiDumpReader(ByteSource& source, bool lift_text)
    : m(std::make_unique<Impl>(source, lift_text)) {}

MediaWikiDumpReader::~MediaWikiDumpReader() = default;

bool MediaWikiDumpReader::next(std::vector<WikiPage>& out, std::size_t max_pages) {
    m->max_page_bytes = m_max_page_bytes;
    if (m->error && m->ready.empty()) {
        const InputError e = *m->error;
        m->error.reset();
        m->ended = true;
        throw e;
    }
    while (m->ready.size() < max_pages && !m->ended && !m->error) m->step();
    for (WikiPage& p : m->ready) out.push_back(std::move(p));
    m->ready.clear();
    return !m->ended || m->error.has_value();
}

const SiteInfo& MediaWikiDumpReader::site_info() const noexcept {
    return m->site;
}

bool MediaWikiDumpReader::next(std::vector<WikiPage>& out, std::vector<Problem>& problems,
                               std::size_t max_pages) {
    (void)problems;  // every problem of a dump breaks it off (InputError)
    return next(out, max_pages);
}

const SiteInfo* MediaWikiDumpReader::site() const noexcept {
    return m->site.present ? &m->site : nullptr;
}

void MediaWikiDumpReader::place(Problem& problem, const WikiPage& page) const {
    problem.message += " (page '" + page.title + "')";
}

std::vector<Problem> MediaWikiDumpReader::closing_problems(const std::string& source) const {
    const Repairs& r = m->repairs;
    if (r.count == 0) return {};
    return {
        Problem{ProblemKind::invalid_utf8, source, 0, 0,
                "invalid UTF-8 at byte offset " + std::to_string(r.first_offset) +
                    (r.near_page.empty() ? std::string() : " (after page '" + r.near_page + "')") +
                    " replaced with U+FFFD" +
                    (r.count > 1 ? " (and " + std::to_string(r.count - 1) + " more in this dump)"
                                 : std::string())}};
}

std::uint64_t MediaWikiDumpReader::bytes_parsed() const noexcept {
    return m->parsed;
}

const MediaWikiDumpReader::Repairs& MediaWikiDumpReader::repairs() const noexcept {
    return m->repairs;
}

}  // namespace kg
