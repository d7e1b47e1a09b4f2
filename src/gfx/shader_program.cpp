#include "gfx/shader_program.hpp"

#include "core/error.hpp"

#include <fstream>
#include <sstream>
#include <utility>

namespace crus::gfx {

extern const std::pair<std::string_view, std::string_view> kEmbeddedShaders[];
extern const int kEmbeddedShaderCount;

std::string shader_source(std::string_view file_name) {
#ifdef CRUS_SHADER_RELOAD
  std::ifstream in(std::string(CRUS_SOURCE_DIR) + "/shaders/" + std::string(file_name));
  if (in) {
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
#endif
  for (int i = 0; i < kEmbeddedShaderCount; ++i)
    if (kEmbeddedShaders[i].first == file_name) return std::string(kEmbeddedShaders[i].second);
  throw RuntimeError("shader " + std::string(file_name) + " is not embedded in this build");
}

namespace {
GLuint compile(GLenum stage, std::string_view file_name, const std::string& src) {
  GLuint s = glCreateShader(stage);
  const char* p = src.c_str();
  glShaderSource(s, 1, &p, nullptr);
  glCompileShader(s);
  GLint ok = GL_FALSE;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    char log[2048] = {0};
    glGetShaderInfoLog(s, sizeof log - 1, nullptr, log);
    glDeleteShader(s);
    throw RuntimeError("shader " + std::string(file_name) + " does not compile: " + log);
  }
  return s;
}
} // namespace

ShaderProgram::ShaderProgram(std::string_view vertex_file, std::string_view fragment_file)
    : ShaderProgram(vertex_file, shader_source(vertex_file), fragment_file, shader_source(fragment_file)) {}

ShaderProgram::ShaderProgram(std::string_view vertex_file, const std::string& vertex_source, std::string_view fragment_file,
                             const std::string& fragment_source) {
  GLuint vs = compile(GL_VERTEX_SHADER, vertex_file, vertex_source);
  GLuint fs = 0;
  try {
    fs = compile(GL_FRAGMENT_SHADER, fragment_file, fragment_source);
  } catch (...) {
    glDeleteShader(vs);
    throw;
  }
  id_ = glCreateProgram();
  glAttachShader(id_, vs);
  glAttachShader(id_, fs);
  glLinkProgram(id_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    char log[2048] = {0};
    glGetProgramInfoLog(id_, sizeof log - 1, nullptr, log);
    glDeleteProgram(id_);
    id_ = 0;
    throw RuntimeError("shaders " + std::string(vertex_file) + " + " + std::string(fragment_file) + " do not link: " + log);
  }
}

ShaderProgram::~ShaderProgram() {
  if (id_) glDeleteProgram(id_);
}

ShaderProgram::ShaderProgram(ShaderProgram&& other) noexcept { *this = std::move(other); }

ShaderProgram& ShaderProgram::operator=(ShaderProgram&& other) noexcept {
  if (this != &other) {
    if (id_) glDeleteProgram(id_);
    id_ = std::exchange(other.id_, 0);
    locations_ = std::move(other.locations_);
  }
  return *this;
}

GLint ShaderProgram::location(const char* name) const {
  auto it = locations_.find(name);
  if (it != locations_.end()) return it->second;
  GLint loc = glGetUniformLocation(id_, name);
  locations_.emplace(name, loc);
  return loc;
}

} // namespace crus::gfx
