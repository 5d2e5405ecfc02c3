# kg_use_fast_allocator(target): links an executable with mimalloc (Debian's libmimalloc-dev),
# which replaces malloc and free for the whole process. kgraph allocates a few strings per
# link on worker threads and frees them on the consuming one; glibc's arenas lock and
# consolidate on such cross-thread frees (bench/README.md: ~20 % of link extraction's CPU).
# Not under the sanitizers, which bring their own allocator.
option(KG_MIMALLOC "Link kgraph with the mimalloc allocator" ON)
if(KG_MIMALLOC AND NOT KG_SANITIZE AND NOT KG_FUZZ)
  find_package(mimalloc 2 REQUIRED)
endif()

function(kg_use_fast_allocator target)
  if(KG_MIMALLOC AND NOT KG_SANITIZE AND NOT KG_FUZZ)
    # Kept even though no symbol of it is named: it works by taking malloc's place.
    target_link_options(${target} PRIVATE "LINKER:--no-as-needed")
    target_link_libraries(${target} PRIVATE mimalloc)
    target_compile_definitions(${target} PRIVATE KG_MIMALLOC_LINKED=1)
  endif()
endfunction()
