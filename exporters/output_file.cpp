// OutputFile: mkstemp-created temporary file + rename(2), the atomic-replace idiom of POSIX.
#include "exporters/output_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/error.hpp"

namespace kg {

namespace {
std::string errno_text() {
    return std::strerror(errno);
}
}  // namespace

OutputFile::OutputFile(std::string path) : m_path(std::move(path)) {
    if (m_path == "-") {
        m_stdout = true;
        m_file = stdout;
        return;
    }
    namespace fs = std::filesystem;
    const fs::path target(m_path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string pattern = (folder / ("." + target.filename().string() + ".kgraph-XXXXXX")).string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        throw OutputError("cannot write output '" + m_path + "': " + errno_text() +
                          " (the folder must exist and be writable)");
    }
    // mkstemp creates 0600; outputs should carry the usual permissions (umask applies).
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    m_temp_path = name.data();
    m_file = ::fdopen(fd, "wb");
    if (m_file == nullptr) {
        ::close(fd);
        ::unlink(m_temp_path.c_str());
        throw OutputError("cannot write output '" + m_path + "': " + errno_text());
    }
}

OutputFile::~OutputFile() {
    if (m_stdout || m_closed) return;
    if (m_file != nullptr) std::fclose(m_file);
    ::unlink(m_temp_path.c_str());
}

void OutputFile::flush_buffer() {
    if (m_buffer.empty()) return;
    if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) {
        throw OutputError("cannot write output '" + m_path + "': " + errno_text());
    }
    m_written += m_buffer.size();
    m_buffer.clear();
}

void OutputFile::close() {
    if (m_closed) return;
    flush_buffer();
    if (m_stdout) {
        m_closed = true;
        if (std::fflush(stdout) != 0) {
            throw OutputError("cannot write to standard output: " + errno_text());
        }
        return;
    }
    const bool flushed = std::fflush(m_file) == 0;
    const int saved = errno;
    const bool closed = std::fclose(m_file) == 0;
    m_file = nullptr;
    if (!flushed || !closed) {
        errno = flushed ? errno : saved;
        const std::string why = errno_text();
        ::unlink(m_temp_path.c_str());
        m_closed = true;
        throw OutputError("cannot write output '" + m_path + "': " + why);
    }
    if (std::rename(m_temp_path.c_str(), m_path.c_str()) != 0) {
        const std::string why = errno_text();
        ::unlink(m_temp_path.c_str());
        m_closed = true;
        throw OutputError("cannot move output into place at '" + m_path + "': " + why);
    }
    m_closed = true;
}

}  // namespace kg
