# How every dependency is found. All of them come from the system (Debian
# packages on Linux, vcpkg.json beside this file elsewhere); none is vendored.
find_package(PkgConfig REQUIRED)
find_package(glm CONFIG REQUIRED)
find_package(glfw3 3.3 CONFIG REQUIRED)
find_package(assimp CONFIG REQUIRED)
find_package(nlohmann_json 3.10 CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(meshoptimizer CONFIG REQUIRED)
find_package(OpenGL REQUIRED COMPONENTS OpenGL EGL)
pkg_check_modules(EPOXY REQUIRED IMPORTED_TARGET epoxy)
# Debian's imgui.pc ships the GLFW and OpenGL 3 backends in libimgui.a; it
# also pulls stb through its Requires line.
pkg_check_modules(IMGUI REQUIRED IMPORTED_TARGET imgui)
pkg_check_modules(STB REQUIRED IMPORTED_TARGET stb)
# PNG encoding (core/io/png_encoder): zlib, bands deflated on threads;
# Debian zlib1g-dev.
find_package(ZLIB REQUIRED)
find_package(Threads REQUIRED)
# Study progress (core/progress_store): Debian's libsqlite3-dev.
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
# Printable documents (core/print_document): Debian's libcairo2-dev and
# libpango1.0-dev; fontconfig and pangoft2 to give Pango only the DejaVu files.
pkg_check_modules(PRINT REQUIRED IMPORTED_TARGET cairo-pdf cairo-png pangocairo pangoft2 fontconfig)

if(CRUS_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(CRUS_BUILD_BENCHMARKS)
  find_package(benchmark REQUIRED)
endif()

# glm's Debian config exports glm::glm; older ones export plain glm.
if(NOT TARGET glm::glm AND TARGET glm)
  add_library(glm::glm ALIAS glm)
endif()
# meshoptimizer's exported target name.
if(NOT TARGET meshoptimizer::meshoptimizer AND TARGET meshoptimizer)
  add_library(meshoptimizer::meshoptimizer ALIAS meshoptimizer)
endif()
