// parse_build_options: every bad value gives its usage error; good values land in the settings.
#include <string>
#include <vector>

#include "base/error.hpp"
#include "cli/build_options.hpp"
#include "tests/test.hpp"

using namespace kg;
using namespace kg::cli;

namespace {

std::vector<std::string> words(std::initializer_list<const char*> extra) {
    std::vector<std::string> args{"notes", "-o", "g.graphml"};
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
}

// The message of the usage error `args` give, or "no error".
std::string usage_error(const std::vector<std::string>& args) {
    try {
        parse_build_options(args, false, 4);
    } catch (const UsageError& e) {
        return e.what();
    }
    return "no error";
}

}  // namespace

TEST_CASE("every bad option value is a usage error that names what to give", "[cli][options]") {
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"-o", "g.graphml"},
         "build: no input given: name a folder or files, e.g. kgraph build notes/ -o "
         "graph.graphml"},
        {{"notes"},
         "build: no output given: add -o graph.graphml and/or -o graph.json (or -o - -f json)"},
        {words({"--case", "upper"}),
         "build: unknown --case 'upper': use fold, first-letter or sensitive"},
        {words({"--interlanguage", "hide"}),
         "build: unknown --interlanguage 'hide': use keep or drop"},
        {words({"--redirects", "follow"}),
         "build: unknown --redirects 'follow': use resolve or keep"},
        {words({"--namespaces", "0,x"}),
         "build: --namespaces takes numbers separated by commas, e.g. 0,14"},
        {words({"--namespaces", "0,,14"}),
         "build: --namespaces takes numbers separated by commas, e.g. 0,14"},
        {words({"-F", "html"}),
         "build: unknown input format 'html': use -F markdown, wikitext, mediawiki or jsonl"},
        {words({"-j", "0"}), "build: --threads takes a whole number from 1 to 256 (got '0')"},
        {words({"-j", "-1"}), "build: --threads takes a whole number from 1 to 256 (got '-1')"},
        {words({"-j", "100000"}),
         "build: --threads takes a whole number from 1 to 256 (got '100000')"},
        {words({"-j", "2x"}), "build: --threads takes a whole number from 1 to 256 (got '2x')"},
        {words({"--layout-iterations", "-1"}),
         "build: --layout-iterations takes a whole number from 0 to 1,000,000 (got '-1')"},
        {words({"--depth", "-1"}),
         "build: --depth takes a whole number from 0 to 1,000,000 (got '-1')"},
        {words({"--top", "0"}),
         "build: --top takes a whole number from 1 to 1,000,000,000,000 (got '0')"},
        {words({"--min-weight", "-1"}),
         "build: --min-weight takes a whole number from 1 to 4,294,967,295 (got '-1')"},
        {words({"--max-reports", "-3"}),
         "build: --max-reports takes a whole number from 0 to 1,000,000,000,000 (got '-3')"},
        {words({"--backbone", "nan"}),
         "build: --backbone takes a number above 0 and below 1 (got 'nan')"},
        {words({"--min-link-prob", "nan"}),
         "build: --min-link-prob takes a number from 0 to 1 (got 'nan')"},
        {words({"--max-df", "inf"}),
         "build: --max-df takes a number above 0 and at most 1 (got 'inf')"},
        {words({"--max-df", "0"}),
         "build: --max-df takes a number above 0 and at most 1 (got '0')"},
        {words({"--node-kinds", ""}),
         "build: --node-kinds names no node kind: give one or more of "
         "article,entity,category,external"},
        {words({"--edge-kinds", ","}),
         "build: --edge-kinds names no edge kind: give one or more of "
         "link,embed,category,mention,cooccurrence,interlanguage,redirect"},
        {words({"--entities", ""}), "build: --entities names no file: name one"},
        {words({"--stopwords", ""}), "build: --stopwords names no file: name one, or none"},
        {words({"--mentions", "yes"}), "build: unknown --mentions 'yes': use on or off"},
        {words({"--cooccurrence", "line"}),
         "build: unknown --cooccurrence 'line': use sentence, paragraph, article or off"},
        {words({"--keep-texts", "-1"}),
         "build: --keep-texts takes a number from 0 to 1,000,000,000 (got '-1')"},
        {words({"--max-window-entities", "1"}),
         "build: --max-window-entities takes a whole number from 2 to 1,000,000 (got '1')"},
        {words({"--min-link-prob", "1.5"}),
         "build: --min-link-prob takes a number from 0 to 1 (got '1.5')"},
        {words({"--max-df", "-0.1"}),
         "build: --max-df takes a number above 0 and at most 1 (got '-0.1')"},
        {words({"--suspect-links", "maybe"}),
         "build: unknown --suspect-links 'maybe': use on or off"},
        {words({"--node-kinds", "article,page"}),
         "build: unknown node kind 'page': use article, entity, category or external"},
        {words({"--edge-kinds", "links"}),
         "build: unknown edge kind 'links': use link, embed, category, mention, cooccurrence, "
         "interlanguage or redirect"},
        {words({"--backbone", "1"}),
         "build: --backbone takes a number above 0 and below 1 (got '1')"},
        {words({"--max-edges-per-node", "0"}),
         "build: --max-edges-per-node takes a whole number from 1 to 1,000,000,000 (got '0')"},
        {words({"--rank-by", "size"}),
         "build: unknown --rank-by 'size': use pagerank, degree or weight"},
        {words({"--metrics", "some"}), "build: unknown --metrics 'some': use auto, on or off"},
        {words({"--layout", "circle"}), "build: unknown --layout 'circle': use fa2, fr or none"},
        {words({"-f", "csv"}),
         "build: unknown output format 'csv': use -f graphml, json, gexf, graphology, cyjs, dot, "
         "neo4j-csv, gephi-csv or html"},
        {{"notes", "-o", "g.csv"},
         "build: cannot tell the format of output 'g.csv': name it .graphml, .xml, .json, .gexf, "
         ".graphology.json, .cyjs, .dot, .gv, .html or .htm, or add -f FORMAT"},
        {{"notes", "-o", "-", "-f", "neo4j"},
         "build: neo4j-csv writes a folder: name one with -o DIR"},
        {{"notes", "-o", "-", "-o", "-", "-f", "json"},
         "build: '-o -' given twice: standard output takes one format"},
        {{"notes", "-o", "g.json", "-o", "g.json"}, "build: output 'g.json' named twice"},
        {words({"--no-such-option"}),
         "build: unrecognised option '--no-such-option'; run 'kgraph help build' for the "
         "options"},
        {words({"--top", "many"}),
         "build: --top takes a whole number from 1 to 1,000,000,000,000 (got 'many')"},
    };
    for (const Case& c : cases) {
        INFO(c.args.back());
        CHECK(usage_error(c.args) == c.message);
    }
}

