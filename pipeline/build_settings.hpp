// BuildSettings: everything a build needs to know, as one value. The CLI parses its options
// into it (cli/build_options.cpp); BuildPipeline (pipeline/build_pipeline.hpp) runs it. Plain
// data: no files are opened or read here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "graph/layout.hpp"
#include "graph/reduction.hpp"
#include "importers/corpus_reader.hpp"
#include "mentions/mention_pass.hpp"

namespace kg {

/// The reduction filters, applied in the order of their fields; unset ones do nothing.
struct ReduceSettings {
    std::optional<std::vector<NodeKind>> node_kinds;
    std::optional<std::vector<EdgeKind>> edge_kinds;
    std::optional<std::uint32_t> min_weight;
    std::optional<double> backbone;  ///< disparity-filter significance, in (0, 1)
    std::optional<std::size_t> max_edges_per_node;
    std::optional<std::string> focus;  ///< a node's key or title
    std::uint32_t depth = 1;
    bool largest_component = false;
    std::optional<std::size_t> top;
    RankBy rank_by = RankBy::pagerank;
};

/// `auto`: on up to 10,000,000 edges.
enum class MetricsMode { automatic, on, off };

struct BuildSettings {
    std::vector<std::string> inputs;  ///< files, folders, "-" (at least one)
    InputFormat input_format;         ///< -F; empty: by suffix
    ImportOptions import;             ///< han_folder and spotter are set by the pipeline
    std::vector<int> namespaces{0, 14};
    bool keep_redirects = false;
    MentionSettings mentions;
    /// --mentions / --cooccurrence were given: wiki input keeps them (else they go off).
    bool mentions_given = false;
    bool window_given = false;
    std::vector<std::string> stopword_files;  ///< besides "none", which is in the filter
    bool fold_han = false;
    std::size_t keep_texts = 512000000;  ///< bytes of texts kept between the passes
    unsigned threads = 1;                ///< >= 1
    ReduceSettings reduce;
    MetricsMode metrics = MetricsMode::automatic;
    bool layout = true;
    bool layout_forced = false;  ///< --layout given: run past 100,000 nodes too
    LayoutOptions layout_options;
};

}  // namespace kg
