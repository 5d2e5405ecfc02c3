// The summary's stage times: a stage that took a second or more says how long, a shorter one
// says nothing (short runs print the same bytes every time).
#include "cli/build_summary.hpp"
#include "tests/test.hpp"

using namespace kg;
using namespace kg::cli;

TEST_CASE("a stage time shows from one second on, to the hundredth", "[cli][summary]") {
    CHECK(stage_time(0.0).empty());
    CHECK(stage_time(0.999).empty());
    CHECK(stage_time(1.0) == ", 1.00 s");
    CHECK(stage_time(12.5) == ", 12.50 s");
    // --timings: every stage.
    CHECK(stage_time(0.0, true) == ", 0.00 s");
    CHECK(stage_time(0.254, true) == ", 0.25 s");
}

TEST_CASE("metrics that took a second say so on their line; quicker ones do not",
          "[cli][summary]") {
    MetricsReport report;
    report.computed = true;
    report.pagerank_converged = true;
    report.pagerank_iterations = 9;
    report.components = 1;
    report.largest_component = 10;
    report.communities = 2;
    report.modularity = 0.25;
    report.seconds = 0.4;
    const std::string quick = metrics_line(report, 20);
    CHECK(quick ==
          "kgraph: metrics: PageRank converged in 9 iterations; 1 weakly connected component, "
          "the largest 10 nodes; 2 communities (Louvain, modularity 0.250)\n");
    CHECK(metrics_line(report, 20, true) ==
          "kgraph: metrics: PageRank converged in 9 iterations; 1 weakly connected component, "
          "the largest 10 nodes; 2 communities (Louvain, modularity 0.250), 0.40 s\n");
    report.seconds = 2.25;
    CHECK(metrics_line(report, 20) ==
          "kgraph: metrics: PageRank converged in 9 iterations; 1 weakly connected component, "
          "the largest 10 nodes; 2 communities (Louvain, modularity 0.250), 2.25 s\n");
}

TEST_CASE("the layout line names the levels of a multilevel layout", "[cli][summary]") {
    LayoutReport report;
    report.computed = true;
    report.seconds = 0.5;
    LayoutOptions options;
    options.iterations = 200;
    CHECK(layout_line(report, options, 100) ==
          "kgraph: layout: ForceAtlas2 (Barnes-Hut), 200 iterations, 0.50 s\n");
    report.stats.levels = 3;
    report.stats.coarsest_nodes = 1849;
    report.stats.finer_iterations = 50;
    CHECK(layout_line(report, options, 15866) ==
          "kgraph: layout: ForceAtlas2 (Barnes-Hut), 3 levels: 200 iterations on the coarsest "
          "(1,849 nodes), 50 on each finer one, 0.50 s\n");
}
