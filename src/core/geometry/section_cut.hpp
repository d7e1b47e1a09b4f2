#pragma once
// The model cut at a section plane, for drawing it in 3D: each structure
// keeps what lies below the plane and gets a filled cap over its cut, made
// on the CPU from the slicer's contours. Plain C++: no GL.
#include "core/geometry/cross_section.hpp"
#include "core/geometry/mesh.hpp"

namespace crus {

struct Scene;

// The part of `mesh` below the plane; triangles that cross it are split at
// the plane (positions, normals, fibres and colours interpolated).
Mesh clip_below(const Mesh& mesh, const SectionPlane& plane);

// The section's loops triangulated (holes kept) and placed on the plane,
// facing along its normal, `offset` metres along it. When the loops carry
// colours (the mesh had vertex colours), the cap's vertices take them.
// Fibres are zero when asked for.
Mesh section_cap(const MeshSection& section, const SectionPlane& plane, const glm::vec3& colour, double offset = 0.0,
                 bool with_fibres = false);

// Cuts every structure of `scene` at the plane: what lies above is removed,
// each cut is capped in the structure's colour. The skin becomes opaque and
// its cap lies 0.4 mm below the plane, so the caps of what it holds show over
// it and the cut reads as a solid slice. Structures wholly above the plane
// are removed; the scene's boxes are recomputed.
void cut_scene(Scene& scene, const SectionPlane& plane);

} // namespace crus
