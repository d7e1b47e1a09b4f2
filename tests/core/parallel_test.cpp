// crus::parallel_for: every item done exactly once, each worker's number in
// range, and a failure rethrown on the calling thread once all have stopped.
#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <stdexcept>
#include <thread>
#include <vector>

namespace {

TEST(ParallelFor, DoesEveryItemOnceAndNamesItsWorker) {
  for (unsigned threads : {0u, 1u, 3u, 8u}) {
    const std::size_t count = 1000;
    // Sized once and passed on, as a caller with scratch per worker does.
    const std::size_t workers = crus::parallel_workers(count, threads);
    const auto pinned = static_cast<unsigned>(workers);
    EXPECT_GE(workers, 1u);
    if (threads > 0) {
      EXPECT_EQ(workers, threads);
    }
    std::vector<std::atomic<int>> done(count);
    std::vector<std::atomic<int>> by_worker(workers);
    crus::parallel_for(
        count,
        [&](std::size_t item, std::size_t worker) {
          ASSERT_LT(worker, workers);
          ++done[item];
          ++by_worker[worker];
        },
        pinned);
    for (std::size_t i = 0; i < count; ++i) ASSERT_EQ(done[i].load(), 1) << "item " << i << " with " << threads << " threads";
    int total = 0;
    for (auto& n : by_worker) total += n.load();
    EXPECT_EQ(total, static_cast<int>(count));
  }
}

TEST(ParallelFor, NeverMoreWorkersThanItems) {
  EXPECT_EQ(crus::parallel_workers(0, 8), 1u);
  EXPECT_EQ(crus::parallel_workers(2, 8), 2u);
  int calls = 0;
  crus::parallel_for(0, [&](std::size_t, std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
}

TEST(ParallelFor, OneThreadRunsOnTheCallerInOrder) {
  std::vector<std::size_t> order;
  const auto caller = std::this_thread::get_id();
  crus::parallel_for(
      5,
      [&](std::size_t item, std::size_t worker) {
        EXPECT_EQ(std::this_thread::get_id(), caller);
        EXPECT_EQ(worker, 0u);
        order.push_back(item);
      },
      1);
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 1, 2, 3, 4}));
}

TEST(ParallelFor, AFailureIsRethrownAfterEveryThreadStops) {
  std::atomic<int> running{0};
  EXPECT_THROW(crus::parallel_for(
                   200,
                   [&](std::size_t item, std::size_t) {
                     ++running;
                     std::this_thread::sleep_for(std::chrono::microseconds(50));
                     --running;
                     if (item == 17) throw std::runtime_error("item 17");
                   },
                   4),
               std::runtime_error);
  EXPECT_EQ(running.load(), 0) << "a worker was still running when the failure reached the caller";
}

TEST(ParallelFor, NoItemIsStartedAfterAFailure) {
  std::vector<std::size_t> done;
  EXPECT_THROW(crus::parallel_for(
                   50,
                   [&](std::size_t item, std::size_t) {
                     done.push_back(item);
                     if (item == 17) throw std::runtime_error("item 17");
                   },
                   1),
               std::runtime_error);
  ASSERT_FALSE(done.empty());
  EXPECT_EQ(done.back(), 17u) << "items after the failure were still done";
}

} // namespace
