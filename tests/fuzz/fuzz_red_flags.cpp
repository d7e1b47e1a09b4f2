// libFuzzer target: red_flags.json.
#include "core/anatomy/red_flags.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crus::fuzz::expect_input_error_only([&] { crus::parse_red_flags(crus::fuzz::text(data, size), "red_flags.json"); });
  return 0;
}
