#pragma once
// Work shared out among threads (no GL): `count` independent items, each
// done once by one of up to `max_threads` threads (0: one per core, at most
// 8), the calling thread among them. `work(item, worker)` gets the worker's
// number (0..workers-1) for scratch of its own. Items are taken in order, so
// give the biggest first. The first exception thrown is rethrown here after
// every thread has stopped; the items not yet taken are then not done. A
// caller sizing scratch per worker passes parallel_workers(count) as
// `max_threads`, so both agree however many cores are online by then.
// The helper threads are kept between calls (a pose makes several calls a
// frame); a call made while another has them, such as one from inside
// `work`, starts threads of its own.
#include <cstddef>
#include <functional>

namespace crus {

std::size_t parallel_workers(std::size_t count, unsigned max_threads = 0);
void parallel_for(std::size_t count, const std::function<void(std::size_t item, std::size_t worker)>& work,
                  unsigned max_threads = 0);

} // namespace crus
