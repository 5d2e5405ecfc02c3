// kgraph's entry point: picks the command, turns exceptions into messages and exit codes.
// The only place that decides exit codes: 0 ok, 1 the run failed (input problems under
// --strict, an output that could not be written), 2 usage error.
#include <cerrno>
#include <iostream>

#include <unistd.h>
#if defined(KG_MIMALLOC_LINKED)
#include <mimalloc.h>
#endif

#include "base/error.hpp"
#include "cli/command.hpp"
#include "exporters/output_file.hpp"

namespace {

#if defined(KG_MIMALLOC_LINKED)
// mimalloc aborts when `new` finds no memory (it does not throw std::bad_alloc): say so, remove
// the temporary outputs and exit 1, as for any other failure.
extern "C" void out_of_memory(int error, void*) {
    if (error != ENOMEM) return;
    static const char message[] = "kgraph: error: out of memory\n";
    if (::write(STDERR_FILENO, message, sizeof message - 1) < 0) {
        // nothing more to say
    }
    kg::remove_temporary_outputs();
    ::_exit(1);
}
#endif

}  // namespace

int main(int argc, char** argv) {
    using namespace kg::cli;
    std::ios::sync_with_stdio(false);
    kg::install_output_cleanup();
#if defined(KG_MIMALLOC_LINKED)
    mi_register_error(&out_of_memory, nullptr);
#endif
    const std::vector<std::string> words(argv + 1, argv + argc);
    try {
        if (words.empty()) {
            throw kg::UsageError(
                "no command given: run 'kgraph help', or 'kgraph build DIR -o graph.graphml'");
        }
        const std::string& first = words.front();
        if (first == "--version" || first == "-V") {
            std::cout << version_line() << '\n';
            return 0;
        }
        std::string command_name = first;
        std::vector<std::string> args(words.begin() + 1, words.end());
        if (first == "-h" || first == "--help") {
            command_name = "help";
            args.clear();
        }
        for (auto& command : command_registry()) {
            if (command->name() != command_name) continue;
            command->setup(args);
            return command->run();
        }
        throw kg::UsageError("unknown command '" + command_name +
                             "': run 'kgraph help' for the list of commands");
    } catch (const kg::UsageError& e) {
        std::cerr << "kgraph: " << e.what() << '\n';
        return 2;
    } catch (const kg::Error& e) {
        std::cerr << "kgraph: error: " << e.what() << '\n';
        return 1;
    } catch (const std::bad_alloc&) {
        std::cerr << "kgraph: error: out of memory\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "kgraph: internal error: " << e.what() << '\n';
        return 1;
    }
}
