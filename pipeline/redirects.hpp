// Redirects: the wiki redirect pages of pass 1, kept until every page is read (chains need them
// all), then followed to their final targets in the graph builder. Called by BuildPipeline
// between the two passes; tested alone in tests/unit/pipeline/test_redirects.cpp.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "base/text_arena.hpp"
#include "graph/graph_builder.hpp"
#include "importers/problem.hpp"
#include "mentions/mention_pass.hpp"

namespace kg {

struct RedirectSummary {
    std::size_t resolved = 0;
    std::size_t dangling = 0;  ///< whose final target is no page of the input
    std::size_t loops = 0;
};

class Redirects {
public:
    /// Records the redirect page `from` -> `to` (keys) read from `sources[source]`. With
    /// `title_as_name`, its title (and language) become a name of its final target for the
    /// mention pass.
    void add(std::string_view from, std::string_view to, std::uint32_t source, bool title_as_name,
             std::string title, std::string lang);

    bool empty() const noexcept { return m_list.empty(); }

    /// Follows every redirect to its final target (chains of any length). A chain that comes
    /// back on itself is reported once (redirect_loop) and its pages stay as they are. Links
    /// to a redirect then land on its final target; with `keep`, the redirect stays a node
    /// with a `redirect` edge to it. Titles recorded as names go to `names`. Frees the list.
    RedirectSummary resolve(const std::vector<std::string>& sources, bool keep,
                            GraphBuilder& builder, MentionPass& names, ProblemSink& problems);

private:
    /// 40 bytes a redirect and its two keys in an arena.
    struct Redirect {
        std::string_view from;
        std::string_view to;
        std::uint32_t source;  ///< index into the run's list of input names
        std::uint32_t alias;   ///< index into m_aliases, or no_alias
    };
    static constexpr std::uint32_t no_alias = 0xFFFFFFFFu;
    struct Alias {
        std::string title;
        std::string lang;
    };
    std::deque<Redirect> m_list;  // a deque: no doubling as it grows
    std::vector<Alias> m_aliases;
    TextArena m_text;
};

}  // namespace kg
