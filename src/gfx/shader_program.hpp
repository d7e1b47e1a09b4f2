#pragma once
#include "gfx/gl.hpp"
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

namespace crus::gfx {

// The source of a shader file under shaders/: embedded at build time; a Debug
// build reads shaders/ from the source tree first so edits apply on restart.
std::string shader_source(std::string_view file_name);

class ShaderProgram {
public:
  ShaderProgram() = default;
  ShaderProgram(std::string_view vertex_file, std::string_view fragment_file); // throws RuntimeError
  // From sources already read (and perhaps rewritten); the names are for messages.
  ShaderProgram(std::string_view vertex_file, const std::string& vertex_source, std::string_view fragment_file,
                const std::string& fragment_source);
  ~ShaderProgram();
  ShaderProgram(ShaderProgram&& other) noexcept;
  ShaderProgram& operator=(ShaderProgram&& other) noexcept;
  ShaderProgram(const ShaderProgram&) = delete;
  ShaderProgram& operator=(const ShaderProgram&) = delete;

  void use() const { glUseProgram(id_); }
  bool valid() const { return id_ != 0; }
  GLint location(const char* name) const;
  void set(const char* name, int v) const { glUniform1i(location(name), v); }
  void set(const char* name, float v) const { glUniform1f(location(name), v); }
  void set(const char* name, const glm::vec3& v) const { glUniform3f(location(name), v.x, v.y, v.z); }
  void set(const char* name, const glm::vec4& v) const { glUniform4f(location(name), v.x, v.y, v.z, v.w); }
  void set(const char* name, const glm::mat4& m) const { glUniformMatrix4fv(location(name), 1, GL_FALSE, &m[0][0]); }
  void set_array(const char* name, const glm::vec4* v, int count) const { glUniform4fv(location(name), count, &v[0][0]); }
  void set_array(const char* name, const glm::vec3* v, int count) const { glUniform3fv(location(name), count, &v[0][0]); }

private:
  GLuint id_ = 0;
  mutable std::unordered_map<std::string, GLint> locations_;
};

} // namespace crus::gfx
