// Reading test inputs: whole files, the start of a (compressed) corpus file, the corpora folder.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <unistd.h>

#include "importers/compression/byte_source.hpp"

namespace kg::test {

/// A fresh folder under the system's temp folder, removed with everything in it at the end.
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("kgraph-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    /// Writes `text` to `name` inside the folder.
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name, std::ios::binary) << text;
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

/// ../shared/corpora (KG_CORPORA); tests over it skip, saying so, when it is not there.
inline const std::filesystem::path& corpora() {
    static const std::filesystem::path path = KG_CORPORA;
    return path;
}

inline std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The first `bytes` of `path` decompressed (by ByteSource), cut after the last full line.
inline std::string read_lines_prefix(const std::filesystem::path& path, std::size_t bytes) {
    ByteSource source(path.string(), path.filename().string());
    std::string text(bytes, '\0');
    std::size_t got = 0;
    while (got < text.size()) {
        const std::size_t n = source.read(text.data() + got, text.size() - got);
        if (n == 0) break;
        got += n;
    }
    text.resize(got);
    text.resize(text.rfind('\n') + 1);
    return text;
}

}  // namespace kg::test
