// `kgraph build`: inputs -> CorpusReader -> GraphBuilder -> writers. Validates every option
// and opens every output before reading anything; prints problems and the summary on stderr.
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <limits>
#include <optional>
#include <sstream>
#include <thread>
#include <unordered_map>

#include <unistd.h>
#include <boost/program_options.hpp>

#include "cli/command.hpp"
#include "cli/mention_stage.hpp"
#include "cli/number_format.hpp"
#include "cli/problem_reporter.hpp"
#include "exporters/csv_writer.hpp"
#include "exporters/dot_writer.hpp"
#include "exporters/format.hpp"
#include "exporters/gexf_writer.hpp"
#include "exporters/graphml_writer.hpp"
#include "exporters/node_link_json_writer.hpp"
#include "exporters/output_file.hpp"
#include "exporters/viewer_json_writers.hpp"
#include "graph/analytics.hpp"
#include "graph/communities.hpp"
#include "graph/error.hpp"
#include "graph/graph_builder.hpp"
#include "graph/layout.hpp"
#include "graph/reduction.hpp"
#include "graph/text_arena.hpp"
#include "importers/corpus_reader.hpp"

namespace kg::cli {
namespace {

namespace po = boost::program_options;

std::string modularity_text(double q) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << q;
    return s.str();
}

struct Output {
    std::string path;  ///< a file, or for neo4j-csv and gephi-csv a folder
    Format format;
    std::unique_ptr<OutputFile> file;
    std::unique_ptr<OutputFile> edges_file;  ///< folder formats: edges.csv (file is nodes.csv)
};

class BuildCommand : public Command {
public:
    BuildCommand() {
        // clang-format off
        m_common.add_options()
            ("help,h", "show this help")
            ("verbose,v", "report every problem, not only the first of each kind")
            ("quiet,q", "print no summary (problems are still reported)")
            ("progress", "show a progress line (default: only on a terminal)");
        m_input.add_options()
            ("input-format,F", po::value<std::string>(), "markdown|wikitext|mediawiki|jsonl: how to read every input (default: by suffix; .wiki is wikitext, .xml and compressed files MediaWiki dumps, .jsonl JSON lines)")
            ("case", po::value<std::string>()->default_value("fold"), "fold|first-letter|sensitive: how letter case compares in keys")
            ("label-first", "read [[A|B]] as label A, target B (Dendron vaults)")
            ("external", "make URLs of Markdown links 'external' nodes")
            ("threads,j", po::value<unsigned>(), "threads to use (default: all cores)")
            ("namespaces", po::value<std::string>()->default_value("0,14"), "wiki input: namespaces whose pages become nodes (0 articles, 14 categories)")
            ("redirects", po::value<std::string>()->default_value("resolve"), "resolve|keep: wiki redirects: links land on the target; keep also keeps redirect nodes with a 'redirect' edge")
            ("interlanguage", po::value<std::string>()->default_value("keep"), "keep|drop: wiki input: [[zh:…]] links as 'interlanguage' edges, or none")
            ("links-in-templates", "wikitext: count links written inside {{templates}}");
        m_mentions.add_options()
            ("mentions", po::value<std::string>()->default_value("on"), "on|off: spot unlinked mentions of known names")
            ("entities", po::value<std::string>(), "names to spot even if never linked: TSV name<TAB>alias|alias<TAB>type, or JSON lines")
            ("stopwords", po::value<std::vector<std::string>>(), "FILE of forms never spotted (one a line); 'none' drops the built-in list; repeatable")
            ("min-link-prob", po::value<double>()->default_value(0.02, "0.02"), "spot a form only if at least this share of its occurrences are links")
            ("max-df", po::value<double>()->default_value(1.0, "1"), "spot a form only if it occurs in at most this share of articles")
            ("fold-han", "fold Traditional Chinese to Simplified in keys and matching (華為 = 华为)")
            ("cooccurrence", po::value<std::string>()->default_value("sentence"), "sentence|paragraph|article|off: window for co-occurrence edges")
            ("max-window-entities", po::value<std::size_t>()->default_value(50), "entities per window at most (the first N)")
            ("suspect-links", po::value<std::string>()->default_value("on"), "on|off: check whether link texts cut words (ICU segmentation; costs time on CJK text)")
            ("report", po::value<std::string>(), "write every suspect link (text cutting a word) to FILE")
            ("keep-texts", po::value<double>()->default_value(512, "512"), "MB of article texts kept from the first pass for mention spotting (beyond: read again; 0: always read again; standard input is always kept)");
        m_reduce.add_options()
            ("node-kinds", po::value<std::string>(), "keep only these node kinds, e.g. article,entity")
            ("edge-kinds", po::value<std::string>(), "keep only these edge kinds, e.g. link,mention")
            ("min-weight", po::value<std::uint32_t>(), "drop edges lighter than W")
            ("backbone", po::value<double>(), "keep edges significant at ALPHA (disparity filter, e.g. 0.05)")
            ("max-edges-per-node", po::value<std::size_t>(), "keep each node's K heaviest edges")
            ("focus", po::value<std::string>(), "keep the nodes around NODE (its key or title)")
            ("depth", po::value<std::uint32_t>()->default_value(1), "steps around --focus")
            ("largest-component", "keep the largest weakly connected component")
            ("top", po::value<std::size_t>(), "keep the N best-ranked nodes")
            ("rank-by", po::value<std::string>()->default_value("pagerank"), "pagerank|degree|weight: ranking for --top");
        m_output.add_options()
            ("output,o", po::value<std::vector<std::string>>(), "output file; repeat for several; '-' is stdout")
            ("output-format,f", po::value<std::string>(), "graphml|json|gexf|graphology|cyjs|dot|neo4j-csv|gephi-csv for every output (default: by suffix: .graphml .json .gexf .graphology.json .cyjs .dot; the CSV formats write a folder)")
            ("layout", po::value<std::string>()->default_value("fa2"), "fa2|fr|none: x, y by ForceAtlas2 with Barnes-Hut (default; by default only up to 100,000 nodes, --layout fa2 forces it) or Boost's Fruchterman-Reingold (slow past 2,000 nodes)")
            ("yed", "GraphML: add yEd's node graphics (label, colour, size, position), the only labels yEd shows")
            ("layout-iterations", po::value<std::uint32_t>()->default_value(200), "iterations of the layout")
            ("metrics", po::value<std::string>()->default_value("auto"), "auto|on|off: degree, weighted degree, PageRank, weak component, k-core, Louvain community on every node (auto: up to 10,000,000 edges; on forces them)")
            ("overwrite,O", "replace output files that exist");
        m_errors.add_options()
            ("strict", "stop with exit code 1 at the first input problem")
            ("max-reports", po::value<std::size_t>()->default_value(10), "problems printed per kind (the summary counts all)");
        m_hidden.add_options()("input", po::value<std::vector<std::string>>(), "input");
        // clang-format on
    }

