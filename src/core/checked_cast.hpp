#pragma once
// The one checked conversion for numbers that come from input (CLI options,
// JSON files, settings). A plain static_cast<float>(1e39) gives infinity and
// static_cast<int>(1e300) is undefined behaviour, and no sanitizer reports
// either; these throw an InputError naming `where` instead.
#include "core/error.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <type_traits>
#include <utility>

namespace crus {

namespace detail {
inline std::string number_text(double v) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}
} // namespace detail

// `To` is a float type or an integer type. NaN and infinities are refused
// unless allow_non_finite (float targets only); integers must be whole
// numbers within the target's range.
template <typename To, typename From>
To checked_narrow(From value, const std::string& where, bool allow_non_finite = false) {
  static_assert(std::is_arithmetic_v<To> && std::is_arithmetic_v<From>);
  if constexpr (std::is_floating_point_v<From>) {
    const auto v = static_cast<long double>(value);
    if (!std::isfinite(value)) {
      if (allow_non_finite && std::is_floating_point_v<To>) return static_cast<To>(value);
      throw InputError(where, "expected a finite number, got " + detail::number_text(static_cast<double>(value)));
    }
    if constexpr (std::is_floating_point_v<To>) {
      if (std::fabs(v) > static_cast<long double>(std::numeric_limits<To>::max()))
        throw InputError(where, detail::number_text(static_cast<double>(value)) + " is out of range (at most " +
                                    detail::number_text(static_cast<double>(std::numeric_limits<To>::max())) + ")");
      return static_cast<To>(value);
    } else {
      if (std::trunc(v) != v)
        throw InputError(where, "expected a whole number, got " + detail::number_text(static_cast<double>(value)));
      if (v < static_cast<long double>(std::numeric_limits<To>::min()) ||
          v > static_cast<long double>(std::numeric_limits<To>::max()))
        throw InputError(where, detail::number_text(static_cast<double>(value)) + " is out of range (" +
                                    std::to_string(std::numeric_limits<To>::min()) + " to " +
                                    std::to_string(std::numeric_limits<To>::max()) + ")");
      return static_cast<To>(value);
    }
  } else {
    // Integer source.
    if constexpr (std::is_floating_point_v<To>) {
      return static_cast<To>(value);
    } else {
      if (!std::in_range<To>(value))
        throw InputError(where, std::to_string(value) + " is out of range (" + std::to_string(std::numeric_limits<To>::min()) +
                                    " to " + std::to_string(std::numeric_limits<To>::max()) + ")");
      return static_cast<To>(value);
    }
  }
}

} // namespace crus
