// Must not compile: graph sits below importers (tests/CMakeLists.txt, kg_layering).
#include "importers/document.hpp"
