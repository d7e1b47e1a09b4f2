#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace crus {

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
  auto run = [&](std::size_t worker) {
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
  std::vector<std::thread> threads;
  threads.reserve(workers - 1);
  // A thread that cannot be started (a thread or resource limit) leaves its
  // share to the others: the calling thread takes every item left.
  try {
    for (std::size_t w = 1; w < workers; ++w) threads.emplace_back(run, w);
  } catch (const std::system_error&) {}
  run(0);
  for (auto& t : threads) t.join();
  if (failed) std::rethrow_exception(failed);
}

} // namespace crus
