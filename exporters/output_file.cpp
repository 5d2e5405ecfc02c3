// OutputFile and OutputFolder: mkstemp/mkdtemp beside the target, fsync, rename(2) (or
// renameat2 RENAME_EXCHANGE for a folder), fsync of the folder; a registry of temporary paths
// that signal handlers can remove with async-signal-safe calls only.
#include "exporters/output_file.hpp"

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/error.hpp"

namespace kg {

namespace {

namespace fs = std::filesystem;

std::string errno_text(int error = errno) {
    return std::strerror(error);
}

// ---- the registry of temporary paths, read by the signal handlers --------------------------

constexpr int registry_slots = 512;
std::atomic<char*> g_temp_paths[registry_slots];

/// Returns the slot, or -1 when every slot is taken (the path is then only removed by the
/// destructor and by the next run).
int register_temp(const std::string& path) {
    char* copy = ::strdup(path.c_str());
    if (copy == nullptr) return -1;
    for (int i = 0; i < registry_slots; ++i) {
        char* expected = nullptr;
        if (g_temp_paths[i].compare_exchange_strong(expected, copy)) return i;
    }
    std::free(copy);
    return -1;
}

void unregister_temp(int& slot) noexcept {
    if (slot < 0) return;
    std::free(g_temp_paths[slot].exchange(nullptr));
    slot = -1;
}

extern "C" void remove_temps_and_die(int signal_number) {
    remove_temporary_outputs();
    std::signal(signal_number, SIG_DFL);
    std::raise(signal_number);
}

// ---- temporary names and the leftovers of killed runs ----------------------------------------

fs::path folder_of(const fs::path& target) {
    return target.has_parent_path() ? target.parent_path() : fs::path(".");
}

/// ".NAME.kgraph-" : every temporary path of an output NAME starts with it.
std::string temp_prefix(const fs::path& target) {
    return "." + target.filename().string() + ".kgraph-";
}

std::string temp_pattern(const fs::path& target) {
    return (folder_of(target) / (temp_prefix(target) + std::to_string(::getpid()) + "-XXXXXX"))
        .string();
}

/// Removes ".NAME.kgraph-PID-XXXXXX" files and folders beside `target` whose PID no longer
/// runs: what a run killed by SIGKILL (or a power cut) left. Names of any other shape are not
/// ours and are left alone.
void remove_leftovers(const fs::path& target) {
    const std::string prefix = temp_prefix(target);
    std::error_code ec;
    for (fs::directory_iterator it(folder_of(target), ec), end; !ec && it != end;
         it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) != 0) continue;
        const std::string rest = name.substr(prefix.size());
        const std::size_t dash = rest.find('-');
        if (dash == 0 || dash == std::string::npos || rest.size() != dash + 7) continue;
        if (rest.find_first_not_of("0123456789") != dash) continue;
        const long pid = std::strtol(rest.c_str(), nullptr, 10);
        // Alive, or EPERM (alive, another user's): not a leftover.
        if (pid <= 0 || ::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
        std::error_code ignored;
        fs::remove_all(it->path(), ignored);
    }
}

void sync_folder(const fs::path& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);  // EINVAL on file systems that cannot: the data itself was synced already
    ::close(fd);
}

}  // namespace

