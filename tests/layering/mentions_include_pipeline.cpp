// Must not compile: mentions sit below the pipeline (tests/CMakeLists.txt, kg_layering).
#include "pipeline/build_pipeline.hpp"
