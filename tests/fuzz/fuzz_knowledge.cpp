// libFuzzer target: one knowledge file checked against the bundled schema,
// as load_knowledge does for each file of the folder.
#include "core/io/file_io.hpp"
#include "core/io/json_schema.hpp"
#include "core/anatomy/knowledge.hpp"
#include "fuzz_support.hpp"

#include <nlohmann/json.hpp>

namespace {
const crus::JsonSchema& schema() {
  static const crus::JsonSchema s(nlohmann::json::parse(crus::read_text_file(crus::assets_dir() + "/knowledge/schema.json")),
                                  "schema.json");
  return s;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  crus::fuzz::expect_input_error_only([&] {
    crus::KnowledgeBase base;
    crus::add_knowledge_text(base, schema(), crus::fuzz::text(data, size), "muscles.json");
    crus::check_knowledge(base);
  });
  return 0;
}
