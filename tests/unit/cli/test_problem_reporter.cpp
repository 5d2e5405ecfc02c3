// ProblemReporter: compiler-style lines for the first N problems of each kind, counts of all,
// the lines saying what was not shown, and --strict ending the run at the first problem.
#include <sstream>

#include "cli/problem_reporter.hpp"
#include "tests/test.hpp"

using namespace kg;
using namespace kg::cli;

TEST_CASE("the first problems of each kind are printed, all are counted", "[cli][problems]") {
    std::ostringstream out;
    ProblemReporter reporter(out, 2, false);
    ProblemSink& sink = reporter;  // the pipeline sees only the interface
    for (int i = 1; i <= 4; ++i)
        sink.report(Problem{ProblemKind::unclosed_link, "a.md", 3, static_cast<std::size_t>(i),
                            "link " + std::to_string(i)});
    sink.report(Problem{ProblemKind::invalid_utf8, "b.md", 7, 0, "bad byte"});
    sink.report(Problem{ProblemKind::redirect_loop, "dump.xml", 0, 0, "loop"});
    CHECK(out.str() ==
          "a.md:3:1: link 1\n"
          "a.md:3:2: link 2\n"
          "b.md:7: bad byte\n"
          "dump.xml: loop\n");
    CHECK(reporter.total() == 6);
    CHECK(reporter.count(ProblemKind::unclosed_link) == 4);
    CHECK(reporter.count(ProblemKind::empty_link) == 0);
    // Kinds in the enum's order, whatever order they came in.
    CHECK(reporter.breakdown() == "invalid UTF-8 1, unclosed wiki-link 4, redirect loop 1");
    CHECK(reporter.unprinted() ==
          "kgraph: … and 2 more 'unclosed wiki-link' not shown (use --max-reports N to see "
          "more)\n");
}

TEST_CASE("no problems: empty breakdown, nothing unprinted", "[cli][problems]") {
    std::ostringstream out;
    const ProblemReporter reporter(out, 10, false);
    CHECK(reporter.total() == 0);
    CHECK(reporter.breakdown().empty());
    CHECK(reporter.unprinted().empty());
}

TEST_CASE("under --strict the first problem throws StrictFailure with the problem",
          "[cli][problems]") {
    std::ostringstream out;
    ProblemReporter reporter(out, 10, true);
    try {
        reporter.report(Problem{ProblemKind::empty_link, "n.md", 2, 5, "empty wiki-link [[]]"});
        FAIL("no StrictFailure");
    } catch (const StrictFailure& e) {
        CHECK(std::string(e.what()) == "n.md:2:5: empty wiki-link [[]] (--strict)");
    }
    CHECK(out.str().empty());
    CHECK(reporter.total() == 1);
}