    std::string_view name() const override { return "build"; }
    std::string_view summary() const override {
        return "read articles, write their link graph (GraphML, JSON)";
    }
    std::string help() const override {
        std::ostringstream out;
        out << "usage: kgraph build [OPTIONS] INPUT... -o OUTPUT...\n\n"
               "INPUT is a file, a folder (read recursively: .md .markdown .txt .wiki), or '-'\n"
               "for standard input. OUTPUT's format comes from its suffix (.graphml .xml .json\n"
               ".gexf .graphology.json .cyjs .dot) or from -f.\n\n"
            << m_common << '\n'
            << m_input << '\n'
            << m_mentions << '\n'
            << m_reduce << '\n'
            << m_output << '\n'
            << m_errors
            << "\nexit codes: 0 done; 1 failed (a problem under --strict, an output not "
               "written);\n            2 usage error\n";
        return out.str();
    }

    void setup(const std::vector<std::string>& args) override {
        po::options_description all;
        all.add(m_common)
            .add(m_input)
            .add(m_mentions)
            .add(m_reduce)
            .add(m_output)
            .add(m_errors)
            .add(m_hidden);
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
        if (vm.count("help")) {
            m_show_help = true;
            return;
        }
        m_verbose = vm.count("verbose") > 0;
        m_quiet = vm.count("quiet") > 0;
        m_progress = vm.count("progress") > 0 || (!m_quiet && ::isatty(STDERR_FILENO) != 0);
        m_strict = vm.count("strict") > 0;
        m_max_reports = m_verbose ? SIZE_MAX : vm["max-reports"].as<std::size_t>();

        const std::string case_rule = vm["case"].as<std::string>();
        if (case_rule == "fold") {
            m_import.case_rule = CaseRule::fold;
        } else if (case_rule == "first-letter") {
            m_import.case_rule = CaseRule::first_letter;
        } else if (case_rule == "sensitive") {
            m_import.case_rule = CaseRule::sensitive;
        } else {
            throw UsageError("build: unknown --case '" + case_rule +
                             "': use fold, first-letter or sensitive");
        }
        m_import.case_forced = !vm["case"].defaulted();
        m_import.links_in_templates = vm.count("links-in-templates") > 0;
        const std::string interlanguage = vm["interlanguage"].as<std::string>();
        if (interlanguage != "keep" && interlanguage != "drop")
            throw UsageError("build: --interlanguage takes keep or drop");
        m_import.keep_interlanguage = interlanguage == "keep";
        const std::string redirects = vm["redirects"].as<std::string>();
        if (redirects != "resolve" && redirects != "keep")
            throw UsageError("build: --redirects takes resolve or keep");
        m_keep_redirects = redirects == "keep";
        m_namespaces.clear();
        {
            std::string list = vm["namespaces"].as<std::string>();
            std::size_t from = 0;
            while (from <= list.size()) {
                const std::size_t comma = std::min(list.find(',', from), list.size());
                const std::string item = list.substr(from, comma - from);
                char* end = nullptr;
                const long ns = std::strtol(item.c_str(), &end, 10);
                if (item.empty() || end == nullptr || *end != '\0')
                    throw UsageError(
                        "build: --namespaces takes numbers separated by commas, e.g. 0,14");
                m_namespaces.push_back(static_cast<int>(ns));
                from = comma + 1;
            }
        }
        m_import.label_first = vm.count("label-first") > 0;
        m_import.external = vm.count("external") > 0;
        if (vm.count("input-format")) {
            const std::string f = vm["input-format"].as<std::string>();
            if (f == "markdown") {
                m_input_format.dialect = Dialect::markdown;
            } else if (f == "wikitext") {
                m_input_format.dialect = Dialect::wikitext;
            } else if (f == "mediawiki") {
                m_input_format.kind = InputKind::mediawiki_dump;
            } else if (f == "jsonl") {
                m_input_format.kind = InputKind::json_lines;
            } else {
                throw UsageError("build: unknown input format '" + f +
                                 "': use -F markdown, wikitext, mediawiki or jsonl");
            }
        }
        const std::string mentions = vm["mentions"].as<std::string>();
        if (mentions != "on" && mentions != "off") {
            throw UsageError("build: --mentions takes on or off");
        }
        m_mention_settings.mentions = mentions == "on";
        const std::string window = vm["cooccurrence"].as<std::string>();
        if (window == "sentence") {
            m_mention_settings.window = CooccurrenceWindow::sentence;
        } else if (window == "paragraph") {
            m_mention_settings.window = CooccurrenceWindow::paragraph;
        } else if (window == "article") {
            m_mention_settings.window = CooccurrenceWindow::article;
        } else if (window == "off") {
            m_mention_settings.window = CooccurrenceWindow::off;
        } else {
            throw UsageError("build: unknown --cooccurrence '" + window +
                             "': use sentence, paragraph, article or off");
        }
        m_mention_settings.max_window_entities = vm["max-window-entities"].as<std::size_t>();
        const double keep_texts = vm["keep-texts"].as<double>();
        if (!(keep_texts >= 0) || keep_texts > 1e9)
            throw UsageError("build: --keep-texts takes megabytes, 0 or more (e.g. 512)");
        m_keep_texts = static_cast<std::size_t>(keep_texts * 1e6);
        if (m_mention_settings.max_window_entities < 2) {
            throw UsageError("build: --max-window-entities must be at least 2");
        }
        auto& filter = m_mention_settings.filter;
        filter.min_link_probability = vm["min-link-prob"].as<double>();
        filter.max_document_frequency = vm["max-df"].as<double>();
        if (filter.min_link_probability < 0 || filter.min_link_probability > 1 ||
            filter.max_document_frequency < 0 || filter.max_document_frequency > 1) {
            throw UsageError(
                "build: --min-link-prob and --max-df take a share between 0 and 1, e.g. 0.02");
        }
        if (vm.count("stopwords")) m_stopword_args = vm["stopwords"].as<std::vector<std::string>>();
        for (const std::string& arg : m_stopword_args) {
            if (arg == "none") filter.builtin_stop_words = false;
        }
        if (vm.count("entities"))
            m_mention_settings.entities_file = vm["entities"].as<std::string>();
        m_fold_han = vm.count("fold-han") > 0;
        const std::string suspects = vm["suspect-links"].as<std::string>();
        if (suspects != "on" && suspects != "off") {
            throw UsageError("build: --suspect-links takes on or off");
        }
        m_import.suspect_links = suspects == "on";
        if (vm.count("report")) m_report_path = vm["report"].as<std::string>();
        m_threads = std::max(1u, std::thread::hardware_concurrency());
        if (vm.count("threads")) {
            m_threads = vm["threads"].as<unsigned>();
            if (m_threads == 0) throw UsageError("build: --threads must be at least 1");
        }

        if (!vm.count("input")) {
            throw UsageError(
                "build: no input given: name a folder or files, e.g. kgraph build notes/ -o "
                "graph.graphml");
        }
        m_inputs = vm["input"].as<std::vector<std::string>>();
        if (!vm.count("output")) {
            throw UsageError(
                "build: no output given: add -o graph.graphml and/or -o graph.json (or -o - -f "
                "json)");
        }
        std::optional<Format> forced;
        if (vm.count("output-format")) {
            const std::string f = vm["output-format"].as<std::string>();
            forced = format_from_name(f);
            if (!forced)
                throw UsageError("build: unknown output format '" + f +
                                 "': use -f graphml, json, gexf, graphology, cyjs, dot, "
                                 "neo4j-csv or gephi-csv");
        }
        const bool overwrite = vm.count("overwrite") > 0;
        parse_reduction(vm);
        const std::string metrics = vm["metrics"].as<std::string>();
        if (metrics != "auto" && metrics != "on" && metrics != "off")
            throw UsageError("build: --metrics takes auto, on or off");
        m_metrics = metrics != "off";
        m_metrics_forced = metrics == "on";
        const std::string layout = vm["layout"].as<std::string>();
        if (layout != "fa2" && layout != "fr" && layout != "none")
            throw UsageError("build: --layout takes fa2, fr or none");
        m_layout = layout != "none";
        m_layout_forced = m_layout && !vm["layout"].defaulted();
        m_layout_options.algorithm =
            layout == "fr" ? LayoutAlgorithm::fruchterman_reingold : LayoutAlgorithm::force_atlas2;
        m_layout_options.iterations = vm["layout-iterations"].as<std::uint32_t>();
        m_layout_options.threads = m_threads;
        m_graphml.yed = vm.count("yed") > 0;
        bool have_stdout = false;
        for (const std::string& path : vm["output"].as<std::vector<std::string>>()) {
            std::optional<Format> format = forced ? forced : format_from_path(path);
            if (!format) {
                throw UsageError(
                    "build: cannot tell the format of output '" + path +
                    "': name it .graphml, .json, .gexf, .graphology.json, .cyjs or .dot, or "
                    "add -f FORMAT");
            }
            if (is_folder_format(*format)) {
                if (path == "-")
                    throw UsageError("build: " + std::string(to_string(*format)) +
                                     " writes a folder: name one with -o DIR");
                std::error_code ec;
                for (const char* name : {"nodes.csv", "edges.csv"}) {
                    const auto file = std::filesystem::path(path) / name;
                    if (!overwrite && std::filesystem::exists(file, ec)) {
                        throw UsageError("build: output '" + file.string() +
                                         "' exists: add -O/--overwrite to replace it");
                    }
                }
            } else if (path == "-") {
                if (have_stdout)
                    throw UsageError("build: '-o -' given twice: standard output takes one format");
                have_stdout = true;
            } else {
                std::error_code ec;
                if (std::filesystem::is_directory(path, ec)) {
                    throw UsageError("build: output '" + path + "' is a folder: name a file");
                }
                if (!overwrite && std::filesystem::exists(path, ec)) {
                    throw UsageError("build: output '" + path +
                                     "' exists: add -O/--overwrite to replace it");
                }
            }
            for (const Output& o : m_outputs) {
                if (o.path == path) throw UsageError("build: output '" + path + "' named twice");
            }
            m_outputs.push_back(Output{path, *format, nullptr, nullptr});
        }
        if (!m_report_path.empty()) {
            std::error_code ec;
            if (!overwrite && std::filesystem::exists(m_report_path, ec)) {
                throw UsageError("build: report '" + m_report_path +
                                 "' exists: add -O/--overwrite to replace it");
            }
        }
        // Inputs are checked before outputs are created, so a typo leaves no temp files behind.
        m_files = collect_inputs(m_inputs, m_input_format);
        // A wiki dump is a link graph first: spotting mentions in millions of pages needs a
        // second pass over the dump, so it runs only when asked for.
        const bool wiki = std::any_of(m_files.begin(), m_files.end(), [](const InputFile& f) {
            return f.kind != InputKind::article;
        });
        if (wiki && vm["mentions"].defaulted()) m_mention_settings.mentions = false;
        if (wiki && vm["cooccurrence"].defaulted())
            m_mention_settings.window = CooccurrenceWindow::off;
        // The mention pass reads a dump or JSON lines a second time, which standard input
        // cannot give (an article's text is kept instead): say so rather than spot nothing.
        const bool spotting =
            m_mention_settings.mentions || m_mention_settings.window != CooccurrenceWindow::off;
        if (spotting && std::any_of(m_files.begin(), m_files.end(), [](const InputFile& f) {
                return f.path == "-" && f.kind != InputKind::article;
            }))
            throw UsageError(
                "build: mentions and co-occurrence read a dump or JSON lines twice, and standard "
                "input can be read once: save it to a file, or add --mentions off "
                "--cooccurrence off");
        m_folder = std::make_unique<MatchFolder>(m_fold_han);
        m_import.han_folder = m_fold_han ? m_folder.get() : nullptr;
        m_stage = std::make_unique<MentionStage>(m_mention_settings, *m_folder);
        {
            // Files named by the user are read now: a bad one is a usage error, before work.
            Gazetteer probe(*m_folder);
            for (const std::string& arg : m_stopword_args) {
                if (arg != "none") probe.load_stop_words(arg, m_mention_settings.filter);
            }
            m_stage = std::make_unique<MentionStage>(m_mention_settings, *m_folder);
            const KeyNormalizer normalizer(m_import.case_rule, m_import.han_folder);
            try {
                m_stage->load_entities([&](std::string_view name) {
                    return normalizer.key_of(normalizer.clean_title(name));
                });
            } catch (const InputError& e) {
                throw UsageError(std::string("build: ") + e.what());
            }
        }
        for (Output& o : m_outputs) {
            try {
                if (is_folder_format(o.format)) {
                    std::error_code ec;
                    std::filesystem::create_directories(o.path, ec);
                    const std::filesystem::path folder(o.path);
                    o.file = std::make_unique<OutputFile>((folder / "nodes.csv").string());
                    o.edges_file = std::make_unique<OutputFile>((folder / "edges.csv").string());
                } else {
                    o.file = std::make_unique<OutputFile>(o.path);
                }
            } catch (const OutputError& e) {
                throw UsageError(std::string("build: ") + e.what());
            }
        }
        if (!m_report_path.empty()) {
            try {
                m_report = std::make_unique<OutputFile>(m_report_path);
            } catch (const OutputError& e) {
                throw UsageError(std::string("build: ") + e.what());
            }
        }
    }

