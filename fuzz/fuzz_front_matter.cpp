// Fuzz target: parse_front_matter over any valid UTF-8 text (the YAML subset notes use).
#include "base/text_util.hpp"
#include "fuzz_target.hpp"
#include "importers/markdown/front_matter.hpp"

using namespace kg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text =
        repaired_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
    const FrontMatter fm = parse_front_matter(text);
    if (fm.body_offset > text.size()) fuzz::broken("body offset past the text");
    if (!fm.present && fm.body_offset != 0) fuzz::broken("a body offset without front matter");
    if (!is_valid_utf8(fm.title) || !is_valid_utf8(fm.lang)) fuzz::broken("invalid UTF-8 out");
    for (const std::string& a : fm.aliases)
        if (!is_valid_utf8(a)) fuzz::broken("invalid UTF-8 alias");
    return 0;
}
