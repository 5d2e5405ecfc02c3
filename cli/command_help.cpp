// `kgraph help [COMMAND]`: the list of commands, or one command's full help, on stdout.
#include <iostream>

#include "base/error.hpp"
#include "cli/command.hpp"

namespace kg::cli {
namespace {

class HelpCommand : public Command {
public:
    std::string_view name() const override { return "help"; }
    std::string_view summary() const override { return "show this list, or a command's options"; }
    std::string help() const override {
        return "usage: kgraph help [COMMAND]\n\nShows the commands, or the options of COMMAND.\n";
    }
    void setup(const std::vector<std::string>& args) override {
        if (args.size() > 1)
            throw UsageError("help takes at most one command name: kgraph help build");
        if (!args.empty()) m_topic = args.front();
    }
    int run() override {
        if (!m_topic.empty()) {
            for (auto& command : command_registry()) {
                if (command->name() == m_topic) {
                    std::cout << command->help();
                    return 0;
                }
            }
            throw UsageError("unknown command '" + m_topic + "': run 'kgraph help' for the list");
        }
        std::cout << version_line()
                  << " — turns the links in a corpus of articles into a graph for Gephi, "
                     "Cytoscape, networkx, D3\n\n"
                     "usage: kgraph COMMAND [OPTIONS] INPUT...\n"
                     "       kgraph --version\n\ncommands:\n";
        for (auto& command : command_registry()) {
            std::cout << "  " << command->name() << std::string(8 - command->name().size(), ' ')
                      << command->summary() << '\n';
        }
        std::cout << "\nexample: kgraph build notes/ -o graph.graphml -o graph.json\n"
                     "Run 'kgraph help build' for the options.\n";
        return 0;
    }

private:
    std::string m_topic;
};

}  // namespace

std::unique_ptr<Command> make_help_command() {
    return std::make_unique<HelpCommand>();
}

std::vector<std::unique_ptr<Command>> command_registry() {
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(make_build_command());
    commands.push_back(make_help_command());
    return commands;
}

std::string version_line() {
    return std::string("kgraph ") + KG_VERSION;
}

}  // namespace kg::cli
