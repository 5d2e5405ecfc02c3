// Unit tests of TextArena: copies stay valid and intact while the arena grows.
#include <string>
#include <string_view>
#include <vector>

#include "base/text_arena.hpp"
#include "tests/test.hpp"

using namespace kg;

TEST_CASE("arena copies stay valid as blocks are added; long and empty texts", "[arena]") {
    TextArena arena;
    std::vector<std::string_view> views;
    std::vector<std::string> expected;
    // ~3 MB of short strings: several 1 MB blocks.
    for (int i = 0; i < 200000; ++i) {
        expected.push_back("key " + std::to_string(i));
        views.push_back(arena.add(expected.back()));
    }
    const std::string long_text(3u << 20, 'x');  // longer than a block: a block of its own
    const std::string_view long_view = arena.add(long_text);
    views.push_back(arena.add("after"));
    expected.push_back("after");
    bool all_equal = true;
    for (std::size_t i = 0; i < views.size(); ++i) all_equal = all_equal && views[i] == expected[i];
    CHECK(all_equal);
    CHECK(long_view == long_text);
    CHECK(long_view.data() != long_text.data());
    CHECK(arena.add("").empty());
    CHECK(arena.capacity() >= (3u << 20) + 3 * (1u << 20));
}
