// OutputFile: where an exporter's bytes go. A path is written through a temporary file in the
// same folder, renamed into place by close() — a failed run never leaves a truncated output.
// "-" writes to standard output. Opened by the CLI before any work, so an unwritable path fails
// at once; written by the writers in exporters/.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

namespace kg {

class OutputFile {
public:
    /// Creates the temporary file next to `path` (or binds stdout for "-").
    /// Throws OutputError when the folder is missing or not writable.
    explicit OutputFile(std::string path);
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;
    /// Removes the temporary file if close() was not reached.
    ~OutputFile();

    void write(std::string_view bytes) {
        if (m_buffer.size() + bytes.size() > buffer_limit) flush_buffer();
        m_buffer.append(bytes);
    }
    void put(char c) {
        if (m_buffer.size() + 1 > buffer_limit) flush_buffer();
        m_buffer.push_back(c);
    }

    /// Flushes, closes and renames the temporary file into place. Throws OutputError on any
    /// write, close or rename failure (disk full surfaces here).
    void close();

    const std::string& path() const noexcept { return m_path; }
    std::size_t bytes_written() const noexcept { return m_written + m_buffer.size(); }

private:
    static constexpr std::size_t buffer_limit = 1 << 20;
    void flush_buffer();

    std::string m_path;
    std::string m_temp_path;
    std::FILE* m_file = nullptr;
    bool m_stdout = false;
    bool m_closed = false;
    std::string m_buffer;
    std::size_t m_written = 0;
};

}  // namespace kg
