#version 330 core
// The multisample resolve of an offscreen frame: each pixel the mean of its
// samples, as glBlitFramebuffer's resolve gives, in a shader a software GL
// compiles in a fraction of the time of its general blit (docs/PERFORMANCE.md).
// The rows come out top row first, the order images are written in, so the
// read-back needs no flip. SAMPLES is set when the program is built.
uniform sampler2DMS u_samples;
uniform int u_height;
out vec4 frag_colour;
void main() {
  ivec2 pixel = ivec2(int(gl_FragCoord.x), u_height - 1 - int(gl_FragCoord.y));
  vec4 sum = vec4(0.0);
  for (int i = 0; i < SAMPLES; ++i) sum += texelFetch(u_samples, pixel, i);
  frag_colour = sum * (1.0 / float(SAMPLES));
}
