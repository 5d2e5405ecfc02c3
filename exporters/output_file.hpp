// OutputFile and OutputFolder: where an exporter's bytes go, written so that a failed or killed
// run never leaves a truncated output or replaces what kgraph did not create.
// - A file is written to a temporary file beside it (".NAME.kgraph-PID-XXXXXX"), fsynced, and
//   renamed into place by close(); the folder is fsynced after the rename. A replaced file keeps
//   its permission bits (and owner, where allowed). "-" writes to standard output.
// - A folder format's files are written into a temporary sibling folder that replaces the old
//   folder as a whole (renameat2 RENAME_EXCHANGE), so its files never come from two runs.
// - Temporary files are registered so that SIGINT, SIGTERM, SIGHUP and crashes remove them
//   (install_output_cleanup()); one left by a run killed with SIGKILL is removed by the next run
//   that writes the same output (its PID no longer runs).
// Opened by the CLI before any work, so an unwritable path fails at once.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg {

class OutputFile {
public:
    /// Creates the temporary file next to `path` (or binds stdout for "-").
    /// Throws OutputError when the folder is missing or not writable, or when `path` exists and
    /// is not a regular file.
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

    /// Flushes, fsyncs, closes and renames the temporary file into place. Throws OutputError on
    /// any write, sync, close or rename failure (disk full surfaces here).
    void close();

    const std::string& path() const noexcept { return m_path; }
    std::size_t bytes_written() const noexcept { return m_written + m_buffer.size(); }

private:
    friend class OutputFolder;
    struct InFolder {};
    /// A file inside an OutputFolder's temporary folder: written at `temp_path` directly,
    /// close() only syncs and closes it. `path` is where it ends up (for messages).
    OutputFile(std::string path, std::string temp_path, InFolder);

    static constexpr std::size_t buffer_limit = 1 << 20;
    void flush_buffer();
    void attach(int fd);    ///< the stream on the temporary file; removes it on failure
    void finish_writing();  ///< flush, fsync, fclose; throws OutputError

    std::string m_path;
    std::string m_temp_path;
    std::FILE* m_file = nullptr;
    bool m_stdout = false;
    bool m_in_folder = false;
    bool m_closed = false;
    int m_slot = -1;  ///< in the cleanup registry
    std::string m_buffer;
    std::size_t m_written = 0;
};

/// A folder output (neo4j-csv, gephi-csv): the files named `names`, replaced together.
class OutputFolder {
public:
    /// Creates the temporary sibling folder of `path` (and `path`'s parent folders) and the
    /// files in it. Throws OutputError when `path` exists and is not a folder holding only
    /// `names`, or when the parent is not writable.
    OutputFolder(std::string path, const std::vector<std::string_view>& names);
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;
    /// Removes the temporary folder if close() was not reached.
    ~OutputFolder();

    /// The files, in the order of `names`.
    std::vector<OutputFile*> files() const;
    /// Closes every file and puts the folder in place of the old one in one step.
    void close();

    const std::string& path() const noexcept { return m_path; }
    std::size_t bytes_written() const noexcept;

private:
    void remove_temp() noexcept;
    std::filesystem::path folder_target() const;

    std::string m_path;
    std::string m_temp_path;
    std::vector<std::string> m_names;
    std::vector<std::unique_ptr<OutputFile>> m_files;
    bool m_closed = false;
    int m_slot = -1;
};

/// Why kgraph refuses to write at `path`, or empty: `path` must not exist, or be a regular file
/// (`folder` false) or a folder holding only the files `folder_files` (`folder` true).
std::string refuse_output_path(const std::string& path, bool folder,
                               const std::vector<std::string_view>& folder_files);

/// Removes the temporary files of outputs still being written (async-signal-safe calls only:
/// for handlers of fatal conditions).
void remove_temporary_outputs() noexcept;

/// Installs signal handlers that remove the temporary files of outputs still being written
/// (SIGINT, SIGTERM, SIGHUP, and crashes unless a sanitizer watches them), then die of the
/// signal; SIGXFSZ is ignored so that a file-size limit fails the write with EFBIG instead.
void install_output_cleanup();

}  // namespace kg
