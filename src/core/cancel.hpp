#pragma once
// A request, from another thread, that a long computation stop: the soft
// tissue's bind (seconds on the full atlas, core/motion) runs on a worker
// while the viewer may close or open another atlas. The work looks at the
// token between its stages and every kCancelStride items inside them (the
// vertices of a structure, the nodes of a bone's pick hierarchy), so it stops
// within milliseconds; what it had made is then unusable and its caller
// drops it. Here, not in core/motion, because core/geometry's PickIndex
// build is one of those stages.
#include <atomic>
#include <cstddef>

namespace crus {

// Vertices (or other items of a loop) between two looks at the token: a few
// milliseconds of the slowest loop (nearest-point searches), a negligible
// cost for the fastest.
inline constexpr std::size_t kCancelStride = 256;

class CancelToken {
public:
  void cancel() noexcept { flag_.store(true, std::memory_order_relaxed); }
  // Once the work that saw the cancel has been joined: the token can serve the next.
  void reset() noexcept { flag_.store(false, std::memory_order_relaxed); }
  bool cancelled() const noexcept { return flag_.load(std::memory_order_relaxed); }

private:
  std::atomic<bool> flag_{false};
};

// Whether `token` (null: never) asks to stop.
inline bool cancelled(const CancelToken* token) noexcept { return token && token->cancelled(); }
// The same, looked at only every kCancelStride-th value of a loop's index.
inline bool cancelled_at(const CancelToken* token, std::size_t i) noexcept {
  return token && i % kCancelStride == 0 && token->cancelled();
}

} // namespace crus
