// write_gexf(): KnowledgeGraph -> GEXF 1.3 (gexf.net/1.3, validated against specs/1.3/gexf.rng),
// Gephi's own format. Typed node attributes (kind, lang, key, metrics), edges with weight and
// kind (so a link and a mention between the same nodes stay two edges), viz:size from PageRank
// and viz:color from the community when metrics exist. Streams to an OutputFile.
#pragma once

#include "exporters/output_file.hpp"
#include "graph/evidence.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// Writes `graph` to `out` (does not close it). Throws OutputError on a write failure.
/// `evidence` (--evidence): each edge's passages as its string attribute "evidence".
void write_gexf(const KnowledgeGraph& graph, OutputFile& out,
                const EvidenceIndex* evidence = nullptr);

}  // namespace kg
