// Unit tests of WorkerPool: every item runs once, the caller may work meanwhile, errors reach
// finish(), threads persist across jobs, and a pool destroyed mid-job waits for it.
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "importers/worker_pool.hpp"
#include "tests/test.hpp"

using namespace kg;

TEST_CASE("a worker pool runs every item of every job exactly once", "[pool]") {
    for (unsigned threads : {0u, 1u, 3u}) {
        CAPTURE(threads);
        WorkerPool pool(threads);
        std::size_t wrong = 0;
        for (std::size_t count : {0u, 1u, 7u, 1000u}) {
            std::vector<int> runs(count, 0);
            pool.start(count, [&](std::size_t i) { ++runs[i]; });
            pool.finish();
            for (int r : runs) wrong += r != 1;
        }
        CHECK(wrong == 0);
        pool.finish();  // no job: nothing to do
    }
}

TEST_CASE("pool threads persist across jobs; the caller helps in finish()", "[pool]") {
    WorkerPool pool(2);
    std::set<std::thread::id> ids;
    std::mutex mutex;
    for (int job = 0; job < 50; ++job) {
        pool.start(64, [&](std::size_t) {
            std::this_thread::sleep_for(std::chrono::microseconds(50));
            const std::lock_guard<std::mutex> lock(mutex);
            ids.insert(std::this_thread::get_id());
        });
        pool.finish();
    }
    // Two pool threads and the caller: new threads per job would make ~100 ids.
    CHECK(ids.size() <= 3);
    CHECK(ids.size() >= 2);
}

TEST_CASE("an item's exception reaches finish(); the other items still run", "[pool]") {
    WorkerPool pool(2);
    std::atomic<int> ran{0};
    pool.start(100, [&](std::size_t i) {
        ++ran;
        if (i == 42) throw std::runtime_error("item 42");
    });
    CHECK_THROWS_WITH(pool.finish(), "item 42");
    CHECK(ran == 100);
    pool.start(3, [&](std::size_t) { ++ran; });  // the pool is still usable
    pool.finish();
    CHECK(ran == 103);
}

TEST_CASE("a pool destroyed during a job waits for the job's items", "[pool]") {
    std::atomic<int> ran{0};
    {
        WorkerPool pool(2);
        pool.start(20, [&](std::size_t) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
            ++ran;
        });
    }
    CHECK(ran == 20);
}
