// The viewer bundle (viewer/dist: our code with sigma.js and graphology, and their licences),
// compiled into kgraph by cmake/EmbedViewer.cmake so that writing a page needs no files at run
// time. Used by exporters/html_writer.cpp only.
#pragma once

#include <string_view>

namespace kg {

/// viewer/dist/viewer.js: the script the page runs (licence texts in its leading comment).
std::string_view viewer_js();
/// viewer/dist/viewer.css
std::string_view viewer_css();

}  // namespace kg
