// WorkerPool: a fixed set of threads that run the items of queued jobs, oldest job first, each
// item taken by an atomic counter. The caller starts a job, may do other work meanwhile (hand
// on an earlier batch, start the next job), then finishes jobs in the order it started them,
// helping with their items — and with later jobs' while the last items of the oldest run
// elsewhere, so no thread idles at the end of a batch. Threads live as long as the pool, so
// what they keep per thread (ICU break iterators, caches) is built once, not once per batch.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
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
    /// Waits for every started job's items (their results are dropped), then stops the threads.
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Queues work(0) .. work(count - 1) to run on the pool's threads after the items of the
    /// jobs started before it, and returns at once.
    void start(std::size_t count, std::function<void(std::size_t)> work);

    /// Finishes the oldest unfinished job: runs its remaining items on the calling thread too
    /// (then items of later jobs while its last ones run elsewhere), waits for all of them,
    /// and rethrows the first exception one of its items threw. Does nothing when no job is
    /// unfinished.
    void finish();

    /// finish() until no job is unfinished; rethrows the first exception.
    void finish_all();

    /// Runs one item of the oldest job that has items left on the calling thread, for a
    /// thread that would otherwise wait (the dump reader when its queue is full); false when
    /// no job has items left. An item's exception reaches that job's finish().
    bool help();

private:
    struct Job {
        std::function<void(std::size_t)> work;
        std::size_t count = 0;
        std::atomic<std::size_t> next{0};
        std::size_t done = 0;  // guarded by the pool's mutex
        std::exception_ptr error;
        bool has_items() const noexcept { return next.load() < count; }
    };
    void loop();
    void take(Job& job, std::size_t at_most);
    std::shared_ptr<Job> job_with_items(const Job* besides);  // under the mutex

    std::mutex m_mutex;
    std::condition_variable m_changed;        // a new job, or stop
    std::condition_variable m_finished;       // a job's last item is done
    std::deque<std::shared_ptr<Job>> m_jobs;  // unfinished, oldest first
    bool m_stop = false;
    std::vector<std::thread> m_threads;
};

}  // namespace kg
