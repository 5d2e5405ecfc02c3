// Must not compile: importers sit below mentions (tests/CMakeLists.txt, kg_layering).
#include "mentions/gazetteer.hpp"
