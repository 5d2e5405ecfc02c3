# KG_SANITIZE=ON builds everything with ASan + UBSan (the test build kept green in CI).
if(KG_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
# KG_FUZZ=ON (clang) instruments everything for libFuzzer, with ASan + UBSan, and builds the
# fuzz targets in fuzz/ (scripts/fuzz.sh).
if(KG_FUZZ)
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined
                      -fsanitize-ignorelist=${PROJECT_SOURCE_DIR}/fuzz/ubsan-ignore.txt)
  add_link_options(-fsanitize=address,undefined)
endif()
