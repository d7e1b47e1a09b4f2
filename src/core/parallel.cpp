#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <unistd.h>
#include <vector>

namespace crus {

namespace {

// Threads kept for the life of the process, so a pose (one call for the
// structures, one per round of the skin's cover) does not start and join
// threads every time. One call has the pool at a time; a call made while it
// is taken (from inside a job, or from a second thread) starts threads of its
// own, as every call did before the pool.
class Pool {
public:
  // The most helpers the pool keeps; a call asking for more starts its own.
  static constexpr std::size_t kMaxHelpers = 31;

  // Runs body(0) on the calling thread and body(1..helpers) on pool threads,
  // and returns once every one has returned. False, with nothing run, when
  // the pool is taken or cannot have that many threads. `body` must not throw.
  bool run(std::size_t helpers, const std::function<void(std::size_t)>& body) {
    // A child made by fork() has the pool's record of threads but not the
    // threads: it starts its own.
    if (helpers > kMaxHelpers || getpid() != owner_ || taken_.exchange(true)) return false;
    grow(helpers);
    helpers = std::min(helpers, threads_.size()); // a thread that could not start leaves its share to the rest
    {
      std::lock_guard<std::mutex> lock(mutex_);
      body_ = &body;
      wanted_ = helpers;
      running_ = helpers;
      ++generation_;
    }
    wake_.notify_all();
    body(0);
    {
      std::unique_lock<std::mutex> lock(mutex_);
      done_.wait(lock, [&] { return running_ == 0; });
      body_ = nullptr;
      wanted_ = 0;
    }
    taken_ = false;
    return true;
  }

private:
  // Only the call holding the pool grows it.
  void grow(std::size_t helpers) {
    try {
      while (threads_.size() < helpers) {
        const std::size_t index = threads_.size();
        threads_.emplace_back([this, index] { loop(index); });
      }
    } catch (...) {} // out of threads or memory: the threads started so far share the work
  }

  void loop(std::size_t index) {
    std::size_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [&] { return generation_ != seen && index < wanted_; });
      seen = generation_;
      const std::function<void(std::size_t)>* body = body_;
      lock.unlock();
      (*body)(index + 1);
      lock.lock();
      if (--running_ == 0) done_.notify_one();
    }
  }

  const pid_t owner_ = getpid();
  std::atomic<bool> taken_{false};
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(std::size_t)>* body_ = nullptr;
  std::size_t wanted_ = 0, running_ = 0, generation_ = 0;
  std::vector<std::thread> threads_;
};

// Never destroyed: its threads wait for work until the process ends, so an
// exit from anywhere (even from inside a job) has nothing to join.
Pool& pool() {
  static Pool* p = new Pool;
  return *p;
}

} // namespace

std::size_t parallel_workers(std::size_t count, unsigned max_threads) {
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned cap = max_threads == 0 ? std::min(cores, 8u) : max_threads;
  return std::max<std::size_t>(1, std::min<std::size_t>(count, cap));
}

void parallel_for(std::size_t count, const std::function<void(std::size_t, std::size_t)>& work, unsigned max_threads) {
  const std::size_t workers = parallel_workers(count, max_threads);
  if (workers <= 1) {
    for (std::size_t i = 0; i < count; ++i) work(i, 0);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failed;
  std::mutex failed_mutex;
  const std::function<void(std::size_t)> run = [&](std::size_t worker) {
    for (std::size_t i = next++; i < count; i = next++) {
      try {
        work(i, worker);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failed_mutex);
        if (!failed) failed = std::current_exception();
        next = count; // the others stop at their next item
      }
    }
  };
  if (!pool().run(workers - 1, run)) {
    std::vector<std::thread> threads;
    threads.reserve(workers - 1);
    // A thread that cannot be started (a thread or resource limit) leaves its
    // share to the others: the calling thread takes every item left.
    try {
      for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(run, w);
    } catch (const std::system_error&) {}
    run(0);
    for (auto& t : threads) t.join();
  }
  if (failed) std::rethrow_exception(failed);
}

} // namespace crus
