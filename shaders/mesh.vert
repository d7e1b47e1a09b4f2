#version 330 core
// Every structure of the atlas: world-space position and normal for lighting.
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
layout(location = 2) in vec3 a_colour;  // vertex colour (linear), when the mesh has them
layout(location = 3) in vec3 a_fibre;   // muscles: fibre coordinates (across, across, along; metres)
layout(location = 4) in vec3 a_rest;    // the vertex at rest (uploaded once): overlays are tested here
layout(location = 5) in float a_open;   // baked ambient occlusion: 1 open, 0 closed in

uniform mat4 u_model;       // identity, or the mirror for a left leg
uniform mat4 u_item;        // the structure's rest-to-current transform (a rigid motion; identity at rest)
uniform mat4 u_view;
uniform mat4 u_projection;

out vec3 v_model_pos;       // model frame (unmirrored), where the vertex is now: the section plane
out vec3 v_rest_pos;        // the same vertex at rest: patches, zones and hatching, so they stay on the anatomy
out vec3 v_view_pos;
out vec3 v_view_normal;
out vec3 v_colour;
out vec3 v_fibre;
out float v_open;

void main() {
  vec4 model_pos = u_item * vec4(a_position, 1.0);
  vec4 view_pos = u_view * (u_model * model_pos);
  v_model_pos = model_pos.xyz;
  v_rest_pos = a_rest;
  v_colour = a_colour;
  v_fibre = a_fibre;
  v_open = a_open;
  v_view_pos = view_pos.xyz;
  // u_model is a reflection or identity and u_item a rotation with a shift,
  // so each one's inverse-transpose is itself.
  v_view_normal = mat3(u_view) * (mat3(u_model) * (mat3(u_item) * a_normal));
  gl_Position = u_projection * view_pos;
}
