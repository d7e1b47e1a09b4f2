#pragma once
// A natural cubic spline (zero second derivative at both ends) through a set
// of knots: the form in which the knee's published coupling functions
// (Rajagopal et al. 2016, OpenSim "SimmSpline") are given in the reference
// extraction. With these end conditions the chain reproduces the reference's
// sampled knee and patella transforms to 0.002 mm, where a spline with
// Forsythe-Malcolm-Moler end conditions was off by 2.8 mm at 5 degrees.
// Outside the knots the value continues along the end tangent, so moment
// arms can be differenced just past the ends of the range.
#include <vector>

namespace crus::motion {

class CubicSpline {
public:
  CubicSpline() = default;
  // Throws std::invalid_argument unless x is strictly increasing, x and y
  // have the same size (at least two) and every value is finite.
  CubicSpline(std::vector<double> x, std::vector<double> y);
  double operator()(double x) const;
  bool empty() const { return x_.empty(); }

private:
  // On [x_i, x_i+1]: y_i + b_i dx + c_i dx^2 + d_i dx^3.
  std::vector<double> x_, y_, b_, c_, d_;
};

} // namespace crus::motion
