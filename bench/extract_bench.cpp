// extract_bench: link extraction alone — reading (decompression, XML or JSON lines, files),
// scanning and normalizing links — with no graph and no output. What issue 4's "link
// extraction MB/s per core" measures; `kgraph build` adds interning, freezing and writing.
//
//   extract_bench INPUT [THREADS=1] [suspect|nosuspect]
//
// Prints bytes, documents, links, seconds and MB/s of decompressed input on one line.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "importers/corpus_reader.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: extract_bench INPUT [THREADS=1] [suspect|nosuspect]\n");
        return 2;
    }
    const unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 1;
    kg::ImportOptions options;
    options.case_rule = kg::CaseRule::fold;
    options.suspect_links = !(argc > 3 && std::string(argv[3]) == "nosuspect");
    kg::CorpusReader reader(kg::collect_inputs({argv[1]}, {}), options, threads < 1 ? 1 : threads);
    std::size_t documents = 0;
    std::size_t links = 0;
    std::size_t bytes = 0;
    const auto started = std::chrono::steady_clock::now();
    reader.read([&](kg::Document&& doc) {
        ++documents;
        links += doc.links.size();
        bytes += doc.bytes;
    });
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const std::uint64_t input =
        reader.wiki_stats().xml_bytes ? reader.wiki_stats().xml_bytes : bytes;
    std::printf("bytes %llu documents %zu links %zu seconds %.3f MB/s %.1f\n",
                static_cast<unsigned long long>(input), documents, links, seconds,
                static_cast<double>(input) / 1e6 / seconds);
    return 0;
}