    int run() override {
        if (m_show_help) {
            std::cout << help();
            return 0;
        }
        const auto started = std::chrono::steady_clock::now();
        ProblemReporter reporter(std::cerr, m_max_reports, m_strict);
        GraphBuilder builder;
        // The file that first gave each article (for duplicate-key messages): an index into
        // `sources` per node, 4 bytes an article rather than a copy of key and file name.
        std::vector<std::string> sources;
        std::vector<std::uint32_t> first_source;
        std::uint64_t bytes = 0;
        std::size_t articles = 0;
        std::size_t skipped = 0;
        std::size_t links = 0;
        std::size_t unresolved = 0;
        std::size_t urls = 0;
        std::uint32_t doc_index = 0;
        const std::size_t total_files = m_files.size();
        auto last_progress = started;

        std::deque<Redirect> redirects;  // a deque: no doubling as it grows
        std::vector<RedirectAlias> aliases;
        TextArena redirect_text;
        std::vector<GraphBuilder::ArticleEdge> article_edges;
        std::vector<GraphBuilder::NodeRequest> node_requests;
        bool broken = false;
        // The mention pass reads the texts of article files again: keep them from the first
        // pass instead, up to --keep-texts MB (a folder of notes; a dump is read again).
        ImportOptions first_pass = m_import;
        // Standard input cannot be read twice: with it, every text is kept.
        const bool stdin_input = std::any_of(m_files.begin(), m_files.end(),
                                             [](const InputFile& f) { return f.path == "-"; });
        if (m_stage->spots() && (m_keep_texts > 0 || stdin_input) &&
            std::all_of(m_files.begin(), m_files.end(),
                        [](const InputFile& f) { return f.kind == InputKind::article; })) {
            first_pass.retain_text = true;
            m_stage->retain(stdin_input ? std::numeric_limits<std::size_t>::max() : m_keep_texts);
        }
        CorpusReader reader(m_files, first_pass, m_threads);
        reader.select_namespaces(m_namespaces);
        reader.read([&](Document&& doc) {
            ++doc_index;
            bytes += doc.bytes;
            for (const Problem& p : doc.problems) reporter.report(p);
            broken = broken || doc.broken;
            if (doc.skipped) {
                // A broken dump or a bad JSON line is no skipped file: its problem says it.
                if (std::any_of(doc.problems.begin(), doc.problems.end(), [](const Problem& p) {
                        return p.kind == ProblemKind::binary_file ||
                               p.kind == ProblemKind::unreadable_file;
                    }))
                    ++skipped;
                return;
            }
            // Pages of one dump share a name: it is kept once, and `source` indexes it.
            if (sources.empty() || sources.back() != doc.source) sources.push_back(doc.source);
            const auto source = static_cast<std::uint32_t>(sources.size() - 1);
            if (!doc.redirect.empty()) {
                std::uint32_t alias = no_alias;
                if (m_stage->spots()) {
                    alias = static_cast<std::uint32_t>(aliases.size());
                    aliases.push_back(RedirectAlias{std::move(doc.title), std::move(doc.lang)});
                }
                redirects.push_back(Redirect{redirect_text.add(doc.key),
                                             redirect_text.add(doc.redirect), source, alias});
                return;
            }
            ++articles;
            const NodeId article = builder.add_node(doc.key, doc.kind, doc.lang);
            if (first_source.size() <= article) first_source.resize(builder.node_count(), 0);
            if (builder.set_title(article, doc.title)) {
                first_source[article] = source;
            } else {
                reporter.report(Problem{ProblemKind::duplicate_key, doc.source, 0, 0,
                                        "article key '" + doc.key + "' is also the key of '" +
                                            sources[first_source[article]] +
                                            "': both files are one node"});
            }
            article_edges.clear();
            node_requests.clear();
            for (const ExtractedLink& link : doc.links) {
                node_requests.push_back({link.key, link.target_kind, link.lang});
            }
            builder.add_nodes(node_requests);
            for (std::size_t i = 0; i < doc.links.size(); ++i) {
                const ExtractedLink& link = doc.links[i];
                builder.add_surface(node_requests[i].id, link.surface);
                article_edges.push_back({node_requests[i].id, link.kind, link.suspect ? 1u : 0u});
            }
            builder.add_article_edges(article, article_edges);
            m_stage->collect(doc, article, node_requests);
            links += doc.links.size();
            unresolved += doc.unresolved_links;
            urls += doc.external_links;
            if (m_progress) {
                const auto now = std::chrono::steady_clock::now();
                if (now - last_progress > std::chrono::milliseconds(200)) {
                    last_progress = now;
                    const WikiInputStats& wiki = reader.wiki_stats();
                    if (wiki.raw_total > 0 && wiki.raw_done > 0) {
                        // A dump: bytes of the file read, pages, and the time left at this rate.
                        const double elapsed = std::chrono::duration<double>(now - started).count();
                        const double share = static_cast<double>(wiki.raw_done) /
                                             static_cast<double>(wiki.raw_total);
                        const auto left =
                            static_cast<long>(elapsed / std::max(share, 1e-9) - elapsed);
                        std::cerr << "\rkgraph: " << grouped(wiki.raw_done / 1000000) << " of "
                                  << grouped(wiki.raw_total / 1000000) << " MB ("
                                  << static_cast<int>(share * 100) << " %), " << grouped(wiki.pages)
                                  << " pages, ETA " << left / 60 << ":"
                                  << (left % 60 < 10 ? "0" : "") << left % 60 << "\033[K"
                                  << std::flush;
                    } else {
                        std::cerr << "\rkgraph: read " << grouped(doc_index) << " of "
                                  << grouped(total_files) << " files" << std::flush;
                    }
                }
            }
        });
        if (m_progress) std::cerr << "\r\033[K" << std::flush;
        // Redirects first: their titles are names of their targets for the mention pass.
        const RedirectSummary redirected =
            resolve_redirects(redirects, sources, aliases, builder, reporter);
        redirects = {};  // resolved into the builder: the memory is the graph's now
        aliases = {};
        redirect_text = TextArena();
        m_stage->run(m_files, m_import, m_threads, builder);
        if (m_report) {
            for (const SuspectLink& l : m_stage->suspects()) {
                m_report->write(l.where + ": link text '" + l.text + "' (to '" + l.key +
                                "') cuts a word\n");
            }
            m_report->close();
        }

        KnowledgeGraph graph = builder.freeze();
        std::string reduction_lines = reduce(graph);
        std::string metrics_line;
        // Louvain and the k-core keep adjacency lists of their own (~110 bytes an edge
        // together, bench/README.md): past 10^7 edges they run only when asked for, so a
        // whole Wikipedia converts in the memory of its graph.
        constexpr std::size_t metrics_edge_limit = 10000000;
        if (m_metrics && !m_metrics_forced && graph.edge_count() > metrics_edge_limit) {
            metrics_line = "kgraph: metrics skipped: " + grouped(graph.edge_count()) +
                           " edges (more than 10,000,000, where communities and k-cores take "
                           "~110 bytes an edge more; --metrics on forces them, or reduce with "
                           "--top N)\n";
        } else if (m_metrics) {
            const NodeMetrics metrics = compute_metrics(graph);
            graph.set_metrics(metrics);
            const Communities communities = louvain(graph);
            graph.set_communities(communities.community);
            std::uint32_t components = 0;
            std::uint32_t largest = 0;
            for (std::size_t v = 0; v < graph.node_count(); ++v) {
                components = std::max(components, metrics.component[v] + 1);
                largest = std::max(largest, metrics.component_size[v]);
            }
            metrics_line =
                "kgraph: metrics: PageRank " +
                std::string(metrics.pagerank_converged ? "converged" : "did NOT converge") +
                " in " + counted(metrics.pagerank_iterations, "iteration") + "; " +
                counted(components, "weakly connected component") + ", the largest " +
                counted(largest, "node") + "; " +
                counted(communities.count, "community", "communities") + " (Louvain, modularity " +
                modularity_text(communities.modularity) + ")\n";
        }
        std::string layout_line;
        if (m_layout) {
            // ForceAtlas2 takes ~15 s for 10^5 nodes and minutes for 10^6 (bench/README.md):
            // past 10^5 nodes it runs only when asked for.
            const bool fa2 = m_layout_options.algorithm == LayoutAlgorithm::force_atlas2;
            if (graph.node_count() > 100000 && !m_layout_forced) {
                layout_line = "kgraph: layout skipped: " + grouped(graph.node_count()) +
                              " nodes (more than 100,000; --layout fa2 forces it, in minutes, or "
                              "reduce with --top N)\n";
            } else {
                const auto layout_start = std::chrono::steady_clock::now();
                compute_layout(graph, m_layout_options);
                std::ostringstream l;
                l << std::fixed << std::setprecision(2) << "kgraph: layout: "
                  << (fa2 ? "ForceAtlas2 (Barnes-Hut)" : "Fruchterman-Reingold") << ", "
                  << grouped(m_layout_options.iterations) << " iterations, "
                  << std::chrono::duration<double>(std::chrono::steady_clock::now() - layout_start)
                         .count()
                  << " s\n";
                layout_line = l.str();
            }
        }
        for (Output& o : m_outputs) {
            switch (o.format) {
                case Format::graphml:
                    write_graphml(graph, *o.file, m_graphml);
                    break;
                case Format::json:
                    write_node_link_json(graph, *o.file);
                    break;
                case Format::gexf:
                    write_gexf(graph, *o.file);
                    break;
                case Format::graphology:
                    write_graphology_json(graph, *o.file);
                    break;
                case Format::cytoscape:
                    write_cytoscape_json(graph, *o.file);
                    break;
                case Format::dot:
                    write_dot(graph, *o.file);
                    break;
                case Format::neo4j_csv:
                    write_neo4j_nodes_csv(graph, *o.file);
                    write_neo4j_edges_csv(graph, *o.edges_file);
                    o.edges_file->close();
                    break;
                case Format::gephi_csv:
                    write_gephi_nodes_csv(graph, *o.file);
                    write_gephi_edges_csv(graph, *o.edges_file);
                    o.edges_file->close();
                    break;
            }
            o.file->close();
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

        if (!m_quiet) {
            std::cerr << reporter.unprinted();
            std::ostringstream s;
            s << std::fixed << std::setprecision(2);
            s << "kgraph: read " << counted(articles, "article") << " (" << counted(bytes, "byte");
            if (skipped > 0) s << ", " << counted(skipped, "file") << " skipped";
            s << ") in " << seconds << " s, "
              << (seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0) << " MB/s, "
              << counted(m_threads, "thread") << "\n";
            const WikiInputStats& wiki = reader.wiki_stats();
            if (wiki.pages > 0) {
                s << "kgraph: wiki pages " << grouped(wiki.pages);
                if (!wiki.site.empty()) s << " of " << wiki.site;
                s << " (" << grouped(wiki.xml_bytes)
                  << " bytes of XML or JSON): " << grouped(wiki.redirects) << " redirects ("
                  << grouped(redirected.resolved) << " resolved, " << grouped(redirected.dangling)
                  << " to missing pages, " << grouped(redirected.loops) << " in loops), "
                  << grouped(wiki.other_namespaces)
                  << " in other namespaces skipped (--namespaces)\n";
            }
            s << "kgraph: links " << grouped(links) << " extracted";
            if (unresolved > 0)
                s << ", " << counted(unresolved, "Markdown link") << " to files outside the corpus";
            if (urls > 0)
                s << ", " << counted(urls, "URL")
                  << (m_import.external ? "" : " (nodes with --external)");
            s << '\n';
            s << "kgraph: nodes " << grouped(graph.node_count()) << ":";
            const char* sep = " ";
            for (NodeKind k : all_node_kinds) {
                s << sep << to_string(k) << ' ' << grouped(graph.node_count(k));
                sep = ", ";
            }
            s << "\nkgraph: edges " << grouped(graph.edge_count()) << ":";
            sep = " ";
            for (EdgeKind k : all_edge_kinds) {
                // Interlanguage and redirect edges exist only for wiki input: named when there.
                if ((k == EdgeKind::interlanguage || k == EdgeKind::redirect) &&
                    graph.edge_count(k) == 0)
                    continue;
                s << sep << to_string(k) << ' ' << grouped(graph.edge_count(k)) << " (weight "
                  << grouped(graph.edge_weight(k)) << ')';
                sep = ", ";
            }
            s << '\n' << m_stage->summary() << reduction_lines << metrics_line << layout_line;
            s << "kgraph: problems " << grouped(reporter.total());
            if (reporter.total() > 0) s << ": " << reporter.breakdown();
            s << "\nkgraph: wrote";
            sep = " ";
            for (const Output& o : m_outputs) {
                const std::size_t written =
                    o.file->bytes_written() + (o.edges_file ? o.edges_file->bytes_written() : 0);
                s << sep << (o.path == "-" ? "<stdout>" : o.path) << " (" << to_string(o.format)
                  << ", " << grouped(written) << " bytes)";
                sep = ", ";
            }
            s << '\n';
            std::cerr << s.str();
        }
        if (broken) {
            std::cerr << "kgraph: an input broke off (see above): the graph holds what was read "
                         "before it\n";
            return 1;
        }
        return 0;
    }

    /// A redirect page, kept until every page is read (chains need them all): 40 bytes and its
    /// two keys in an arena. Title and language only when the mention dictionary wants them.
    struct Redirect {
        std::string_view from;
        std::string_view to;
        std::uint32_t source;  ///< index into the run's list of input names
        std::uint32_t alias;   ///< index into the aliases, or no_alias
    };
    static constexpr std::uint32_t no_alias = 0xFFFFFFFFu;
    struct RedirectAlias {
        std::string title;  ///< the redirect page's title: a name of its target
        std::string lang;
    };
    struct RedirectSummary {
        std::size_t resolved = 0;
        std::size_t dangling = 0;
        std::size_t loops = 0;
    };

    // Follows every redirect to its final target (chains of any length); a chain that comes
    // back on itself is reported once and its pages stay as they are. A link to a redirect
    // then lands on the final target; with --redirects keep the redirect stays a node with a
    // `redirect` edge.
    RedirectSummary resolve_redirects(const std::deque<Redirect>& list,
                                      const std::vector<std::string>& sources,
                                      const std::vector<RedirectAlias>& aliases,
                                      GraphBuilder& builder, ProblemReporter& reporter) {
        RedirectSummary summary;
        // The redirects by key (the first page of a key wins), found by binary search: 4 bytes
        // a redirect instead of a hash map of them.
        std::vector<std::uint32_t> by_from(list.size());
        for (std::uint32_t i = 0; i < by_from.size(); ++i) by_from[i] = i;
        std::stable_sort(by_from.begin(), by_from.end(), [&](std::uint32_t a, std::uint32_t b) {
            return list[a].from < list[b].from;
        });
        auto redirect_of = [&](std::string_view key) -> const Redirect* {
            const auto it = std::lower_bound(
                by_from.begin(), by_from.end(), key,
                [&](std::uint32_t i, std::string_view k) { return list[i].from < k; });
            return it != by_from.end() && list[*it].from == key ? &list[*it] : nullptr;
        };
        for (const Redirect& r : list) {
            const std::string_view from = r.from;
            std::string_view to = r.to;
            std::vector<std::string_view> seen{from};
            bool loop = false;
            for (const Redirect* next = redirect_of(to); next != nullptr; next = redirect_of(to)) {
                if (std::find(seen.begin(), seen.end(), to) != seen.end() || seen.size() > 64) {
                    loop = true;
                    break;
                }
                seen.push_back(to);
                to = next->to;
            }
            if (loop || to == from) {
                ++summary.loops;
                reporter.report(Problem{
                    ProblemKind::redirect_loop, sources[r.source], 0, 0,
                    "redirect '" + std::string(from) + "' is part of a loop; left as it is"});
                continue;
            }
            const std::size_t before_to = builder.node_count();
            const NodeId target = builder.add_node(to, NodeKind::entity);
            if (builder.node_count() > before_to) builder.add_surface(target, to);
            if (builder.node_count() > before_to) ++summary.dangling;
            if (m_keep_redirects) {
                const NodeId source = builder.add_node(from, NodeKind::entity);
                builder.add_edge(source, target, EdgeKind::redirect, 1, 0);
                builder.redirect(source, target, true);
            } else {
                // Only a redirect something links to has edges to move; one never linked needs
                // no node, unless the mention pass may still find its key (entities file).
                const NodeId source = m_stage->spots() ? builder.add_node(from, NodeKind::entity)
                                                       : builder.find(from);
                if (source != GraphBuilder::no_node) builder.redirect(source, target);
            }
            if (r.alias != no_alias) {
                m_stage->add_redirect_alias(aliases[r.alias].title, to, aliases[r.alias].lang);
            }
            ++summary.resolved;
        }
        return summary;
    }

private:
    po::options_description m_common{"Common options"};
    po::options_description m_input{"Input options"};
    po::options_description m_mentions{"Mention and co-occurrence options"};
    po::options_description m_reduce{
        "Reduction options (applied in this order; nothing is dropped unless asked)"};
    po::options_description m_output{"Output options"};
    po::options_description m_errors{"Error options"};
    po::options_description m_hidden;

    bool m_show_help = false;
    bool m_verbose = false;
    bool m_quiet = false;
    bool m_progress = false;
    bool m_strict = false;
    std::size_t m_max_reports = 10;
    unsigned m_threads = 1;
    ImportOptions m_import;
    InputFormat m_input_format;
    std::vector<int> m_namespaces{0, 14};
    bool m_keep_redirects = false;
    std::vector<std::string> m_inputs;
    std::vector<InputFile> m_files;
    std::vector<Output> m_outputs;
    MentionSettings m_mention_settings;
    std::vector<std::string> m_stopword_args;
    bool m_fold_han = false;
    bool m_metrics = true;
    bool m_metrics_forced = false;
    bool m_layout = true;
    bool m_layout_forced = false;
    LayoutOptions m_layout_options;
    GraphmlOptions m_graphml;
    std::optional<std::vector<NodeKind>> m_node_kinds;
    std::optional<std::vector<EdgeKind>> m_edge_kinds;
    std::optional<std::uint32_t> m_min_weight;
    std::optional<double> m_backbone;
    std::optional<std::size_t> m_max_edges_per_node;
    std::optional<std::string> m_focus;
    std::uint32_t m_depth = 1;
    bool m_largest_component = false;
    std::optional<std::size_t> m_top;
    RankBy m_rank_by = RankBy::pagerank;

    void parse_reduction(const po::variables_map& vm) {
        const auto split = [](const std::string& list) {
            std::vector<std::string> out;
            std::size_t start = 0;
            while (start <= list.size()) {
                const std::size_t comma = std::min(list.find(',', start), list.size());
                if (comma > start) out.push_back(list.substr(start, comma - start));
                start = comma + 1;
            }
            return out;
        };
        if (vm.count("node-kinds")) {
            std::vector<NodeKind> kinds;
            for (const std::string& name : split(vm["node-kinds"].as<std::string>())) {
                const auto it = std::find_if(all_node_kinds.begin(), all_node_kinds.end(),
                                             [&](NodeKind k) { return to_string(k) == name; });
                if (it == all_node_kinds.end()) {
                    throw UsageError("build: unknown node kind '" + name +
                                     "': use article, entity, category or external");
                }
                kinds.push_back(*it);
            }
            m_node_kinds = kinds;
        }
        if (vm.count("edge-kinds")) {
            std::vector<EdgeKind> kinds;
            for (const std::string& name : split(vm["edge-kinds"].as<std::string>())) {
                const auto it = std::find_if(all_edge_kinds.begin(), all_edge_kinds.end(),
                                             [&](EdgeKind k) { return to_string(k) == name; });
                if (it == all_edge_kinds.end()) {
                    throw UsageError("build: unknown edge kind '" + name +
                                     "': use link, embed, category, mention or cooccurrence");
                }
                kinds.push_back(*it);
            }
            m_edge_kinds = kinds;
        }
        if (vm.count("min-weight")) m_min_weight = vm["min-weight"].as<std::uint32_t>();
        if (vm.count("backbone")) {
            m_backbone = vm["backbone"].as<double>();
            if (*m_backbone <= 0 || *m_backbone >= 1) {
                throw UsageError(
                    "build: --backbone takes a significance level between 0 and 1, e.g. 0.05");
            }
        }
        if (vm.count("max-edges-per-node")) {
            m_max_edges_per_node = vm["max-edges-per-node"].as<std::size_t>();
            if (*m_max_edges_per_node == 0)
                throw UsageError("build: --max-edges-per-node must be at least 1");
        }
        if (vm.count("focus")) m_focus = vm["focus"].as<std::string>();
        m_depth = vm["depth"].as<std::uint32_t>();
        m_largest_component = vm.count("largest-component") > 0;
        if (vm.count("top")) m_top = vm["top"].as<std::size_t>();
        const std::string rank = vm["rank-by"].as<std::string>();
        if (rank == "pagerank") {
            m_rank_by = RankBy::pagerank;
        } else if (rank == "degree") {
            m_rank_by = RankBy::degree;
        } else if (rank == "weight") {
            m_rank_by = RankBy::weight;
        } else {
            throw UsageError("build: unknown --rank-by '" + rank +
                             "': use pagerank, degree or weight");
        }
    }

    // Applies the reduction filters in their fixed order; returns the summary lines.
    std::string reduce(KnowledgeGraph& graph) {
        std::ostringstream s;
        auto apply = [&](const std::string& name, auto&& filter) {
            ReductionStep step;
            graph = filter(step);
            s << "kgraph: " << name << " removed " << grouped(step.nodes_removed) << " nodes, "
              << grouped(step.edges_removed) << " edges (" << std::fixed << std::setprecision(1)
              << 100.0 * step.weight_share_removed << " % of the weight)\n";
        };
        if (m_node_kinds)
            apply("--node-kinds",
                  [&](ReductionStep& st) { return filter_node_kinds(graph, *m_node_kinds, st); });
        if (m_edge_kinds)
            apply("--edge-kinds",
                  [&](ReductionStep& st) { return filter_edge_kinds(graph, *m_edge_kinds, st); });
        if (m_min_weight)
            apply("--min-weight " + std::to_string(*m_min_weight),
                  [&](ReductionStep& st) { return filter_min_weight(graph, *m_min_weight, st); });
        if (m_backbone)
            apply("--backbone",
                  [&](ReductionStep& st) { return backbone(graph, *m_backbone, st); });
        if (m_max_edges_per_node)
            apply("--max-edges-per-node " + std::to_string(*m_max_edges_per_node),
                  [&](ReductionStep& st) {
                      return strongest_edges(graph, *m_max_edges_per_node, st);
                  });
        if (m_focus) {
            const KeyNormalizer normalizer(m_import.case_rule, m_import.han_folder);
            const std::string key = normalizer.normalize_target(*m_focus).key;
            std::optional<NodeId> focus;
            for (NodeId v = 0; v < graph.node_count() && !focus; ++v) {
                if (graph.node(v).key == key || graph.node(v).key == *m_focus) focus = v;
            }
            for (NodeId v = 0; v < graph.node_count() && !focus; ++v) {
                if (graph.node(v).label == *m_focus) focus = v;
            }
            if (!focus) {
                throw UsageError("build: --focus '" + *m_focus +
                                 "' names no node of the graph: give a key or a title");
            }
            apply("--focus --depth " + std::to_string(m_depth),
                  [&](ReductionStep& st) { return ego_network(graph, *focus, m_depth, st); });
        }
        if (m_largest_component)
            apply("--largest-component",
                  [&](ReductionStep& st) { return largest_component(graph, st); });
        if (m_top)
            apply("--top " + std::to_string(*m_top),
                  [&](ReductionStep& st) { return top_nodes(graph, *m_top, m_rank_by, st); });
        const std::size_t nodes = graph.node_count();
        const std::size_t edges = graph.edge_count();
        if (nodes > 100000 || edges > 1000000) {
            s << "kgraph: note: " << grouped(nodes) << " nodes and " << grouped(edges)
              << " edges are more than Gephi and Cytoscape desktop handle well (~10^5 nodes, 10^6 "
                 "edges);"
                 " reduce with --top N, --min-weight W, --backbone 0.05, --edge-kinds link\n";
        } else if (nodes > 10000 || edges > 100000) {
            s << "kgraph: note: " << grouped(nodes) << " nodes and " << grouped(edges)
              << " edges are more than Sigma.js and Cytoscape.js handle well (~10^4 nodes, 10^5 "
                 "edges);"
                 " reduce with --top N, --min-weight W, --backbone 0.05, --edge-kinds link\n";
        }
        return s.str();
    }
    std::string m_report_path;
    std::unique_ptr<OutputFile> m_report;
    std::unique_ptr<MatchFolder> m_folder;
    std::unique_ptr<MentionStage> m_stage;
    std::size_t m_keep_texts = 0;  // bytes
};

}  // namespace

std::unique_ptr<Command> make_build_command() {
    return std::make_unique<BuildCommand>();
}

}  // namespace kg::cli
