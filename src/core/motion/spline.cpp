#include "core/motion/spline.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace crus::motion {

CubicSpline::CubicSpline(std::vector<double> x, std::vector<double> y) : x_(std::move(x)), y_(std::move(y)) {
  const std::size_t n = x_.size();
  if (n < 2 || y_.size() != n) throw std::invalid_argument("a spline needs at least two knots and one value per knot");
  for (std::size_t i = 0; i < n; ++i) {
    if (!std::isfinite(x_[i]) || !std::isfinite(y_[i])) throw std::invalid_argument("spline knots and values must be finite");
    if (i > 0 && !(x_[i] > x_[i - 1])) throw std::invalid_argument("spline knots must increase strictly");
  }
  const std::size_t last = n - 1;
  std::vector<double> h(last), m(n, 0.0), diag(n, 1.0), rhs(n, 0.0), upper(n, 0.0), lower(n, 0.0);
  for (std::size_t i = 0; i < last; ++i) h[i] = x_[i + 1] - x_[i];
  // Second derivatives m_i: m_0 = m_last = 0, continuity of the slope inside.
  for (std::size_t i = 1; i < last; ++i) {
    lower[i] = h[i - 1];
    diag[i] = 2.0 * (h[i - 1] + h[i]);
    upper[i] = h[i];
    rhs[i] = 6.0 * ((y_[i + 1] - y_[i]) / h[i] - (y_[i] - y_[i - 1]) / h[i - 1]);
  }
  for (std::size_t i = 1; i < n; ++i) { // Thomas algorithm: diagonally dominant, no pivoting needed
    const double t = lower[i] / diag[i - 1];
    diag[i] -= t * upper[i - 1];
    rhs[i] -= t * rhs[i - 1];
  }
  m[last] = rhs[last] / diag[last];
  for (std::size_t i = last; i-- > 0;) m[i] = (rhs[i] - upper[i] * m[i + 1]) / diag[i];
  b_.assign(n, 0.0);
  c_.assign(n, 0.0);
  d_.assign(n, 0.0);
  for (std::size_t i = 0; i < last; ++i) {
    b_[i] = (y_[i + 1] - y_[i]) / h[i] - h[i] * (2.0 * m[i] + m[i + 1]) / 6.0;
    c_[i] = m[i] / 2.0;
    d_[i] = (m[i + 1] - m[i]) / (6.0 * h[i]);
  }
  const double hl = h[last - 1];
  b_[last] = b_[last - 1] + 2.0 * c_[last - 1] * hl + 3.0 * d_[last - 1] * hl * hl; // slope at the last knot
}

double CubicSpline::operator()(double x) const {
  if (x_.empty()) return 0.0;
  const std::size_t last = x_.size() - 1;
  if (x <= x_[0]) return y_[0] + (x - x_[0]) * b_[0];
  if (x >= x_[last]) return y_[last] + (x - x_[last]) * b_[last];
  const auto i = static_cast<std::size_t>(std::upper_bound(x_.begin(), x_.end(), x) - x_.begin()) - 1;
  const double dx = x - x_[i];
  return y_[i] + dx * (b_[i] + dx * (c_[i] + dx * d_[i]));
}

} // namespace crus::motion
