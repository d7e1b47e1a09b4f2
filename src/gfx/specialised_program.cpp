#include "gfx/specialised_program.hpp"

#include "core/error.hpp"

#include <regex>

namespace crus::gfx {

SpecialisedProgram::SpecialisedProgram(std::string_view vertex_file, std::string_view fragment_file,
                                       std::vector<std::string> switches)
    : vertex_file_(vertex_file), fragment_file_(fragment_file), vertex_source_(shader_source(vertex_file)),
      fragment_source_(shader_source(fragment_file)), switches_(std::move(switches)) {
  if (switches_.size() > 16) throw RuntimeError("too many shader switches for " + fragment_file_);
  for (const auto& name : switches_) {
    const std::regex decl("uniform\\s+(float|int)\\s+" + name + "\\s*;");
    if (!std::regex_search(fragment_source_, decl))
      throw RuntimeError("shader " + fragment_file_ + " declares no uniform float or int " + name);
  }
  variant((1u << switches_.size()) - 1u); // everything live: the shader as written
}

SpecialisedProgram::~SpecialisedProgram() = default;

std::string SpecialisedProgram::variant_source(std::uint32_t live) const {
  std::string src = fragment_source_;
  for (std::size_t i = 0; i < switches_.size(); ++i) {
    if (live & (1u << i)) continue;
    const std::regex decl("uniform\\s+(float|int)\\s+" + switches_[i] + "\\s*;");
    std::smatch m;
    if (!std::regex_search(src, m, decl)) continue;
    const std::string zero = m[1] == "float" ? "0.0" : "0";
    src = std::string(m.prefix()) + "const " + std::string(m[1]) + " " + switches_[i] + " = " + zero + ";" +
          std::string(m.suffix());
  }
  return src;
}

SpecialisedProgram::Variant& SpecialisedProgram::variant(std::uint32_t live) {
  auto it = variants_.find(live);
  if (it != variants_.end()) return *it->second;
  auto v = std::make_unique<Variant>();
  v->program = ShaderProgram(vertex_file_, vertex_source_, fragment_file_, variant_source(live));
  return *variants_.emplace(live, std::move(v)).first->second;
}

void SpecialisedProgram::store(const char* name, const Value& v) {
  auto it = values_.find(std::string_view(name));
  if (it == values_.end()) values_.emplace(name, v);
  else it->second = v;
}

std::uint32_t SpecialisedProgram::live_mask() const {
  std::uint32_t mask = 0;
  for (std::size_t i = 0; i < switches_.size(); ++i) {
    auto it = values_.find(switches_[i]);
    bool zero = it != values_.end() && std::visit(
                                           [](const auto& x) {
                                             using T = std::decay_t<decltype(x)>;
                                             if constexpr (std::is_same_v<T, int> || std::is_same_v<T, float>) return x == T(0);
                                             else return false;
                                           },
                                           it->second);
    if (!zero) mask |= 1u << i; // unset or non-zero: keep it a uniform
  }
  return mask;
}

void SpecialisedProgram::bind_for_draw() {
  const std::uint32_t mask = live_mask();
  if (!bound_ || mask != bound_mask_) {
    bound_ = &variant(mask);
    bound_mask_ = mask;
  }
  bound_->program.use();
  for (const auto& [name, value] : values_) {
    auto sent = bound_->sent.find(name);
    if (sent != bound_->sent.end() && sent->second == value) continue;
    const char* n = name.c_str();
    std::visit([&](const auto& x) { bound_->program.set(n, x); }, value);
    if (sent == bound_->sent.end()) bound_->sent.emplace(name, value);
    else sent->second = value;
  }
}

} // namespace crus::gfx
