#pragma once
// A small, fully specified pseudo-random generator for reproducible quizzes.
// `crus quiz --seed N` must print the same questions on every platform and
// compiler, which std::uniform_int_distribution and std::shuffle do not
// promise (their algorithms are implementation-defined). Everything here is
// integer arithmetic on uint64_t with results defined by this file alone:
//
//   SplitMix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number
//   generators", OOPSLA 2014; the constants of Vigna's reference code):
//     state += 0x9E3779B97F4A7C15
//     z = state
//     z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
//     z = (z ^ (z >> 27)) * 0x94D049BB133111EB
//     return z ^ (z >> 31)
//   below(n), n >= 1: draw r until r >= (2^64 - n) mod n, return r mod n
//     (rejection, so every value in [0, n) is exactly equally likely).
//   shuffle: Fisher-Yates from the back: for i = size-1 down to 1,
//     swap(v[i], v[below(i + 1)]).
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace crus {

class SplitMix64 {
public:
  explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, n); n == 0 gives 0 without drawing.
  std::uint64_t below(std::uint64_t n);

  template <class T>
  void shuffle(std::vector<T>& v) {
    for (std::size_t i = v.size(); i > 1; --i) {
      std::size_t j = static_cast<std::size_t>(below(i));
      if (j != i - 1) std::swap(v[i - 1], v[j]);
    }
  }

private:
  std::uint64_t state_;
};

// FNV-1a, 64 bit (offset basis 0xCBF29CE484222325, prime 0x100000001B3),
// continuing from `hash`: a stable fingerprint for the knowledge version.
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = 0xCBF29CE484222325ull);

} // namespace crus
