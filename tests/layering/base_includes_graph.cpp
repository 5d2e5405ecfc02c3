// Must not compile: base depends on nothing of kgraph's (tests/CMakeLists.txt, kg_layering).
#include "graph/knowledge_graph.hpp"
