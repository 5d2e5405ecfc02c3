// `kgraph build`'s options: defined once (Boost.Program_options), parsed into BuildOptions.
// Format names, suffixes and their messages come from the format tables.
#include "cli/build_options.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <boost/program_options.hpp>

#include "base/error.hpp"
#include "base/number_format.hpp"
#include "base/strings.hpp"
#include "importers/input_formats.hpp"
#include "importers/text/match_text.hpp"
#include "pipeline/build_pipeline.hpp"

namespace kg::cli {
namespace {

namespace po = boost::program_options;

struct OptionGroups {
    po::options_description common{"Common options"};
    po::options_description input{"Input options"};
    po::options_description mentions{"Mention and co-occurrence options"};
    po::options_description reduce{
        "Reduction options (applied in this order; nothing is dropped unless asked)"};
    po::options_description output{"Output options"};
    po::options_description errors{"Error options"};
    po::options_description hidden;
    OptionGroups();
};

// The values of each choice option, in the order help and messages list them: the help text,
// the parsing and the error message all come from these.
const std::vector<NamedValue<bool>> on_off{{"on", true}, {"off", false}};
const std::vector<NamedValue<CaseRule>> case_rules{{"fold", CaseRule::fold},
                                                   {"first-letter", CaseRule::first_letter},
                                                   {"sensitive", CaseRule::sensitive}};
const std::vector<NamedValue<bool>> redirect_modes{{"resolve", false}, {"keep", true}};
const std::vector<NamedValue<bool>> interlanguage_modes{{"keep", true}, {"drop", false}};
const std::vector<NamedValue<CooccurrenceWindow>> windows{
    {"sentence", CooccurrenceWindow::sentence},
    {"paragraph", CooccurrenceWindow::paragraph},
    {"article", CooccurrenceWindow::article},
    {"off", CooccurrenceWindow::off}};
const std::vector<NamedValue<RankBy>> rankings{
    {"pagerank", RankBy::pagerank}, {"degree", RankBy::degree}, {"weight", RankBy::weight}};
const std::vector<NamedValue<MetricsMode>> metrics_modes{
    {"auto", MetricsMode::automatic}, {"on", MetricsMode::on}, {"off", MetricsMode::off}};
const std::vector<NamedValue<std::optional<LayoutAlgorithm>>> layouts{
    {"fa2", LayoutAlgorithm::force_atlas2},
    {"fr", LayoutAlgorithm::fruchterman_reingold},
    {"none", std::nullopt}};

/// "a|b|c: `text`", the help of a choice option.
template <typename Value>
std::string choice_help(const std::vector<NamedValue<Value>>& choices, const std::string& text) {
    return join(names_of(choices), "|") + ": " + text;
}

/// A numeric option's range: stated in its help, checked on every value (nan and inf never
/// pass; a whole number takes digits only, so a minus sign cannot wrap around).
struct NumberRange {
    std::string_view option;
    double low;
    double high;
    bool whole;              ///< digits only
    bool above_low = false;  ///< low itself is out
    bool below_high = false;
};
const std::vector<NumberRange> number_ranges{
    {"threads", 1, 256, true},
    {"min-link-prob", 0, 1, false},
    {"max-df", 0, 1, false, true},
    {"max-window-entities", 2, 1e6, true},
    {"keep-texts", 0, 1e9, false},
    {"min-weight", 1, 4294967295.0, true},
    {"backbone", 0, 1, false, true, true},
    {"max-edges-per-node", 1, 1e9, true},
    {"depth", 0, 1e6, true},
    {"top", 1, 1e12, true},
    {"layout-iterations", 0, 1e6, true},
    {"max-reports", 0, 1e12, true},
    {"max-page-mb", 1, 1024, true},
    {"view-nodes", 1, 1e7, true},
    {"view-evidence-mb", 0, 1e5, true},
    {"evidence", 0, 100, true},
    {"view-edges", 0, 1e8, true},
    {"view-warn-mb", 1, 1e6, true},  // a page is held whole: about 10 times its size
};

const NumberRange& range_of(std::string_view option) {
    for (const NumberRange& r : number_ranges)
        if (r.option == option) return r;
    throw std::logic_error("no range for --" + std::string(option));
}

std::string range_text(const NumberRange& r) {
    const auto bound = [](double v) { return grouped(static_cast<std::uint64_t>(v)); };
    std::string text = r.whole ? "a whole number " : "a number ";
    text += r.above_low ? "above " : "from ";
    text += bound(r.low);
    text += r.below_high ? " and below " : r.above_low ? " and at most " : " to ";
    return text + bound(r.high);
}

/// `text` and the range of --`option`, for its help.
std::string number_help(std::string_view option, const std::string& text) {
    return text + " [" + range_text(range_of(option)) + "]";
}

/// The value of the numeric option --`option`, checked against its range; else a usage error.
double number(const po::variables_map& vm, std::string_view option) {
    const NumberRange& r = range_of(option);
    const std::string text = vm[std::string(option)].as<std::string>();
    double value = 0;
    bool ok = !text.empty();
    if (r.whole) {
        ok = ok && text.size() <= 15 && text.find_first_not_of("0123456789") == std::string::npos;
        if (ok) value = static_cast<double>(std::stoull(text));
    } else {
        char* end = nullptr;
        const bool plain = ok && text.find_first_of(" \t\n") == std::string::npos;
        value = plain ? std::strtod(text.c_str(), &end) : 0;
        ok = plain && end == text.c_str() + text.size() && std::isfinite(value);
    }
    ok = ok && (r.above_low ? value > r.low : value >= r.low) &&
         (r.below_high ? value < r.high : value <= r.high);
    if (!ok)
        throw UsageError("build: --" + std::string(option) + " takes " + range_text(r) + " (got '" +
                         text + "')");
    return value;
}

std::string input_format_help() {
    std::string by_suffix;
    for (const InputFormatInfo& f : input_formats()) {
        if (!by_suffix.empty()) by_suffix += "; ";
        by_suffix += join(f.suffixes, " ") + (f.compressed ? " and compressed files " : " ");
        by_suffix += f.name;
    }
    return join(input_format_names(), "|") +
           ": how to read every input (default: by suffix: " + by_suffix + ")";
}

std::string output_format_help() {
    return join(output_format_names(), "|") +
           " for every output (default: by suffix: " + join(output_format_suffixes(), " ") +
           "; the CSV formats write a folder)";
}

OptionGroups::OptionGroups() {
    // clang-format off
    common.add_options()
        ("help,h", "show this help")
        ("verbose,v", "report every problem, not only the first of each kind")
        ("quiet,q", "print no summary (problems are still reported)")
        ("progress", "show a progress line (default: only on a terminal)")
        ("timings", "say in the summary how long every stage took (default: only stages of a second or more)");
    input.add_options()
        ("input-format,F", po::value<std::string>(), input_format_help().c_str())
        ("case", po::value<std::string>()->default_value("fold"), choice_help(case_rules, "how letter case compares in keys").c_str())
        ("label-first", "read [[A|B]] as label A, target B (Dendron vaults)")
        ("external", "make URLs of Markdown links 'external' nodes")
        ("threads,j", po::value<std::string>(), number_help("threads", "threads to use (default: all cores)").c_str())
        ("namespaces", po::value<std::string>()->default_value("0,14"), "wiki input: namespaces whose pages become nodes (0 articles, 14 categories)")
        ("redirects", po::value<std::string>()->default_value("resolve"), choice_help(redirect_modes, "wiki redirects: links land on the target; keep also keeps redirect nodes with a 'redirect' edge").c_str())
        ("interlanguage", po::value<std::string>()->default_value("keep"), choice_help(interlanguage_modes, "wiki input: [[zh:…]] links as 'interlanguage' edges, or none").c_str())
        ("links-in-templates", "wikitext: count links written inside {{templates}}");
    mentions.add_options()
        ("mentions", po::value<std::string>()->default_value("on"), choice_help(on_off, "spot unlinked mentions of known names").c_str())
        ("entities", po::value<std::string>(), "names to spot even if never linked: TSV name<TAB>alias|alias<TAB>type, or JSON lines")
        ("stopwords", po::value<std::vector<std::string>>(), "FILE of forms never spotted (one a line); 'none' drops the built-in list; repeatable")
        ("min-link-prob", po::value<std::string>()->default_value("0.02"), number_help("min-link-prob", "spot a form only if at least this share of its occurrences are links").c_str())
        ("max-df", po::value<std::string>()->default_value("1"), number_help("max-df", "spot a form only if it occurs in at most this share of articles").c_str())
        ("fold-han", "fold Traditional Chinese to Simplified in keys and matching (華為 = 华为)")
        ("cooccurrence", po::value<std::string>()->default_value("sentence"), choice_help(windows, "window for co-occurrence edges").c_str())
        ("max-window-entities", po::value<std::string>()->default_value("50"), number_help("max-window-entities", "entities per window at most (the first N)").c_str())
        ("suspect-links", po::value<std::string>()->default_value("on"), choice_help(on_off, "check whether link texts cut words (ICU segmentation; costs time on CJK text)").c_str())
        ("report", po::value<std::string>(), "write every suspect link (text cutting a word) to FILE")
        ("keep-texts", po::value<std::string>()->default_value("512"), number_help("keep-texts", "MB of article texts kept from the first pass for mention spotting (beyond: read again; 0: always read again; standard input is always kept)").c_str());
    reduce.add_options()
        ("node-kinds", po::value<std::string>(), "keep only these node kinds, e.g. article,entity")
        ("edge-kinds", po::value<std::string>(), "keep only these edge kinds, e.g. link,mention")
        ("min-weight", po::value<std::string>(), number_help("min-weight", "drop edges lighter than W").c_str())
        ("backbone", po::value<std::string>(), number_help("backbone", "keep edges significant at ALPHA (disparity filter, e.g. 0.05)").c_str())
        ("max-edges-per-node", po::value<std::string>(), number_help("max-edges-per-node", "keep each node's K heaviest edges").c_str())
        ("focus", po::value<std::string>(), "keep the nodes around NODE (its key or title)")
        ("depth", po::value<std::string>()->default_value("1"), number_help("depth", "steps around --focus").c_str())
        ("largest-component", "keep the largest weakly connected component")
        ("top", po::value<std::string>(), number_help("top", "keep the N best-ranked nodes").c_str())
        ("rank-by", po::value<std::string>()->default_value("pagerank"), choice_help(rankings, "ranking for --top").c_str());
    output.add_options()
        ("output,o", po::value<std::vector<std::string>>(), "output file; repeat for several; '-' is stdout")
        ("output-format,f", po::value<std::string>(), output_format_help().c_str())
        ("layout", po::value<std::string>()->default_value("fa2"), choice_help(layouts, "x, y by ForceAtlas2 with Barnes-Hut (default; by default only up to " + grouped(layout_node_limit) + " nodes, --layout fa2 forces it) or Boost's Fruchterman-Reingold (slow past 2,000 nodes)").c_str())
        ("evidence", po::value<std::string>(), number_help("evidence", "passages kept per link, mention and co-occurrence edge: the sentence it occurs in, with file:line:column (default: 2 for an HTML output, which alone writes them then; else 0)").c_str())
        ("view-nodes", po::value<std::string>()->default_value("20000"), number_help("view-nodes", "HTML: nodes the viewer draws first (the highest-ranked; the rest stay searchable)").c_str())
        ("view-edges", po::value<std::string>()->default_value("100000"), number_help("view-edges", "HTML: edges the viewer draws first (the heaviest among those nodes)").c_str())
        ("view-evidence-mb", po::value<std::string>()->default_value("4"), number_help("view-evidence-mb", "HTML: MiB of evidence passages the page carries (the drawn edges first, then the heaviest)").c_str())
        ("view-warn-mb", po::value<std::string>()->default_value("12"), number_help("view-warn-mb", "HTML: warn when the page is larger than this many MiB").c_str())
        ("yed", "GraphML: add yEd's node graphics (label, colour, size, position), the only labels yEd shows")
        ("layout-iterations", po::value<std::string>()->default_value("200"), number_help("layout-iterations", "iterations of the layout (from 2,000 nodes: on the coarsest level, a quarter as many on each finer one)").c_str())
        ("metrics", po::value<std::string>()->default_value("auto"), choice_help(metrics_modes, "degree, weighted degree, PageRank, weak component, k-core, Louvain community on every node (auto: up to " + grouped(metrics_edge_limit) + " edges; on forces them)").c_str())
        ("overwrite,O", "replace output files that exist");
    errors.add_options()
        ("strict", "stop with exit code 1 at the first input problem")
        ("max-reports", po::value<std::string>()->default_value("10"), number_help("max-reports", "problems printed per kind (the summary counts all)").c_str())
        ("max-page-mb", po::value<std::string>()->default_value("256"), number_help("max-page-mb", "a wiki page's text, a JSON line or an article file over this many MiB is skipped and reported").c_str());
    hidden.add_options()("input", po::value<std::vector<std::string>>(), "input");
    // clang-format on
}

/// The value of --`option` among `choices`; else a usage error naming them.
template <typename Value>
Value choose(const po::variables_map& vm, const std::string& option,
             const std::vector<NamedValue<Value>>& choices) {
    const std::string value = vm[option].as<std::string>();
    if (const Value* v = find_named(choices, value)) return *v;
    throw UsageError("build: unknown --" + option + " '" + value + "': use " +
                     one_of(names_of(choices)));
}

/// A comma-separated list of kinds (node or edge), empty items ignored.
template <typename Kind, std::size_t N>
std::vector<Kind> kinds_named(const std::string& list, const std::array<Kind, N>& all,
                              const std::string& what, const std::string& option) {
    std::vector<NamedValue<Kind>> choices;
    for (Kind k : all) choices.emplace_back(to_string(k), k);
    std::vector<Kind> kinds;
    for (std::string_view name : split(list, ',')) {
        if (name.empty()) continue;
        const Kind* k = find_named(choices, name);
        if (k == nullptr)
            throw UsageError("build: unknown " + what + " '" + std::string(name) + "': use " +
                             one_of(names_of(choices)));
        kinds.push_back(*k);
    }
    if (kinds.empty())
        throw UsageError("build: --" + option + " names no " + what + ": give one or more of " +
                         join(names_of(choices), ","));
    return kinds;
}

std::vector<int> namespace_list(const std::string& list) {
    std::vector<int> out;
    for (std::string_view item : split(list, ',')) {
        const std::string text(item);
        char* end = nullptr;
        const long ns = std::strtol(text.c_str(), &end, 10);
        if (text.empty() || end == nullptr || *end != '\0')
            throw UsageError("build: --namespaces takes numbers separated by commas, e.g. 0,14");
        out.push_back(static_cast<int>(ns));
    }
    return out;
}

void parse_input(const po::variables_map& vm, BuildSettings& s) {
    ImportOptions& options = s.import;
    options.case_rule = choose(vm, "case", case_rules);
    options.case_forced = !vm["case"].defaulted();
    options.links_in_templates = vm.count("links-in-templates") > 0;
    options.keep_interlanguage = choose(vm, "interlanguage", interlanguage_modes);
    s.keep_redirects = choose(vm, "redirects", redirect_modes);
    s.namespaces = namespace_list(vm["namespaces"].as<std::string>());
    options.label_first = vm.count("label-first") > 0;
    options.external = vm.count("external") > 0;
    if (vm.count("input-format")) {
        const std::string name = vm["input-format"].as<std::string>();
        const InputFormatInfo* f = input_format_named(name);
        if (f == nullptr)
            throw UsageError("build: unknown input format '" + name + "': use -F " +
                             one_of(input_format_names()));
        s.input_format = f->format;
    }
    if (vm.count("threads")) {
        s.threads = static_cast<unsigned>(number(vm, "threads"));
    }
    if (!vm.count("input")) {
        throw UsageError(
            "build: no input given: name a folder or files, e.g. kgraph build notes/ -o "
            "graph.graphml");
    }
    s.inputs = vm["input"].as<std::vector<std::string>>();
}

void parse_mentions(const po::variables_map& vm, BuildSettings& s) {
    MentionSettings& m = s.mentions;
    m.mentions = choose(vm, "mentions", on_off);
    s.mentions_given = !vm["mentions"].defaulted();
    m.window = choose(vm, "cooccurrence", windows);
    s.window_given = !vm["cooccurrence"].defaulted();
    m.max_window_entities = static_cast<std::size_t>(number(vm, "max-window-entities"));
    s.import.max_page_bytes = static_cast<std::size_t>(number(vm, "max-page-mb")) << 20;
    s.keep_texts = static_cast<std::size_t>(number(vm, "keep-texts") * 1e6);
    GazetteerFilter& filter = m.filter;
    filter.min_link_probability = number(vm, "min-link-prob");
    filter.max_document_frequency = number(vm, "max-df");
    if (vm.count("stopwords")) {
        for (const std::string& arg : vm["stopwords"].as<std::vector<std::string>>()) {
            if (arg.empty())
                throw UsageError("build: --stopwords names no file: name one, or none");
            if (arg == "none") {
                filter.builtin_stop_words = false;
            } else {
                s.stopword_files.push_back(arg);
            }
        }
    }
    if (vm.count("entities")) {
        m.entities_file = vm["entities"].as<std::string>();
        if (m.entities_file.empty()) throw UsageError("build: --entities names no file: name one");
    }
    s.fold_han = vm.count("fold-han") > 0;
    s.import.suspect_links = choose(vm, "suspect-links", on_off);
}

void parse_reduction(const po::variables_map& vm, ReduceSettings& r) {
    if (vm.count("node-kinds")) {
        // Named as users meet them, articles first (the graph's own order puts them last).
        r.node_kinds = kinds_named(
            vm["node-kinds"].as<std::string>(),
            std::array<NodeKind, node_kind_count>{NodeKind::article, NodeKind::entity,
                                                  NodeKind::category, NodeKind::external},
            "node kind", "node-kinds");
    }
    if (vm.count("edge-kinds"))
        r.edge_kinds = kinds_named(vm["edge-kinds"].as<std::string>(), all_edge_kinds, "edge kind",
                                   "edge-kinds");
    if (vm.count("min-weight")) r.min_weight = static_cast<std::uint32_t>(number(vm, "min-weight"));
    if (vm.count("backbone")) r.backbone = number(vm, "backbone");
    if (vm.count("max-edges-per-node"))
        r.max_edges_per_node = static_cast<std::size_t>(number(vm, "max-edges-per-node"));
    if (vm.count("focus")) r.focus = vm["focus"].as<std::string>();
    r.depth = static_cast<std::uint32_t>(number(vm, "depth"));
    r.largest_component = vm.count("largest-component") > 0;
    if (vm.count("top")) r.top = static_cast<std::size_t>(number(vm, "top"));
    r.rank_by = choose(vm, "rank-by", rankings);
}

void parse_steps(const po::variables_map& vm, BuildSettings& s) {
    s.metrics = choose(vm, "metrics", metrics_modes);
    const std::optional<LayoutAlgorithm> layout = choose(vm, "layout", layouts);
    s.layout = layout.has_value();
    s.layout_forced = s.layout && !vm["layout"].defaulted();
    s.layout_options.algorithm = layout.value_or(LayoutAlgorithm::force_atlas2);
    s.layout_options.iterations = static_cast<std::uint32_t>(number(vm, "layout-iterations"));
    s.layout_options.threads = s.threads;
}

void parse_outputs(const po::variables_map& vm, BuildOptions& o) {
    if (!vm.count("output")) {
        throw UsageError(
            "build: no output given: add -o graph.graphml and/or -o graph.json (or -o - -f "
            "json)");
    }
    const OutputFormat* forced = nullptr;
    if (vm.count("output-format")) {
        const std::string name = vm["output-format"].as<std::string>();
        forced = output_format_named(name);
        if (forced == nullptr)
            throw UsageError("build: unknown output format '" + name + "': use -f " +
                             one_of(output_format_names()));
    }
    o.overwrite = vm.count("overwrite") > 0;
    o.write.yed = vm.count("yed") > 0;
    o.write.html.max_nodes = static_cast<std::size_t>(number(vm, "view-nodes"));
    o.write.html.max_edges = static_cast<std::size_t>(number(vm, "view-edges"));
    o.write.html.warn_bytes = static_cast<std::size_t>(number(vm, "view-warn-mb")) << 20;
    o.write.html.evidence_bytes = static_cast<std::size_t>(number(vm, "view-evidence-mb")) << 20;
    if (vm.count("report")) o.report_path = vm["report"].as<std::string>();
    bool have_stdout = false;
    for (const std::string& path : vm["output"].as<std::vector<std::string>>()) {
        const OutputFormat* format = forced ? forced : output_format_for_path(path);
        if (format == nullptr) {
            throw UsageError("build: cannot tell the format of output '" + path + "': name it " +
                             one_of(output_format_suffixes()) + ", or add -f FORMAT");
        }
        if (format->is_folder() && path == "-")
            throw UsageError("build: " + std::string(format->name) +
                             " writes a folder: name one with -o DIR");
        if (path == "-" && have_stdout)
            throw UsageError("build: '-o -' given twice: standard output takes one format");
        have_stdout = have_stdout || path == "-";
        for (const OutputRequest& earlier : o.outputs) {
            if (earlier.path == path) throw UsageError("build: output '" + path + "' named twice");
        }
        o.outputs.push_back(OutputRequest{path, format});
        // The viewer's search folds Traditional to Simplified as the build did.
        if (format->name == "html" && vm.count("fold-han") && o.write.html.han_fold.empty())
            o.write.html.han_fold = MatchFolder(true).han_table();
    }
}

}  // namespace

BuildOptions parse_build_options(const std::vector<std::string>& args, bool terminal,
                                 unsigned cores) {
    const OptionGroups groups;
    po::options_description all;
    all.add(groups.common)
        .add(groups.input)
        .add(groups.mentions)
        .add(groups.reduce)
        .add(groups.output)
        .add(groups.errors)
        .add(groups.hidden);
    po::positional_options_description positional;
    positional.add("input", -1);
    po::variables_map vm;
    try {
        po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
        po::notify(vm);
    } catch (const po::error& e) {
        throw UsageError(std::string("build: ") + e.what() +
                         "; run 'kgraph help build' for the options");
    }
    BuildOptions o;
    if (vm.count("help")) {
        o.show_help = true;
        return o;
    }
    o.verbose = vm.count("verbose") > 0;
    o.quiet = vm.count("quiet") > 0;
    o.progress = vm.count("progress") > 0 || (!o.quiet && terminal);
    o.timings = vm.count("timings") > 0;
    o.strict = vm.count("strict") > 0;
    o.max_reports = o.verbose ? SIZE_MAX : static_cast<std::size_t>(number(vm, "max-reports"));
    o.build.import.max_problems_per_kind = o.max_reports;
    o.build.threads = std::max(1u, cores);
    parse_input(vm, o.build);
    parse_mentions(vm, o.build);
    parse_outputs(vm, o);
    // Evidence costs memory on every edge: by default only for the viewer, which shows it.
    const bool html = std::any_of(o.outputs.begin(), o.outputs.end(),
                                  [](const OutputRequest& r) { return r.format->name == "html"; });
    o.build.import.evidence = vm.count("evidence") ? static_cast<unsigned>(number(vm, "evidence"))
                              : html               ? 2u
                                                   : 0u;
    o.write.evidence_asked = vm.count("evidence") > 0;
    parse_reduction(vm, o.build.reduce);
    parse_steps(vm, o.build);
    return o;
}

std::string build_help() {
    const OptionGroups groups;
    std::ostringstream out;
    out << "usage: kgraph build [OPTIONS] INPUT... -o OUTPUT...\n\n"
        << wrap("INPUT is a file, a folder (read recursively: " +
                    join(input_folder_suffixes(), " ") +
                    "), or '-' for standard input. OUTPUT's format comes from its suffix (" +
                    join(output_format_suffixes(), " ") + ") or from -f.",
                79)
        << "\n\n"
        << groups.common << '\n'
        << groups.input << '\n'
        << groups.mentions << '\n'
        << groups.reduce << '\n'
        << groups.output << '\n'
        << groups.errors
        << "\nexit codes: 0 done; 1 failed (a problem under --strict, an output not "
           "written);\n            2 usage error\n";
    return out.str();
}

}  // namespace kg::cli
