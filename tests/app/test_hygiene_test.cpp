// Tests that cannot fail are worse than none: they report green while the
// thing they guard is gone. This test reads every test source and refuses a
// GTEST_SKIP outside the two places allowed to skip: the reference-data
// macro (../shared/reference is not part of the repository) and the
// baseline test's regeneration mode. A missing bundled asset must fail
// (CRUS_REQUIRE_BUNDLED), not skip.
#include "support/test_support.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>
#include <string>

namespace fs = std::filesystem;

namespace {

TEST(TestHygiene, OnlyReferenceDataAndBaselineRegenerationMaySkip) {
  const fs::path tests = fs::path(crus::test::source_dir()) / "tests";
  const std::set<std::string> allowed = {"support/test_support.hpp", "app/baseline_test.cpp", "app/test_hygiene_test.cpp"};
  std::vector<std::string> found;
  int files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(tests)) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    const std::string rel = fs::relative(entry.path(), tests).generic_string();
    if (rel.rfind("fuzz/", 0) == 0) continue; // fuzz targets are not gtest
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    for (int n = 1; std::getline(in, line); ++n)
      if (line.find("GTEST_SKIP") != std::string::npos && !allowed.count(rel)) found.push_back(rel + ":" + std::to_string(n));
  }
  EXPECT_GT(files, 50) << "the test sources were not found under " << tests;
  std::string list;
  for (const auto& f : found) list += "\n  " + f;
  EXPECT_TRUE(found.empty()) << "GTEST_SKIP outside the allowed places (use CRUS_REQUIRE_BUNDLED for bundled assets):" << list;
}

} // namespace
