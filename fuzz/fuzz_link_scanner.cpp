// Fuzz target: scan_links over any valid UTF-8 text, both dialects and every option. Checks
// that links, issues and hidden ranges lie inside the text and that hidden ranges come sorted
// and disjoint, as the mention pass relies on.
#include "base/text_util.hpp"
#include "fuzz_target.hpp"
#include "importers/links/link_scanner.hpp"

using namespace kg;

namespace {

bool inside(std::string_view part, std::string_view text) {
    return part.empty() ||
           (part.data() >= text.data() && part.data() + part.size() <= text.data() + text.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fuzz::FuzzInput in(data, size);
    // The scanner's precondition is valid UTF-8, as the importers give it.
    const std::string text = repaired_utf8(in.payload);
    ScanOptions options;
    options.dialect = in.bit(0) ? Dialect::wikitext : Dialect::markdown;
    options.label_first = in.bit(1);
    options.links_in_templates = in.bit(2);
    const std::size_t begin = in.bit(3) ? std::min<std::size_t>(text.size(), in.flags >> 4) : 0;
    const ScanResult r = scan_links(text, begin, options);
    for (const RawLink& l : r.links) {
        if (!(l.offset < l.end && l.end <= text.size())) fuzz::broken("link outside the text");
        if (!inside(l.target, text) || !inside(l.label, text)) fuzz::broken("view outside");
    }
    for (const ScanIssue& i : r.issues)
        if (i.offset > text.size()) fuzz::broken("issue outside the text");
    for (std::size_t k = 0; k < r.hidden.size(); ++k) {
        const auto [from, to] = r.hidden[k];
        if (from > to || to > text.size()) fuzz::broken("hidden range outside the text");
        if (k > 0 && from <= r.hidden[k - 1].second) fuzz::broken("hidden ranges not disjoint");
    }
    return 0;
}
