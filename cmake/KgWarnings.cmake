# kg_set_warnings(target): the project's warning flags, applied to every kgraph target.
function(kg_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(KG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
