# Precompiled headers: the build spent most of its time parsing the same
# few headers again in every file (nlohmann/json.hpp about 3.5 s, GoogleTest
# 2.3 s, <filesystem> and <regex> over a second each, per file, on one core
# here; docs/CI-TIME.md, "Build time"). Each target compiles them once.
# A file that needs none of them pays only for loading the result. No file
# defines a macro that changes these headers (GLM_FORCE_*, JSON_*), so
# including them first changes no meaning. -DCRUS_PCH=OFF builds without.
option(CRUS_PCH "Precompile the heavy common headers" ON)

set(CRUS_PCH_STD <algorithm> <array> <cmath> <cstdint> <cstdio> <cstdlib> <cstring> <filesystem> <fstream> <functional>
    <map> <memory> <optional> <set> <sstream> <string> <string_view> <utility> <vector>)
set(CRUS_PCH_GLM <glm/vec2.hpp> <glm/vec3.hpp> <glm/vec4.hpp> <glm/mat4x4.hpp> <glm/geometric.hpp> <glm/common.hpp>)

# crus_precompile(target header...): the target's files start from the
# given headers, compiled once for the target (with its own flags).
function(crus_precompile target)
  if(CRUS_PCH)
    target_precompile_headers(${target} PRIVATE ${ARGN})
  endif()
endfunction()
