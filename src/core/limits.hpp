#pragma once
// Input limits: every loader refuses input beyond these with an InputError
// naming the file, the line and the limit, before any work that grows with
// the input. They sit far above anything the bundled assets need (see the
// "Limits" section of docs/ARCHITECTURE.md for each value and why) and far
// below what could exhaust the stack, memory or time.
#include <cstddef>

namespace crus::limits {

// JSON text (atlas manifest, atlas map, knowledge, schemas, trigger points,
// red flags, settings). The largest bundled file is 70 KB.
inline constexpr std::size_t kJsonFileBytes = std::size_t{16} << 20;
// Arrays and objects inside each other. The bundled files nest 9 deep at
// most; nlohmann-json, the line map and the schema checker recurse (or keep
// a frame) per level, so the bound keeps stack and memory small.
inline constexpr int kJsonDepth = 64;
// The line index of one JSON file (core/io/json_schema.hpp) keeps a path per
// value; past this many bytes of paths it stops recording (lines fall back
// to the nearest ancestor) instead of growing with depth times size.
inline constexpr std::size_t kJsonLineMapBytes = std::size_t{64} << 20;
// One JSON string (a key or a value), in bytes. The longest bundled text is
// about 1 KB; ids and names are far shorter.
inline constexpr std::size_t kJsonStringBytes = std::size_t{64} << 10;
// A JSON Schema `pattern`, in bytes, and the groups it may nest.
inline constexpr std::size_t kSchemaPatternBytes = 256;
inline constexpr int kSchemaPatternGroupDepth = 8;

// Images written by render, bench and handout: each side, and the pixels in
// all. Offscreen frames are 4x multisampled: at the budget the colour and
// depth buffers take about 2.4 GB of (often system) memory; 16384x16384
// would need about 9 GB.
inline constexpr int kImageSideMin = 16;
inline constexpr int kImageSideMax = 16384;
inline constexpr long long kImagePixels = 8192LL * 8192LL;

// A point given on the command line (--at X,Y,Z, metres in the model frame):
// the leg spans well under a metre, so anything beyond this is a typo or a
// unit mix-up; 1e20 would also lose all float precision in the skin search.
inline constexpr double kPointCoordinateMetres = 100.0;

} // namespace crus::limits
