#include "platform/headless_context.hpp"

#include "core/error.hpp"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace crus::platform {

struct HeadlessContext::Impl {
  EGLDisplay display = EGL_NO_DISPLAY;
  EGLContext context = EGL_NO_CONTEXT;
};

namespace {

bool has_extension(const char* list, const char* name) {
  if (!list) return false;
  std::size_t n = std::strlen(name);
  for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += n)
    if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
  return false;
}

EGLDisplay try_initialise(EGLDisplay d) {
  if (d == EGL_NO_DISPLAY) return d;
  EGLint major = 0, minor = 0;
  if (eglInitialize(d, &major, &minor) != EGL_TRUE) return EGL_NO_DISPLAY;
  return d;
}

} // namespace

HeadlessContext::HeadlessContext() : impl_(std::make_unique<Impl>()) {
  const char* client_ext = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
  auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));

  // A GPU through an EGL device first (CRUS_EGL_PLATFORM=surfaceless skips
  // it), then Mesa's surfaceless platform, then whatever is the default.
  const char* wanted = std::getenv("CRUS_EGL_PLATFORM");
  std::string want = wanted ? wanted : "";
  if (get_platform_display && (want.empty() || want == "device") && has_extension(client_ext, "EGL_EXT_platform_device")) {
    auto query_devices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(eglGetProcAddress("eglQueryDevicesEXT"));
    auto query_device_string = reinterpret_cast<PFNEGLQUERYDEVICESTRINGEXTPROC>(eglGetProcAddress("eglQueryDeviceStringEXT"));
    EGLint count = 0;
    if (query_devices && query_devices(0, nullptr, &count) == EGL_TRUE && count > 0) {
      std::vector<EGLDeviceEXT> devices(static_cast<std::size_t>(count));
      query_devices(count, devices.data(), &count);
      for (EGLint i = 0; i < count && impl_->display == EGL_NO_DISPLAY; ++i) {
        // Mesa lists a software device too; prefer a real one here and let
        // the surfaceless path pick up llvmpipe.
        const char* ext = query_device_string ? query_device_string(devices[i], EGL_EXTENSIONS) : nullptr;
        if (has_extension(ext, "EGL_MESA_device_software")) continue;
        impl_->display = try_initialise(get_platform_display(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr));
        if (impl_->display != EGL_NO_DISPLAY) platform_ = "device";
      }
    }
  }
  if (impl_->display == EGL_NO_DISPLAY && get_platform_display && (want.empty() || want == "surfaceless") &&
      has_extension(client_ext, "EGL_MESA_platform_surfaceless")) {
    impl_->display = try_initialise(get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr));
    if (impl_->display != EGL_NO_DISPLAY) platform_ = "surfaceless";
  }
  if (impl_->display == EGL_NO_DISPLAY) {
    impl_->display = try_initialise(eglGetDisplay(EGL_DEFAULT_DISPLAY));
    if (impl_->display != EGL_NO_DISPLAY) platform_ = "default";
  }
  if (impl_->display == EGL_NO_DISPLAY)
    throw RuntimeError("headless OpenGL: no EGL display could be initialised (install libegl-mesa0 and libgl1-mesa-dri)");

  if (eglBindAPI(EGL_OPENGL_API) != EGL_TRUE) throw RuntimeError("headless OpenGL: EGL cannot bind the desktop OpenGL API");
  const EGLint config_attribs[] = {EGL_SURFACE_TYPE,
                                   EGL_PBUFFER_BIT,
                                   EGL_RENDERABLE_TYPE,
                                   EGL_OPENGL_BIT,
                                   EGL_RED_SIZE,
                                   8,
                                   EGL_GREEN_SIZE,
                                   8,
                                   EGL_BLUE_SIZE,
                                   8,
                                   EGL_DEPTH_SIZE,
                                   24,
                                   EGL_NONE};
  EGLConfig config = nullptr;
  EGLint n = 0;
  if (eglChooseConfig(impl_->display, config_attribs, &config, 1, &n) != EGL_TRUE || n == 0) {
    // Surfaceless displays may offer configs without pbuffer support.
    const EGLint bare[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
    if (eglChooseConfig(impl_->display, bare, &config, 1, &n) != EGL_TRUE || n == 0) config = nullptr;
  }
  const EGLint context_attribs[] = {
      EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
      EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  impl_->context = eglCreateContext(impl_->display, config, EGL_NO_CONTEXT, context_attribs);
  if (impl_->context == EGL_NO_CONTEXT)
    throw RuntimeError("headless OpenGL: the EGL display cannot make an OpenGL 3.3 core context");
  if (eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context) != EGL_TRUE)
    throw RuntimeError("headless OpenGL: cannot make the context current without a surface");
}

void HeadlessContext::release() {
  if (eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT) != EGL_TRUE)
    throw RuntimeError("headless OpenGL: cannot release the context from this thread");
}

void HeadlessContext::make_current() {
  if (eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, impl_->context) != EGL_TRUE)
    throw RuntimeError("headless OpenGL: cannot make the context current on this thread");
}

HeadlessContext::~HeadlessContext() {
  if (impl_->display != EGL_NO_DISPLAY) {
    eglMakeCurrent(impl_->display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    if (impl_->context != EGL_NO_CONTEXT) eglDestroyContext(impl_->display, impl_->context);
    // The display stays initialised: EGL displays belong to the process, a
    // later context reuses it cheaply, and the driver stays loaded (so the
    // leak checker can name Mesa's own one-off allocations).
    eglReleaseThread();
  }
}

} // namespace crus::platform
