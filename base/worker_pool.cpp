// WorkerPool: std::thread, one mutex and two condition variables; items by std::atomic.
#include "base/worker_pool.hpp"

#include <limits>
#include <utility>

namespace kg {

WorkerPool::WorkerPool(unsigned threads) {
    m_threads.reserve(threads);
    for (unsigned t = 0; t < threads; ++t) m_threads.emplace_back([this] { loop(); });
}

WorkerPool::~WorkerPool() {
    try {
        finish_all();
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
        m_jobs.push_back(std::move(job));
    }
    m_changed.notify_all();
}

std::shared_ptr<WorkerPool::Job> WorkerPool::job_with_items(const Job* besides) {
    for (const std::shared_ptr<Job>& job : m_jobs) {
        if (job.get() != besides && job->has_items()) return job;
    }
    return nullptr;
}

void WorkerPool::finish() {
    std::shared_ptr<Job> job;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        if (m_jobs.empty()) return;
        job = m_jobs.front();
    }
    constexpr std::size_t all = std::numeric_limits<std::size_t>::max();
    for (;;) {
        take(*job, all);
        std::shared_ptr<Job> later;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            if (job->done == job->count) break;
            // Its last items run on other threads: help with a later job meanwhile, one item
            // at a time, rather than wait idle.
            later = job_with_items(job.get());
            if (!later) {
                m_finished.wait(lock, [&] { return job->done == job->count; });
                break;
            }
        }
        take(*later, 1);
    }
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_jobs.pop_front();  // `job`: only finish() removes jobs, oldest first
    }
    if (job->error) std::rethrow_exception(job->error);
}

void WorkerPool::finish_all() {
    std::exception_ptr first;
    for (;;) {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            if (m_jobs.empty()) break;
        }
        try {
            finish();
        } catch (...) {
            if (!first) first = std::current_exception();
        }
    }
    if (first) std::rethrow_exception(first);
}

bool WorkerPool::help() {
    std::shared_ptr<Job> job;
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        job = job_with_items(nullptr);
    }
    if (!job) return false;
    take(*job, 1);
    return true;
}

void WorkerPool::loop() {
    for (;;) {
        std::shared_ptr<Job> job;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_changed.wait(lock, [&] {
                if (m_stop) return true;
                job = job_with_items(nullptr);
                return job != nullptr;
            });
            if (m_stop) return;
        }
        take(*job, std::numeric_limits<std::size_t>::max());
    }
}

void WorkerPool::take(Job& job, std::size_t at_most) {
    for (std::size_t taken = 0; taken < at_most; ++taken) {
        const std::size_t i = job.next++;
        if (i >= job.count) return;
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
