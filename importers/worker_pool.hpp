// WorkerPool: a fixed set of threads that run the items of one job at a time, taken by an
// atomic counter. The caller starts a job, may do other work meanwhile (hand on the previous
// batch), then helps with the rest and waits. Threads live as long as the pool, so what they
// keep per thread (ICU break iterators, caches) is built once, not once per batch.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace kg {

class WorkerPool {
public:
    /// `threads` may be 0: then the caller does every item in finish().
    explicit WorkerPool(unsigned threads);
    /// Waits for a running job's items (their results are dropped), then stops the threads.
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Starts running work(0) .. work(count - 1) on the pool's threads and returns at once.
    /// Precondition: no job is running (finish() was called since the last start()).
    void start(std::size_t count, std::function<void(std::size_t)> work);

    /// Runs the job's remaining items on the calling thread too, waits for all of them, and
    /// rethrows the first exception an item threw. Does nothing when no job runs.
    void finish();

private:
    struct Job {
        std::function<void(std::size_t)> work;
        std::size_t count = 0;
        std::atomic<std::size_t> next{0};
        std::size_t done = 0;  // guarded by the pool's mutex
        std::exception_ptr error;
    };
    void loop();
    void take(Job& job);

    std::mutex m_mutex;
    std::condition_variable m_changed;   // a new job, or stop
    std::condition_variable m_finished;  // a job's last item is done
    std::shared_ptr<Job> m_job;
    std::uint64_t m_generation = 0;
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

}  // namespace kg
