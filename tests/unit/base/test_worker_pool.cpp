// Unit tests of WorkerPool: every item runs once, the caller may work meanwhile, errors reach
// finish(), threads persist across jobs, queued jobs run oldest first and finish in order,
// and a pool destroyed mid-job waits for it.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "base/worker_pool.hpp"
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

TEST_CASE("queued jobs: items are taken oldest job first; finish() ends the oldest job", "[pool]") {
    for (unsigned threads : {0u, 1u, 2u}) {
        CAPTURE(threads);
        WorkerPool pool(threads);
        std::mutex mutex;
        std::vector<int> taken;  // the job of each item, in the order items began
        std::vector<int> done(3, 0);
        for (int job = 0; job < 3; ++job) {
            pool.start(40, [&, job](std::size_t i) {
                {
                    const std::lock_guard<std::mutex> lock(mutex);
                    taken.push_back(job);
                }
                std::this_thread::sleep_for(std::chrono::microseconds(i % 7 == 0 ? 400 : 20));
                const std::lock_guard<std::mutex> lock(mutex);
                ++done[static_cast<std::size_t>(job)];
            });
        }
        pool.finish();
        {
            const std::lock_guard<std::mutex> lock(mutex);
            CHECK(done[0] == 40);  // the oldest job is complete; later ones may have begun
        }
        pool.finish();
        {
            const std::lock_guard<std::mutex> lock(mutex);
            CHECK(done[1] == 40);
        }
        pool.finish_all();
        CHECK(done[2] == 40);
        REQUIRE(taken.size() == 120);
        // Every item of job 0 is taken before any of job 1; one being recorded on each of
        // the other threads may come after a later job's record.
        CHECK(std::count(taken.begin(), taken.begin() + 37, 0) == 37);
        CHECK(std::count(taken.begin() + 43, taken.begin() + 77, 1) == 34);
    }
}

TEST_CASE("help() runs one item of the oldest job with items left, on the calling thread",
          "[pool]") {
    WorkerPool pool(0);  // no pool threads: only the callers run items
    CHECK_FALSE(pool.help());
    std::vector<int> runs(5, 0);
    std::vector<std::thread::id> where(5);
    pool.start(5, [&](std::size_t i) {
        ++runs[i];
        where[i] = std::this_thread::get_id();
    });
    std::thread helper([&] {
        for (int k = 0; k < 3; ++k) CHECK(pool.help());
    });
    helper.join();
    CHECK(runs == std::vector<int>{1, 1, 1, 0, 0});
    CHECK(where[0] != std::this_thread::get_id());
    pool.finish();
    CHECK(runs == std::vector<int>{1, 1, 1, 1, 1});
    CHECK_FALSE(pool.help());
}
