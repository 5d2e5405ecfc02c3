# kg_module(target module): gives a module's library the include root that exposes only that
# module's folder, so `#include "graph/knowledge_graph.hpp"` works from every target that
# links kg::graph and an include against the dependency order (base <- graph <- importers <-
# mentions <- pipeline <- cli; graph <- exporters <- cli) fails to build: no target puts the
# source root on its include path. The root is a folder in the build tree holding one
# symbolic link, <module> -> the module's source folder.
function(kg_module target module)
  set(root ${PROJECT_BINARY_DIR}/kg_include/${module})
  if(NOT EXISTS ${root}/${module})
    file(MAKE_DIRECTORY ${root})
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/${module} ${root}/${module} SYMBOLIC)
  endif()
  add_library(kg::${module} ALIAS ${target})
  target_include_directories(${target} PUBLIC ${root})
  kg_set_warnings(${target})
endfunction()
