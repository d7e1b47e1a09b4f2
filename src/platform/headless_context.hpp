#pragma once
// An OpenGL 3.3 core context with no window, through EGL: Mesa's surfaceless
// platform here, an EGL device on a GPU machine. Drawing goes to framebuffer
// objects made by gfx.
#include <memory>
#include <string>

namespace crus::platform {

class HeadlessContext {
public:
  // Creates and makes current. Throws RuntimeError with one line saying why.
  HeadlessContext();
  ~HeadlessContext();
  HeadlessContext(const HeadlessContext&) = delete;
  HeadlessContext& operator=(const HeadlessContext&) = delete;

  // Hands the context to another thread: release() on the thread where it is
  // current, then make_current() on the one that draws. Throws RuntimeError.
  void release();
  void make_current();

  const std::string& platform_name() const { return platform_; } // "device", "surfaceless", "default"

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::string platform_;
};

} // namespace crus::platform
