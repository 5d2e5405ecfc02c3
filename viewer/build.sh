#!/usr/bin/env bash
# Builds the viewer bundle into dist/ (committed; kgraph embeds it at build time):
#   viewer/build.sh          installs the locked packages (npm ci) and bundles with esbuild
#   viewer/build.sh --check  bundles into a temporary folder and fails if dist/ differs
# dist/viewer.js starts with the licence texts of the bundled packages (sigma, graphology and
# their dependencies), taken from node_modules.
set -euo pipefail
cd "$(dirname "$0")"
check=0
[ "${1:-}" = "--check" ] && check=1
npm ci --no-audit --no-fund --loglevel=error >/dev/null
out=dist
if [ $check -eq 1 ]; then out=$(mktemp -d); trap 'rm -rf "$out"' EXIT; fi
mkdir -p "$out"
node_modules/.bin/esbuild src/main.js --bundle --minify --format=iife --target=es2022 \
  --legal-comments=none --charset=utf8 --log-level=warning --outfile="$out/body.js"
{
  echo "/*! kgraph viewer. Bundled packages and their licences:"
  for p in sigma graphology graphology-utils events; do
    version=$(node -p "require('./node_modules/$p/package.json').version")
    echo
    echo "== $p $version =="
    sed 's#\*/#* /#g' node_modules/$p/LICENSE*
  done
  echo "*/"
  cat "$out/body.js"
} > "$out/viewer.js"
rm "$out/body.js"
cp src/viewer.css "$out/viewer.css"
if [ $check -eq 1 ]; then
  for f in viewer.js viewer.css; do
    cmp -s "$out/$f" "dist/$f" || { echo "viewer/dist/$f is not what viewer/build.sh builds: run viewer/build.sh and commit dist/" >&2; exit 1; }
  done
  echo "viewer/dist is up to date"
fi
