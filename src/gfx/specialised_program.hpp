#pragma once
// A shader program compiled in variants, one per combination of "switch"
// uniforms that are zero at draw time. In a variant, each switch that is zero
// is compiled as the constant 0, so the GLSL compiler removes the code it
// guards. Why: Mesa's llvmpipe runs both sides of every branch on a uniform
// (it masks lanes instead of jumping), so the full atlas shader paid for its
// overlay loops, the patch pass, the cut and the fascicle noise on every
// fragment of every structure, used or not (docs/PERFORMANCE.md). A GPU gains
// too: fewer registers, no dead work.
//
// Callers set uniforms as on a ShaderProgram; values are kept and uploaded to
// a variant only when they differ from what it last received, so redundant
// glUniform calls disappear as well. Call bind_for_draw() right before each
// draw call: it picks (compiling on first use) the variant for the current
// switch values and flushes the uniforms.
#include "gfx/shader_program.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace crus::gfx {

class SpecialisedProgram {
public:
  // `switches`: names of `uniform float` or `uniform int` declarations in the
  // fragment shader (at most 16). Compiles the variant with every switch
  // live at once, so a broken shader fails here; throws RuntimeError.
  SpecialisedProgram(std::string_view vertex_file, std::string_view fragment_file, std::vector<std::string> switches);
  ~SpecialisedProgram();
  SpecialisedProgram(const SpecialisedProgram&) = delete;
  SpecialisedProgram& operator=(const SpecialisedProgram&) = delete;

  void use() { bind_for_draw(); }
  void set(const char* name, int v) { store(name, v); }
  void set(const char* name, float v) { store(name, v); }
  void set(const char* name, const glm::vec3& v) { store(name, v); }
  void set(const char* name, const glm::vec4& v) { store(name, v); }
  void set(const char* name, const glm::mat4& v) { store(name, v); }
  void bind_for_draw();
  std::size_t variant_count() const { return variants_.size(); }
  // The fragment source of the variant whose switches in `live` (bit i for
  // switches[i]) stay uniforms: exposed for the tests.
  std::string variant_source(std::uint32_t live) const;

private:
  using Value = std::variant<int, float, glm::vec3, glm::vec4, glm::mat4>;
  struct Variant {
    ShaderProgram program;
    std::map<std::string, Value, std::less<>> sent;
  };
  void store(const char* name, const Value& v);
  std::uint32_t live_mask() const;
  Variant& variant(std::uint32_t live);

  std::string vertex_file_, fragment_file_, vertex_source_, fragment_source_;
  std::vector<std::string> switches_;
  std::map<std::string, Value, std::less<>> values_;
  std::map<std::uint32_t, std::unique_ptr<Variant>> variants_;
  Variant* bound_ = nullptr;
  std::uint32_t bound_mask_ = 0;
};

} // namespace crus::gfx
