// Fuzz target: the files a user names — --entities (TSV or JSON lines) and --stopwords —
// read from a memory file. Bad content is a usage or input error with a position; nothing
// else may escape.
#include <sys/mman.h>
#include <unistd.h>

#include "base/error.hpp"
#include "fuzz_target.hpp"
#include "mentions/gazetteer.hpp"

using namespace kg;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const fuzz::FuzzInput in(data, size);
    const int fd = ::memfd_create("kg-fuzz-list", 0);
    if (fd < 0) return 0;
    if (::write(fd, in.payload.data(), in.payload.size()) !=
        static_cast<ssize_t>(in.payload.size())) {
        ::close(fd);
        return 0;
    }
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    static const MatchFolder folder(false);
    Gazetteer gazetteer(folder);
    try {
        if (in.bit(0)) {
            GazetteerFilter filter;
            gazetteer.load_stop_words(path, filter);
        } else {
            gazetteer.load_entities(path, [](std::string_view name) { return std::string(name); });
        }
    } catch (const UsageError&) {
    } catch (const InputError&) {
    }
    ::close(fd);
    return 0;
}
