// The knee's coupling functions are natural cubic splines.
#include "core/motion/spline.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

using crus::motion::CubicSpline;

TEST(MotionSpline, PassesThroughItsKnotsAndIsExactForStraightLines) {
  CubicSpline s({0.0, 0.5, 1.5, 2.0}, {1.0, -2.0, 0.5, 3.0});
  EXPECT_NEAR(s(0.0), 1.0, 1e-12);
  EXPECT_NEAR(s(0.5), -2.0, 1e-12);
  EXPECT_NEAR(s(1.5), 0.5, 1e-12);
  EXPECT_NEAR(s(2.0), 3.0, 1e-12);
  CubicSpline line({0.0, 1.0, 3.0, 4.0}, {2.0, 5.0, 11.0, 14.0});
  for (double x : {-1.0, 0.3, 2.2, 3.9, 5.0}) EXPECT_NEAR(line(x), 2.0 + 3.0 * x, 1e-12) << x;
}

TEST(MotionSpline, NaturalEndsHaveNoCurvature) {
  CubicSpline s({0.0, 1.0, 2.0, 3.0, 4.0}, {0.0, 1.0, 0.0, 1.0, 0.0});
  const double h = 1e-4;
  auto second = [&](double x) { return (s(x + h) - 2.0 * s(x) + s(x - h)) / (h * h); };
  EXPECT_NEAR(second(h), 0.0, 1e-2);       // just inside the first knot
  EXPECT_NEAR(second(4.0 - h), 0.0, 1e-2); // and the last
  EXPECT_GT(std::abs(second(2.0)), 1.0);   // curved inside
  // Continuous slope across a knot.
  EXPECT_NEAR((s(1.0 + h) - s(1.0)) / h, (s(1.0) - s(1.0 - h)) / h, 1e-3);
}

TEST(MotionSpline, RejectsBadKnots) {
  EXPECT_THROW(CubicSpline({0.0}, {1.0}), std::invalid_argument);
  EXPECT_THROW(CubicSpline({0.0, 1.0}, {1.0}), std::invalid_argument);
  EXPECT_THROW(CubicSpline({0.0, 0.0, 1.0}, {1.0, 2.0, 3.0}), std::invalid_argument);
  EXPECT_THROW(CubicSpline({0.0, NAN}, {1.0, 2.0}), std::invalid_argument);
}