TEST_CASE("good options land in the settings", "[cli][options]") {
    const BuildOptions o = parse_build_options({"a",
                                                "b",
                                                "-o",
                                                "g.graphml",
                                                "-o",
                                                "out",
                                                "-f",
                                                "gephi",
                                                "-j",
                                                "3",
                                                "--case",
                                                "sensitive",
                                                "--redirects",
                                                "keep",
                                                "--namespaces",
                                                "0,14,100",
                                                "--cooccurrence",
                                                "paragraph",
                                                "--edge-kinds",
                                                "link,,mention",
                                                "--min-weight",
                                                "2",
                                                "--metrics",
                                                "on",
                                                "--layout",
                                                "fr",
                                                "--keep-texts",
                                                "0.5",
                                                "--stopwords",
                                                "none",
                                                "--stopwords",
                                                "s.txt",
                                                "-v"},
                                               false, 8);
    CHECK(o.build.inputs == std::vector<std::string>{"a", "b"});
    REQUIRE(o.outputs.size() == 2);
    CHECK(o.outputs[0].format->name == "gephi-csv");  // -f applies to every output
    CHECK(o.outputs[1].path == "out");
    CHECK(o.build.threads == 3);
    CHECK(o.build.layout_options.threads == 3);
    CHECK(o.build.import.case_rule == CaseRule::sensitive);
    CHECK(o.build.import.case_forced);
    CHECK(o.build.keep_redirects);
    CHECK(o.build.namespaces == std::vector<int>{0, 14, 100});
    CHECK(o.build.mentions.window == CooccurrenceWindow::paragraph);
    CHECK(o.build.window_given);
    CHECK_FALSE(o.build.mentions_given);
    CHECK(*o.build.reduce.edge_kinds == std::vector<EdgeKind>{EdgeKind::link, EdgeKind::mention});
    CHECK(*o.build.reduce.min_weight == 2);
    CHECK(o.build.metrics == MetricsMode::on);
    CHECK(o.build.layout);
    CHECK(o.build.layout_forced);
    CHECK(o.build.layout_options.algorithm == LayoutAlgorithm::fruchterman_reingold);
    CHECK(o.build.keep_texts == 500000);
    CHECK_FALSE(o.build.mentions.filter.builtin_stop_words);
    CHECK(o.build.stopword_files == std::vector<std::string>{"s.txt"});
    CHECK(o.verbose);
    CHECK(o.max_reports == SIZE_MAX);
    CHECK_FALSE(o.progress);
}

TEST_CASE("defaults: all cores, suffixes decide formats, progress only on a terminal",
          "[cli][options]") {
    const BuildOptions o =
        parse_build_options({"n", "-o", "g.GV", "-o", "s.graphology.json"}, true, 6);
    CHECK(o.build.threads == 6);
    CHECK(o.outputs[0].format->name == "dot");
    CHECK(o.outputs[1].format->name == "graphology");
    CHECK(o.progress);
    CHECK(o.max_reports == 10);
    CHECK_FALSE(o.build.layout_forced);
    CHECK(o.build.metrics == MetricsMode::automatic);
    CHECK(o.build.mentions.window == CooccurrenceWindow::sentence);
    CHECK_FALSE(o.build.input_format.kind.has_value());
    CHECK(parse_build_options({"n", "-o", "g.json", "-q"}, true, 6).progress == false);
    CHECK(parse_build_options({"n", "-F", "jsonl", "-o", "g.json"}, false, 1)
              .build.input_format.kind == InputKind::json_lines);
    CHECK(parse_build_options({"--help"}, false, 1).show_help);
}
