#!/usr/bin/env bash
# Installs the Debian 12 packages kgraph needs to build and test, if any is missing.
# Called by scripts/run-example.sh and scripts/test.sh; safe to run again.
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config         # build
  libexpat1-dev libbz2-dev zlib1g-dev liblzma-dev libzstd-dev            # dump input: XML, compression
  libboost-graph-dev libboost-program-options-dev rapidjson-dev libicu-dev   # libraries
  libmimalloc-dev                                                          # allocator
  catch2 libxml2-utils python3 python3-networkx python3-numpy python3-scipy python3-igraph python3-icu python3-mwparserfromhell bzip2 gzip zstd xz-utils  # tests (networkx's PageRank needs scipy)
  graphviz                                                                 # DOT rendering
  clang-format                                                             # style
  clang libclang-rt-14-dev                                                 # fuzzing (libFuzzer)
  chromium firefox-esr xvfb xauth fonts-noto-core fonts-noto-cjk           # the HTML viewer's browser tests (Arabic, CJK labels)
)

missing=()
for p in "${packages[@]}"; do
  if [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" != "install ok installed" ]; then
    missing+=("$p")
  fi
done
# Node.js and npm run the JavaScript client checks; machines of this kind ship them, Debian's
# packages are the fallback.
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "installing: ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
