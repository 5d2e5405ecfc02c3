// Differential fuzz target: fast paths against their reference implementations, which must
// agree on every input — UTF-8 validation (word at a time vs byte by byte), ByteSet::find
// (SSE2 vs a plain loop), and Aho-Corasick as a full table, as sparse rows and with no table
// at all against a naive search of every pattern.
#include <algorithm>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "base/byte_set.hpp"
#include "base/text_util.hpp"
#include "fuzz_target.hpp"
#include "mentions/aho_corasick.hpp"

using namespace kg;

namespace {

using Hits = std::set<std::tuple<std::size_t, std::size_t, std::size_t>>;  // begin, end, id

Hits matches(const AhoCorasick& automaton, std::string_view text) {
    Hits hits;
    automaton.find_all(text, [&](std::size_t begin, std::size_t end, std::uint32_t id) {
        hits.emplace(begin, end, id);
    });
    return hits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view all(reinterpret_cast<const char*>(data), size);
    if (is_valid_utf8(all) != is_valid_utf8_bytewise(all)) fuzz::broken("UTF-8 validators");
    if (!is_valid_utf8(repaired_utf8(all))) fuzz::broken("repaired UTF-8 is invalid");

    // Up to 8 signs from the first byte's count, then find them in the rest.
    const fuzz::FuzzInput in(data, size);
    const std::size_t count = std::min<std::size_t>(1 + (in.flags & 7), in.payload.size());
    std::string signs;
    for (char c : in.payload.substr(0, count))
        if (signs.find(c) == std::string::npos) signs += c;
    if (!signs.empty()) {
        const ByteSet set(signs);
        const std::string_view text = in.payload.substr(count);
        for (std::size_t from = 0; from <= text.size(); from += 1 + from / 3) {
            std::size_t naive = from;
            while (naive < text.size() && signs.find(text[naive]) == std::string::npos) ++naive;
            if (set.find(text, from, text.size()) != naive) fuzz::broken("ByteSet::find");
        }
    }

    // Patterns: the payload's first part split at '\n' (up to 64, each once: the automaton's
    // callers give distinct forms); the text: the rest.
    const std::size_t cut = in.payload.find("\n\n");
    if (cut == std::string_view::npos) return 0;
    std::vector<std::string> patterns;
    for (std::size_t from = 0; from < cut && patterns.size() < 64;) {
        const std::size_t nl = std::min(in.payload.find('\n', from), cut);
        const std::string_view p = in.payload.substr(from, nl - from);
        if (std::find(patterns.begin(), patterns.end(), p) == patterns.end())
            patterns.emplace_back(p);
        from = nl + 1;
    }
    const std::string_view text = in.payload.substr(cut + 2);
    Hits naive;
    for (std::size_t id = 0; id < patterns.size(); ++id) {
        const std::string& p = patterns[id];
        if (p.empty()) continue;
        for (std::size_t at = text.find(p); at != std::string_view::npos; at = text.find(p, at + 1))
            naive.emplace(at, at + p.size(), id);
    }
    const AhoCorasick full(patterns);
    const AhoCorasick rows(patterns, 64 * 3);
    const AhoCorasick no_table(patterns, 0);
    if (matches(full, text) != naive) fuzz::broken("Aho-Corasick (full table) vs naive");
    if (matches(rows, text) != naive) fuzz::broken("Aho-Corasick (sparse rows) vs naive");
    if (matches(no_table, text) != naive) fuzz::broken("Aho-Corasick (no table) vs naive");
    return 0;
}
