#version 330 core
// Every structure of the atlas: world-space position and normal for lighting.
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec3 a_colour;  // vertex colour (linear), when the mesh has them
layout(location = 3) in vec3 a_fibre;   // muscles: fibre coordinates (across, across, along; metres)
layout(location = 4) in float a_open;   // baked ambient occlusion: 1 open, 0 closed in

uniform mat4 u_model;       // identity, or the mirror for a left leg
uniform mat4 u_view;
uniform mat4 u_projection;

out vec3 v_model_pos;       // model frame (unmirrored): highlights and overlays live here
out vec3 v_view_pos;
out vec3 v_view_normal;
out vec3 v_colour;
out vec3 v_fibre;
out float v_open;

void main() {
  vec4 world = u_model * vec4(a_position, 1.0);
  vec4 view_pos = u_view * world;
  v_model_pos = a_position;
  v_colour = a_colour;
  v_fibre = a_fibre;
  v_open = a_open;
  v_view_pos = view_pos.xyz;
  // u_model is a reflection or identity, so its inverse-transpose is itself.
  v_view_normal = mat3(u_view) * (mat3(u_model) * a_normal);
  gl_Position = u_projection * view_pos;
}