std::string refuse_output_path(const std::string& path, bool folder,
                               const std::vector<std::string_view>& folder_files) {
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return {};
    if (S_ISLNK(st.st_mode)) return "is a symbolic link: kgraph replaces only files it writes";
    if (!folder) {
        if (S_ISDIR(st.st_mode)) return "is a folder: name a file";
        if (!S_ISREG(st.st_mode))
            return "is not a regular file (a device, FIFO or socket): kgraph writes only regular "
                   "files";
        return {};
    }
    if (!S_ISDIR(st.st_mode)) return "is not a folder: this format writes a folder";
    std::error_code ec;
    for (fs::directory_iterator it(path, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        bool ours = false;
        for (std::string_view f : folder_files) ours = ours || name == f;
        if (!ours || !it->is_regular_file(ec) || it->is_symlink(ec))
            return "holds '" + name + "', which this format does not write: kgraph replaces a " +
                   "folder only when it holds nothing else";
    }
    if (ec) return "cannot be read: " + ec.message();
    return {};
}

// ---- OutputFile ---------------------------------------------------------------------------------

OutputFile::OutputFile(std::string path) : m_path(std::move(path)) {
    if (m_path == "-") {
        m_stdout = true;
        m_file = stdout;
        return;
    }
    if (const std::string why = refuse_output_path(m_path, false, {}); !why.empty())
        throw OutputError("cannot write output '" + m_path + "': it " + why);
    const fs::path target(m_path);
    remove_leftovers(target);
    std::string name = temp_pattern(target);
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        throw OutputError("cannot write output '" + m_path + "': " + errno_text() +
                          " (the folder must exist and be writable)");
    }
    m_temp_path = name;
    m_slot = register_temp(m_temp_path);
    // mkstemp creates 0600: a replaced file keeps its mode (and owner where we may set it), a
    // new one gets the usual permissions (umask applies).
    struct stat old {};
    if (::stat(m_path.c_str(), &old) == 0) {
        if (::fchown(fd, old.st_uid, old.st_gid) != 0) {
            // Not permitted for another user's file: the mode is still kept.
        }
        ::fchmod(fd, old.st_mode & 07777);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        ::fchmod(fd, 0666 & ~mask);
    }
    attach(fd);
}

OutputFile::OutputFile(std::string path, std::string temp_path, InFolder)
    : m_path(std::move(path)), m_temp_path(std::move(temp_path)), m_in_folder(true) {
    const int fd = ::open(m_temp_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw OutputError("cannot write output '" + m_path + "': " + errno_text());
    m_slot = register_temp(m_temp_path);
    attach(fd);
}

void OutputFile::attach(int fd) {
    m_file = ::fdopen(fd, "wb");
    if (m_file != nullptr) return;
    const int error = errno;
    ::close(fd);
    ::unlink(m_temp_path.c_str());
    unregister_temp(m_slot);
    throw OutputError("cannot write output '" + m_path + "': " + errno_text(error));
}

OutputFile::~OutputFile() {
    if (m_stdout || m_closed) return;
    if (m_file != nullptr) std::fclose(m_file);
    ::unlink(m_temp_path.c_str());
    unregister_temp(m_slot);
}

void OutputFile::flush_buffer() {
    if (m_buffer.empty()) return;
    if (std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file) != m_buffer.size()) {
        throw OutputError("cannot write output '" + m_path + "': " + errno_text());
    }
    m_written += m_buffer.size();
    m_buffer.clear();
}

void OutputFile::finish_writing() {
    flush_buffer();
    bool ok = std::fflush(m_file) == 0;
    int error = ok ? 0 : errno;
    if (ok && ::fsync(::fileno(m_file)) != 0) {
        ok = false;
        error = errno;
    }
    const bool closed = std::fclose(m_file) == 0;
    if (ok && !closed) error = errno;
    m_file = nullptr;
    if (!ok || !closed) {
        ::unlink(m_temp_path.c_str());
        unregister_temp(m_slot);
        m_closed = true;
        throw OutputError("cannot write output '" + m_path + "': " + errno_text(error));
    }
}

void OutputFile::close() {
    if (m_closed) return;
    if (m_stdout) {
        flush_buffer();
        m_closed = true;
        if (std::fflush(stdout) != 0) {
            throw OutputError("cannot write to standard output: " + errno_text());
        }
        return;
    }
    finish_writing();
    if (m_in_folder) {
        m_closed = true;  // the folder renames it; the slot stays until the folder is in place
        return;
    }
    auto fail = [&](const std::string& why) {
        ::unlink(m_temp_path.c_str());
        unregister_temp(m_slot);
        m_closed = true;
        throw OutputError("cannot move output into place at '" + m_path + "': " + why);
    };
    // Checked again: something other than a regular file may have appeared meanwhile.
    if (const std::string why = refuse_output_path(m_path, false, {}); !why.empty())
        fail("it " + why);
    if (std::rename(m_temp_path.c_str(), m_path.c_str()) != 0) fail(errno_text());
    unregister_temp(m_slot);
    m_closed = true;
    sync_folder(folder_of(fs::path(m_path)));
}

