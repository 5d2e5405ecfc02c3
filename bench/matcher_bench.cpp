// Micro-benchmark of the multi-pattern matcher behind mention spotting: kgraph's Aho–Corasick
// against Hyperscan (Intel's regex/literal engine, Debian's libhyperscan-dev) on the same
// folded running text and the same dictionary (the corpus's titles, aliases, link texts),
// to choose the matcher by measurement. Both count every occurrence, overlaps included;
// the counts must agree. Built with -DKG_BUILD_BENCH=ON (Hyperscan part when libhs exists).
//   matcher_bench FOLDER [REPEATS=3] [TABLE_ENTRIES=4194304]
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "importers/corpus_reader.hpp"
#include "importers/links/link_scanner.hpp"
#include "importers/text/match_text.hpp"
#include "importers/text/text_decoder.hpp"
#include "mentions/aho_corasick.hpp"
#include "mentions/gazetteer.hpp"
#include "mentions/mention_spotter.hpp"

#ifdef KG_HAVE_HYPERSCAN
#include <hs/hs.h>
#endif

using namespace kg;
using Clock = std::chrono::steady_clock;

namespace {

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: matcher_bench FOLDER [REPEATS]\n";
        return 2;
    }
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 3;
    const MatchFolder folder(false);
    Gazetteer gazetteer(folder);
    const std::vector<InputFile> files = collect_inputs({argv[1]}, InputFormat{});

    // The dictionary: what the first pass of `kgraph build` collects.
    CorpusReader reader(files, ImportOptions{}, 2);
    reader.read([&](Document&& doc) {
        if (doc.skipped) return;
        gazetteer.add(doc.title, doc.key, NodeKind::article, "", false);
        for (const auto& a : doc.aliases) gazetteer.add(a, doc.key, NodeKind::article, "", false);
        for (const auto& l : doc.links) {
            if (l.kind != EdgeKind::link) continue;
            gazetteer.add(l.surface(), l.key(), l.target_kind, l.lang(), true);
            if (!l.label().empty())
                gazetteer.add(l.label(), l.key(), l.target_kind, l.lang(), true);
        }
    });
    std::vector<std::string> patterns;
    for (const auto& f : gazetteer.forms()) patterns.push_back(f.folded);

    // The haystack: the folded running text of every article, one after the other.
    std::string raw_text;
    FoldedText folded;
    const auto fold_start = Clock::now();
    std::size_t visible_bytes = 0;
    for (const InputFile& file : files) {
        std::ifstream in(file.path, std::ios::binary);
        std::ostringstream buffer;
        buffer << in.rdbuf();
        const DecodedText decoded = decode_text(buffer.str());
        const ScanResult scanned = scan_links(decoded.text, 0, ScanOptions{});
        for (const auto& [from, to] : visible_ranges(decoded.text, 0, scanned.hidden)) {
            folder.fold(decoded.text, from, to, folded);
            folded.text += '\n';
            visible_bytes += to - from;
        }
    }
    const double fold_seconds = seconds_since(fold_start);
    const std::string& haystack = folded.text;
    const double mb = static_cast<double>(haystack.size()) / 1e6;
    std::cout << "dictionary: " << patterns.size()
              << " forms; running text: " << static_cast<double>(visible_bytes) / 1e6 << " MB ("
              << mb << " MB folded); "
              << "decode+scan+fold " << static_cast<double>(visible_bytes) / 1e6 / fold_seconds
              << " MB/s\n";

    const auto build_start = Clock::now();
    const std::size_t table_entries = argc > 3 ? std::stoul(argv[3]) : std::size_t{1} << 22;
    const AhoCorasick ac(patterns, table_entries);
    const double ac_build = seconds_since(build_start);
    std::vector<double> ac_times;
    std::size_t ac_matches = 0;
    for (int r = 0; r < repeats; ++r) {
        std::size_t n = 0;
        const auto t = Clock::now();
        ac.find_all(haystack, [&](std::size_t, std::size_t, std::uint32_t) { ++n; });
        ac_times.push_back(seconds_since(t));
        ac_matches = n;
    }
    std::cout << "aho-corasick: build " << ac_build << " s, " << ac.state_count() << " states ("
              << ac.rows() << " with a table row); scan " << mb / median(ac_times)
              << " MB/s (median of " << repeats << "), " << ac_matches << " matches\n";

#ifdef KG_HAVE_HYPERSCAN
    std::vector<const char*> expressions;
    std::vector<std::size_t> lengths;
    std::vector<unsigned> ids;
    for (std::size_t i = 0; i < patterns.size(); ++i) {
        if (patterns[i].empty()) continue;
        expressions.push_back(patterns[i].data());
        lengths.push_back(patterns[i].size());
        ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    const auto hs_build_start = Clock::now();
    if (hs_compile_lit_multi(expressions.data(), nullptr, ids.data(), lengths.data(),
                             static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr, &db,
                             &error) != HS_SUCCESS) {
        std::cerr << "hyperscan: " << error->message << '\n';
        hs_free_compile_error(error);
        return 1;
    }
    const double hs_build = seconds_since(hs_build_start);
    hs_scratch_t* scratch = nullptr;
    hs_alloc_scratch(db, &scratch);
    std::vector<double> hs_times;
    std::size_t hs_matches = 0;
    for (int r = 0; r < repeats; ++r) {
        std::size_t n = 0;
        const auto t = Clock::now();
        hs_scan(
            db, haystack.data(), static_cast<unsigned>(haystack.size()), 0, scratch,
            [](unsigned, unsigned long long, unsigned long long, unsigned, void* ctx) -> int {
                ++*static_cast<std::size_t*>(ctx);
                return 0;
            },
            &n);
        hs_times.push_back(seconds_since(t));
        hs_matches = n;
    }
    std::cout << "hyperscan: build " << hs_build << " s; scan " << mb / median(hs_times)
              << " MB/s (median of " << repeats << "), " << hs_matches << " matches\n";
    hs_free_scratch(scratch);
    hs_free_database(db);
    if (hs_matches != ac_matches) {
        std::cout << "MATCH COUNTS DIFFER\n";
        return 1;
    }
#else
    std::cout << "hyperscan: not built (install libhyperscan-dev and reconfigure)\n";
#endif
    return 0;
}
