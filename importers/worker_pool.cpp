// WorkerPool: std::thread, one mutex and two condition variables; items by std::atomic.
#include "importers/worker_pool.hpp"

#include <utility>

namespace kg {

WorkerPool::WorkerPool(unsigned threads) {
    m_threads.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) m_threads.emplace_back([this] { loop(); });
}

WorkerPool::~WorkerPool() {
    try {
        finish();
    } catch (...) {
        // The caller is unwinding already (or never asked for the results): drop them.
    }
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_changed.notify_all();
    for (std::thread& t : m_threads) t.join();
}

void WorkerPool::start(std::size_t count, std::function<void(std::size_t)> work) {
    auto job = std::make_shared<Job>();
    job->work = std::move(work);
    job->count = count;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_job = std::move(job);
        ++m_generation;
    }
    m_changed.notify_all();
}

void WorkerPool::finish() {
    std::shared_ptr<Job> job;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        job = m_job;
    }
    if (!job) return;
    take(*job);
    std::unique_lock<std::mutex> lock(m_mutex);
    m_finished.wait(lock, [&] { return job->done == job->count; });
    if (m_job == job) m_job.reset();
    if (job->error) std::rethrow_exception(job->error);
}

void WorkerPool::loop() {
    std::uint64_t seen = 0;
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [&] { return m_stop || (m_job && m_generation != seen); });
            if (m_stop) return;
            seen = m_generation;
            job = m_job;
        }
        take(*job);
    }
}

void WorkerPool::take(Job& job) {
    for (std::size_t i = job.next++; i < job.count; i = job.next++) {
        std::exception_ptr error;
        try {
            job.work(i);
        } catch (...) {
            error = std::current_exception();
        }
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (error && !job.error) job.error = error;
        if (++job.done == job.count) m_finished.notify_all();
    }
}

}  // namespace kg
