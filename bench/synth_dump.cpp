// synth_dump: writes a MediaWiki export of a chosen shape to standard output, fast enough to
// pipe into `kgraph build -` at full speed, for the memory and scale measurements of
// bench/README.md (a dump of Wikipedia's shape is ~8 GB of XML even with no prose between the
// links, and ../shared/tools/gen-corpus needs more memory than the machine has at that size).
//
//   synth_dump ARTICLES REDIRECTS ENTITIES LINKS_PER_ARTICLE [UNIFORM_SHARE=0.5] [SEED=1]
//
// Pages are "Topic N" (N < ARTICLES); links go to "Topic N" for N < ARTICLES + ENTITIES (the
// rest are red links), to "Alias M" redirects (5 %), some piped. Targets: a share drawn
// uniformly, the rest log-uniformly (few very popular pages, like real wikis). Redirect pages
// "Alias M" lead to a random article and are spread evenly over the dump.
// Prints the counts it wrote on standard error. Deterministic for given arguments.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "base/split_mix64.hpp"

namespace {

struct Random {
    kg::SplitMix64 bits;
    std::uint64_t next() { return bits.next(); }
    double unit() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
};

class Out {
public:
    Out() : m_buffer(std::size_t{1} << 22, '\0') {}
    ~Out() { flush(); }
    void put(const std::string& s) { put(s.data(), s.size()); }
    void put(const char* s) { put(s, std::char_traits<char>::length(s)); }
    void put(const char* s, std::size_t n) {
        if (m_used + n > m_buffer.size()) flush();
        m_buffer.replace(m_used, n, s, n);
        m_used += n;
        m_bytes += n;
    }
    void number(std::uint64_t v) {
        char digits[24];
        const int n =
            std::snprintf(digits, sizeof digits, "%llu", static_cast<unsigned long long>(v));
        put(digits, static_cast<std::size_t>(n));
    }
    void flush() {
        if (m_used > 0 && std::fwrite(m_buffer.data(), 1, m_used, stdout) != m_used) {
            std::perror("synth_dump: write");
            std::exit(1);
        }
        m_used = 0;
    }
    std::uint64_t bytes() const { return m_bytes; }

private:
    std::string m_buffer;
    std::size_t m_used = 0;
    std::uint64_t m_bytes = 0;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 5) {
        std::fprintf(stderr,
                     "usage: synth_dump ARTICLES REDIRECTS ENTITIES LINKS_PER_ARTICLE "
                     "[UNIFORM_SHARE=0.5] [SEED=1] > dump.xml\n");
        return 2;
    }
    const std::uint64_t articles = std::strtoull(argv[1], nullptr, 10);
    const std::uint64_t redirects = std::strtoull(argv[2], nullptr, 10);
    const std::uint64_t entities = std::strtoull(argv[3], nullptr, 10);
    const double per_article = std::strtod(argv[4], nullptr);
    const double uniform = argc > 5 ? std::strtod(argv[5], nullptr) : 0.5;
    Random rng{kg::SplitMix64{argc > 6 ? std::strtoull(argv[6], nullptr, 10) : 1}};
    if (articles == 0 || per_article < 0) {
        std::fprintf(stderr, "synth_dump: ARTICLES must be > 0, LINKS_PER_ARTICLE >= 0\n");
        return 2;
    }
    const std::uint64_t targets = articles + entities;
    const double log_targets = std::log(static_cast<double>(targets));
    auto target = [&] {
        if (rng.unit() < uniform) return rng.below(targets);
        const auto r = static_cast<std::uint64_t>(std::exp(rng.unit() * log_targets));
        return r >= 1 && r <= targets ? r - 1 : 0;
    };

    Out out;
    out.put(
        "<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\" "
        "xml:lang=\"en\">\n<siteinfo><sitename>Synth</sitename><dbname>enwiki</dbname>"
        "<base>https://en.wikipedia.org/wiki/Main_Page</base><case>first-letter</case>"
        "<namespaces><namespace key=\"0\" case=\"first-letter\" /><namespace key=\"14\" "
        "case=\"first-letter\">Category</namespace></namespaces></siteinfo>\n");
    std::uint64_t links = 0;
    std::uint64_t id = 0;
    std::uint64_t redirect_next = 0;
    // Redirects are spread over the dump: after article a, as many as bring the total to
    // redirects * (a + 1) / articles.
    for (std::uint64_t a = 0; a < articles; ++a) {
        out.put("<page><title>Topic ");
        out.number(a);
        out.put("</title><ns>0</ns><id>");
        out.number(++id);
        out.put("</id><revision><id>");
        out.number(id);
        out.put("</id><text xml:space=\"preserve\">");
        // Poisson-ish count: per_article ± 50 %, uniform.
        const auto count = static_cast<std::uint64_t>(per_article * (0.5 + rng.unit()) + 0.5);
        for (std::uint64_t k = 0; k < count; ++k) {
            const std::uint64_t roll = rng.below(100);
            if (roll < 5 && redirects > 0) {
                out.put("[[Alias ");
                out.number(rng.below(redirects));
                out.put("]] ");
            } else {
                out.put("[[Topic ");
                out.number(target());
                out.put(roll < 30 ? "|the topic]] " : "]] ");
            }
        }
        links += count;
        out.put("</text></revision></page>\n");
        const std::uint64_t due = redirects * (a + 1) / articles;
        for (; redirect_next < due; ++redirect_next) {
            const std::uint64_t to = rng.below(articles);
            out.put("<page><title>Alias ");
            out.number(redirect_next);
            out.put("</title><ns>0</ns><id>");
            out.number(++id);
            out.put("</id><redirect title=\"Topic ");
            out.number(to);
            out.put("\" /><revision><id>");
            out.number(id);
            out.put("</id><text xml:space=\"preserve\">#REDIRECT [[Topic ");
            out.number(to);
            out.put("]]</text></revision></page>\n");
        }
    }
    out.put("</mediawiki>\n");
    out.flush();
    std::fprintf(
        stderr, "synth_dump: %llu articles, %llu redirects, %llu links, %llu bytes\n",
        static_cast<unsigned long long>(articles), static_cast<unsigned long long>(redirect_next),
        static_cast<unsigned long long>(links), static_cast<unsigned long long>(out.bytes()));
    return 0;
}
