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

// The helper threads outlive a call: a thread-local count set by the first
// call is still there in the second. Threads started afresh for each call
// begin at zero.
thread_local int calls_seen_here = 0;

TEST(ParallelFor, KeepsItsThreadsBetweenCalls) {
  const auto caller = std::this_thread::get_id();
  for (int call = 0; call < 3; ++call) {
    std::atomic<int> helper_items{0}, fresh_helper_items{0};
    crus::parallel_for(
        40,
        [&](std::size_t, std::size_t worker) {
          std::this_thread::sleep_for(std::chrono::microseconds(300));
          if (worker == 0) {
            // The caller waits (at most 2 s) for the helper to take an item,
            // so a slow start under load cannot leave it nothing to do.
            const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(2);
            while (helper_items.load() == 0 && std::chrono::steady_clock::now() < give_up)
              std::this_thread::sleep_for(std::chrono::microseconds(100));
            return;
          }
          ASSERT_NE(std::this_thread::get_id(), caller);
          ++helper_items;
          if (calls_seen_here == 0) ++fresh_helper_items;
          calls_seen_here = call + 1;
        },
        2);
    ASSERT_GT(helper_items.load(), 0) << "call " << call << ": the helper took no item";
    if (call > 0) {
      EXPECT_EQ(fresh_helper_items.load(), 0) << "call " << call << " ran on a thread started for it";
    }
  }
}

// A call from inside a job, and calls from two threads at once, each finish
// with every item done once: only one call has the kept threads at a time.
TEST(ParallelFor, NestedAndConcurrentCallsFinish) {
  std::vector<std::atomic<int>> inner(16 * 32);
  crus::parallel_for(
      16,
      [&](std::size_t outer, std::size_t) {
        crus::parallel_for(
            32, [&](std::size_t item, std::size_t) { ++inner[outer * 32 + item]; }, 3);
      },
      3);
  for (std::size_t i = 0; i < inner.size(); ++i) ASSERT_EQ(inner[i].load(), 1) << "nested item " << i;

  std::vector<std::atomic<int>> a(2000), b(2000);
  // Each item takes a little while, so the two threads' calls overlap.
  auto item = [](std::vector<std::atomic<int>>& v, std::size_t k) {
    std::this_thread::sleep_for(std::chrono::microseconds(20));
    ++v[k];
  };
  std::thread other([&] {
    for (int r = 0; r < 20; ++r)
      crus::parallel_for(
          100, [&](std::size_t i, std::size_t) { item(b, r * 100 + i); }, 4);
  });
  for (int r = 0; r < 20; ++r)
    crus::parallel_for(
        100, [&](std::size_t i, std::size_t) { item(a, r * 100 + i); }, 4);
  other.join();
  for (std::size_t i = 0; i < a.size(); ++i) {
    ASSERT_EQ(a[i].load(), 1) << "item " << i << " of the first thread";
    ASSERT_EQ(b[i].load(), 1) << "item " << i << " of the second thread";
  }
}

} // namespace
