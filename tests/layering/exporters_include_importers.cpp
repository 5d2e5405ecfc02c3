// Must not compile: exporters see the graph, not how it was read (tests/CMakeLists.txt,
// kg_layering).
#include "importers/document.hpp"
