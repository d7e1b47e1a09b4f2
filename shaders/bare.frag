#version 330 core
// One directional light and a constant colour: the bench's bare draw.
in vec3 v_view_normal;
uniform vec3 u_colour;
out vec4 frag_colour;
void main() {
  float key = max(dot(normalize(v_view_normal), normalize(vec3(0.45, 0.65, 0.6))), 0.0);
  frag_colour = vec4(u_colour * (0.25 + 0.75 * key), 1.0);
}
