// Redirects: resolution of chains by binary search over the redirects sorted by key.
#include "pipeline/redirects.hpp"

#include <algorithm>

namespace kg {

void Redirects::add(std::string_view from, std::string_view to, std::uint32_t source,
                    bool title_as_name, std::string title, std::string lang) {
    std::uint32_t alias = no_alias;
    if (title_as_name) {
        alias = static_cast<std::uint32_t>(m_aliases.size());
        m_aliases.push_back(Alias{std::move(title), std::move(lang)});
    }
    m_list.push_back(Redirect{m_text.add(from), m_text.add(to), source, alias});
}

RedirectSummary Redirects::resolve(const std::vector<std::string>& sources, bool keep,
                                   GraphBuilder& builder, MentionPass& names,
                                   ProblemSink& problems) {
    RedirectSummary summary;
    const std::deque<Redirect>& list = m_list;
    // The redirects by key (the first page of a key wins), found by binary search: 4 bytes
    // a redirect instead of a hash map of them.
    std::vector<std::uint32_t> by_from(list.size());
    for (std::uint32_t i = 0; i < by_from.size(); ++i) by_from[i] = i;
    std::stable_sort(by_from.begin(), by_from.end(),
                     [&](std::uint32_t a, std::uint32_t b) { return list[a].from < list[b].from; });
    auto redirect_of = [&](std::string_view key) -> const Redirect* {
        const auto it =
            std::lower_bound(by_from.begin(), by_from.end(), key,
                             [&](std::uint32_t i, std::string_view k) { return list[i].from < k; });
        return it != by_from.end() && list[*it].from == key ? &list[*it] : nullptr;
    };
    for (const Redirect& r : list) {
        const std::string_view from = r.from;
        std::string_view to = r.to;
        std::vector<std::string_view> seen{from};
        bool loop = false;
        for (const Redirect* next = redirect_of(to); next != nullptr; next = redirect_of(to)) {
            if (std::find(seen.begin(), seen.end(), to) != seen.end() || seen.size() > 64) {
                loop = true;
                break;
            }
            seen.push_back(to);
            to = next->to;
        }
        if (loop || to == from) {
            ++summary.loops;
            problems.report(
                Problem{ProblemKind::redirect_loop, sources[r.source], 0, 0,
                        "redirect '" + std::string(from) + "' is part of a loop; left as it is"});
            continue;
        }
        const std::size_t before_to = builder.node_count();
        const NodeId target = builder.add_node(to, NodeKind::entity);
        if (builder.node_count() > before_to) builder.add_surface(target, to);
        if (builder.node_count() > before_to) ++summary.dangling;
        if (keep) {
            const NodeId source = builder.add_node(from, NodeKind::entity);
            builder.add_edge(source, target, EdgeKind::redirect, 1, 0);
            builder.redirect(source, target, true);
        } else {
            // Only a redirect something links to has edges to move; one never linked needs
            // no node, unless the mention pass may still find its key (entities file).
            const NodeId source =
                names.spots() ? builder.add_node(from, NodeKind::entity) : builder.find(from);
            if (source != GraphBuilder::no_node) builder.redirect(source, target);
        }
        if (r.alias != no_alias) {
            names.add_redirect_alias(m_aliases[r.alias].title, to, m_aliases[r.alias].lang);
        }
        ++summary.resolved;
    }
    m_list = {};  // resolved into the builder: the memory is the graph's now
    m_aliases = {};
    m_text = TextArena();
    return summary;
}

}  // namespace kg
