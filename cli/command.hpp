// Command: one kgraph subcommand (build, help). Each parses its own options in setup(), which
// validates everything it can before any work, and does the work in run(). Commands are
// registered in one place, command_registry() in main.cpp.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace kg::cli {

class Command {
public:
    virtual ~Command() = default;
    virtual std::string_view name() const = 0;
    /// One line for `kgraph help`.
    virtual std::string_view summary() const = 0;
    /// Full help text: usage and every option.
    virtual std::string help() const = 0;
    /// Parses and validates `args` (the words after the command name). Throws UsageError.
    virtual void setup(const std::vector<std::string>& args) = 0;
    /// Does the work; returns the process exit code.
    virtual int run() = 0;
};

/// Every command, in the order `kgraph help` lists them.
std::vector<std::unique_ptr<Command>> command_registry();

std::unique_ptr<Command> make_build_command();
std::unique_ptr<Command> make_help_command();

/// "kgraph 0.1.0"
std::string version_line();

}  // namespace kg::cli
