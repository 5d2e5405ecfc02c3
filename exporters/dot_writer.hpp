// write_dot(): KnowledgeGraph -> Graphviz DOT (graphviz.org/doc/info/lang.html), a digraph that
// dot, neato and sfdp render. Labels, kinds and weights as attributes; colour and size from the
// metrics; `pos` ("x,y!", pinned) when a layout was computed, so `neato -n` draws kgraph's
// own positions. Streams to an OutputFile.
#pragma once

#include "exporters/output_file.hpp"
#include "graph/knowledge_graph.hpp"

namespace kg {

/// Writes `graph` to `out` (does not close it). Throws OutputError on a write failure.
void write_dot(const KnowledgeGraph& graph, OutputFile& out);

/// `text` as a DOT double-quoted string (quotes and backslashes escaped, line ends as \n).
std::string dot_quoted(std::string_view text);

}  // namespace kg
