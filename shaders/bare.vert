#version 330 core
// The bench's yardstick (issue 9): the same vertex buffers drawn with the
// least a lit shader can do, to compare the real frame against.
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec3 a_normal;
uniform mat4 u_model;
uniform mat4 u_item; // the structure's rest-to-current transform, as in mesh.vert
uniform mat4 u_view;
uniform mat4 u_projection;
out vec3 v_view_normal;
void main() {
  v_view_normal = mat3(u_view) * (mat3(u_model) * (mat3(u_item) * a_normal));
  gl_Position = u_projection * u_view * u_model * (u_item * vec4(a_position, 1.0));
}