// ---- OutputFolder -------------------------------------------------------------------------------

OutputFolder::OutputFolder(std::string path, const std::vector<std::string_view>& names)
    : m_path(std::move(path)), m_names(names.begin(), names.end()) {
    if (const std::string why = refuse_output_path(m_path, true, names); !why.empty())
        throw OutputError("cannot write output '" + m_path + "': it " + why);
    fs::path target = folder_target();
    std::error_code ec;
    if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
    remove_leftovers(target);
    std::string name = temp_pattern(target);
    if (::mkdtemp(name.data()) == nullptr) {
        throw OutputError("cannot write output '" + m_path + "': " + errno_text() +
                          " (the folder it is in must be writable)");
    }
    m_temp_path = name;
    m_slot = register_temp(m_temp_path);
    try {
        for (const std::string& file : m_names) {
            m_files.push_back(std::unique_ptr<OutputFile>(
                new OutputFile((target / file).string(), (fs::path(m_temp_path) / file).string(),
                               OutputFile::InFolder{})));
        }
    } catch (...) {
        remove_temp();
        throw;
    }
}

std::filesystem::path OutputFolder::folder_target() const {
    fs::path target(m_path);
    if (!target.has_filename()) target = target.parent_path();  // "out/" names the folder "out"
    return target;
}

OutputFolder::~OutputFolder() {
    if (!m_closed) remove_temp();
}

void OutputFolder::remove_temp() noexcept {
    for (auto& f : m_files) unregister_temp(f->m_slot);
    m_files.clear();  // their destructors remove files not closed
    for (const std::string& file : m_names) ::unlink((fs::path(m_temp_path) / file).c_str());
    ::rmdir(m_temp_path.c_str());
    unregister_temp(m_slot);
}

std::vector<OutputFile*> OutputFolder::files() const {
    std::vector<OutputFile*> files;
    for (const auto& f : m_files) files.push_back(f.get());
    return files;
}

std::size_t OutputFolder::bytes_written() const noexcept {
    std::size_t bytes = 0;
    for (const auto& f : m_files) bytes += f->bytes_written();
    return bytes;
}

void OutputFolder::close() {
    if (m_closed) return;
    for (const auto& f : m_files) f->close();
    sync_folder(m_temp_path);
    auto fail = [&](const std::string& why) {
        remove_temp();
        m_closed = true;
        throw OutputError("cannot move output into place at '" + m_path + "': " + why);
    };
    std::vector<std::string_view> names(m_names.begin(), m_names.end());
    if (const std::string why = refuse_output_path(m_path, true, names); !why.empty())
        fail("it " + why);
    const fs::path target = folder_target();
    struct stat st {};
    const bool replacing = ::lstat(target.c_str(), &st) == 0;
    if (replacing) {
        // One step: the old folder and its files go to the temporary name, then away.
        if (::renameat2(AT_FDCWD, m_temp_path.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) !=
            0)
            fail(errno_text() + " (the file system cannot exchange two folders)");
    } else if (std::rename(m_temp_path.c_str(), target.c_str()) != 0) {
        fail(errno_text());
    }
    for (auto& f : m_files) unregister_temp(f->m_slot);
    m_closed = true;
    if (replacing) remove_temp();
    sync_folder(folder_of(target));
}

// ---- signals ------------------------------------------------------------------------------------

void remove_temporary_outputs() noexcept {
    // Files first, then the (then empty) temporary folders.
    for (auto& slot : g_temp_paths) {
        if (const char* p = slot.load()) ::unlink(p);
    }
    for (auto& slot : g_temp_paths) {
        if (const char* p = slot.load()) ::rmdir(p);
    }
}

void install_output_cleanup() {
    struct sigaction action {};
    action.sa_handler = remove_temps_and_die;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND;
    int signals[] = {
        SIGINT,
        SIGTERM,
        SIGHUP,
        SIGQUIT,
#if !defined(__SANITIZE_ADDRESS__)
        SIGSEGV,
        SIGBUS,
        SIGFPE,
        SIGILL,
        SIGABRT,
#endif
    };
    for (int s : signals) ::sigaction(s, &action, nullptr);
    std::signal(SIGXFSZ, SIG_IGN);
}

}  // namespace kg
