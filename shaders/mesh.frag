#version 330 core
// Lighting fit for anatomy: a key and a fill light fixed to the viewer, a
// hemispheric ambient (sky above, warm ground below), Blinn-Phong specular,
// then linear-to-sRGB output. Overlays are tested against each vertex's rest
// position (v_rest_pos), so they move with the structure they lie on.
in vec3 v_model_pos;
in vec3 v_rest_pos;
in vec3 v_view_pos;
in vec3 v_view_normal;
in vec3 v_colour;
in vec3 v_fibre;
in float v_open;

uniform vec4 u_colour;          // linear RGB, alpha
uniform float u_vertex_colour;  // 1: the vertex colours replace u_colour.rgb (a muscle's pale tendons)
uniform float u_striation;      // 1: shade fine streaks along the fibres (muscle fascicles)
uniform float u_specular;       // 0..1 (the Blinn-Phong exponent is 32: see main)
uniform vec3 u_emphasis;        // added glow (selection, hover)
uniform float u_rim;            // rim light strength (selection outline feel)
// The model's up direction in the view frame, normalised (the hemisphere
// light's axis): made once per frame on the CPU, since a software rasteriser
// would otherwise redo it for every fragment.
uniform vec3 u_up_view;

// Overlays live in one texture buffer, three texels each (core/overlay_pack):
// a patch is (a, radius) (b, -) (colour, -), a capsule in the rest frame; a
// referral zone is (a, kind) (b, radius) (colour, essential), where kind 0 is
// an ellipsoid (a centre, b radii) and 1 a capsule. Each draw item reads its
// own ranges, so there is no fixed count.
uniform samplerBuffer u_overlays;
uniform int u_patch_first;
uniform int u_patch_count;
uniform int u_zone_first;
uniform int u_zone_count;
vec4 overlay_texel(int shape, int k) { return texelFetch(u_overlays, 3 * shape + k); }
// 1: the patch pass drawn over everything else: only the patches and a pale
// halo round them are drawn, the rest of the surface is discarded.
uniform float u_patch_only;

uniform float u_hatch_scale; // referral spillover: hatching lines per metre

// The section plane (model frame): what lies above it, dot(u_clip, p) > 0,
// is cut away when u_clip_on is 1. The caps over the cut are drawn unlit
// (u_unlit 1) in the structures' own colours, like a page of a
// cross-sectional atlas.
uniform vec4 u_clip;
uniform float u_clip_on;
uniform float u_unlit;
// 1: the baked ambient occlusion darkens the ambient light and half of the
// direct light (folds, the popliteal fossa, the clefts between tendons).
uniform float u_occlusion;

out vec4 frag_colour;

// Linear to sRGB. Above the linear toe, a fifth-degree polynomial in sqrt(c)
// fits 1.055 c^(1/2.4) - 0.055 within a tenth of one 8-bit step over [0, 1]
// (a minimax fit, checked numerically; docs/PERFORMANCE.md): one square root
// per channel. pow is a log and an exp per channel, and every fragment pays
// for it on a software rasteriser.
vec3 to_srgb(vec3 c) {
  c = clamp(c, 0.0, 1.0);
  vec3 s = sqrt(c);
  vec3 curve = ((((0.517310162 * s - 1.623673828) * s + 2.031584986) * s - 1.402738679) * s + 1.517950830) * s - 0.040109592;
  return mix(c * 12.92, curve, step(0.0031308, c));
}

// Value noise on the integer lattice, smoothly interpolated. Each corner's
// value is an integer hash (multiply, xor, shift), not a sine: a software
// rasteriser evaluates a sine as a long polynomial, eight per fragment.
float corner(uint hx, uint hy, uint hz) {
  uint h = hx ^ hy ^ hz;
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  h *= 0x846ca68bu;
  h ^= h >> 16;
  return float(h >> 8) * (1.0 / 16777216.0);
}
float value_noise(vec3 x) {
  vec3 i = floor(x);
  vec3 f = x - i;
  f = f * f * (3.0 - 2.0 * f);
  uvec3 u = uvec3(ivec3(i));
  const uvec3 k = uvec3(0x8da6b343u, 0xd8163841u, 0xcb1ab31fu);
  uvec3 h0 = u * k;
  uvec3 h1 = h0 + k;
  float a = mix(corner(h0.x, h0.y, h0.z), corner(h1.x, h0.y, h0.z), f.x);
  float b = mix(corner(h0.x, h1.y, h0.z), corner(h1.x, h1.y, h0.z), f.x);
  float c = mix(corner(h0.x, h0.y, h1.z), corner(h1.x, h0.y, h1.z), f.x);
  float d = mix(corner(h0.x, h1.y, h1.z), corner(h1.x, h1.y, h1.z), f.x);
  return mix(mix(a, b, f.y), mix(c, d, f.y), f.z);
}

// Fascicles: noise in the muscle's straightened frame, stretched along the
// fibres (streaks about 2 mm across and 3 cm long), faded out where a streak
// would be narrower than a pixel.
float striation(vec3 fibre) {
  vec3 q = vec3(fibre.xy * 480.0, fibre.z * 30.0);
  float fade = clamp(1.6 - 1.2 * length(fwidth(q)), 0.0, 1.0);
  return (value_noise(q) - 0.5) * fade;
}

float capsule_distance(vec3 p, vec3 a, vec3 b, float r) {
  vec3 ab = b - a;
  float t = clamp(dot(p - a, ab) / max(dot(ab, ab), 1e-12), 0.0, 1.0);
  return length(p - (a + t * ab)) - r;
}

void main() {
  if (u_clip_on > 0.5 && dot(u_clip, vec4(v_model_pos, 1.0)) > 0.0) discard;
  if (u_unlit > 0.5) {
    frag_colour = vec4(to_srgb(mix(u_colour.rgb, v_colour, u_vertex_colour)), 1.0);
    return;
  }
  vec3 n = normalize(v_view_normal);
  vec3 v = normalize(-v_view_pos);
  if (!gl_FrontFacing) n = -n; // two-sided: the inside of translucent skin

  vec3 base = mix(u_colour.rgb, v_colour, u_vertex_colour);
  if (u_striation > 0.5) base *= 1.0 + 0.45 * striation(v_fibre);
  float alpha = u_colour.a;

  // Attachment patches glow on the bone surface: painted and self-lit, so
  // they stay saturated under the translucent muscle drawn over them.
  float glow = 0.0;
  vec3 glow_colour = vec3(0.0);
  for (int i = 0; i < u_patch_count; ++i) {
    vec4 pa = overlay_texel(u_patch_first + i, 0);
    vec3 pcolour = overlay_texel(u_patch_first + i, 2).rgb;
    float d = capsule_distance(v_rest_pos, pa.xyz, overlay_texel(u_patch_first + i, 1).xyz, pa.w);
    float inside = 1.0 - smoothstep(-0.0008, 0.0008, d);
    base = mix(base, pcolour, inside);
    glow_colour = mix(glow_colour, pcolour, inside);
    glow = max(glow, inside);
  }

  if (u_patch_only > 0.5) {
    // The nearest patch and a halo about 3 pixels wide (at least 1 mm) round
    // it, so the patch reads on a red muscle as well as on a pale bone.
    float nearest = 1e9;
    vec3 nearest_colour = vec3(1.0);
    for (int i = 0; i < u_patch_count; ++i) {
      vec4 pa = overlay_texel(u_patch_first + i, 0);
      float d = capsule_distance(v_rest_pos, pa.xyz, overlay_texel(u_patch_first + i, 1).xyz, pa.w);
      if (d < nearest) {
        nearest = d;
        nearest_colour = overlay_texel(u_patch_first + i, 2).rgb;
      }
    }
    float halo = max(0.001, 3.0 * fwidth(nearest));
    if (nearest > halo) discard;
    float key_light = max(dot(n, normalize(vec3(0.45, 0.65, 0.6))), 0.0);
    // Squared: the palette is picked as the sRGB colours the legend shows.
    vec3 lit_patch = nearest_colour * nearest_colour * (0.85 + 0.25 * key_light);
    float in_patch = 1.0 - smoothstep(-0.0004, 0.0004, nearest);
    vec3 c = mix(vec3(1.0, 0.98, 0.92), lit_patch, in_patch);
    float a = mix(0.85 * (1.0 - smoothstep(0.3 * halo, halo, nearest)), 1.0, in_patch);
    frag_colour = vec4(to_srgb(c), a);
    return;
  }

  // Referral zones: essential solid, spillover hatched.
  for (int i = 0; i < u_zone_count; ++i) {
    vec4 za = overlay_texel(u_zone_first + i, 0);
    vec4 zb = overlay_texel(u_zone_first + i, 1);
    vec4 zc = overlay_texel(u_zone_first + i, 2);
    float d;
    if (za.w < 0.5) {
      // The same first-order ellipsoid distance as core/trigger_points.cpp,
      // so what is painted is what the lookup finds.
      vec3 r = max(zb.xyz, vec3(1e-5));
      vec3 q = v_rest_pos - za.xyz;
      float k0 = length(q / r);
      float k1 = max(length(q / (r * r)), 1e-9);
      d = k0 * (k0 - 1.0) / k1;
    } else {
      d = capsule_distance(v_rest_pos, za.xyz, zb.xyz, zb.w);
    }
    float inside = 1.0 - smoothstep(-0.001, 0.001, d);
    if (inside <= 0.0) continue;
    float paint = inside;
    if (zc.a < 0.5) {
      // Diagonal hatching in the rest frame, so it is stable while orbiting
      // and stays on the skin while the leg moves.
      float s = (v_rest_pos.x + v_rest_pos.y + v_rest_pos.z) * u_hatch_scale;
      paint *= step(0.5, fract(s));
    }
    base = mix(base, zc.rgb, paint);
    alpha = mix(alpha, 0.92, paint);
  }

  // Key light from upper right front of the viewer, fill from the left.
  vec3 key_dir = normalize(vec3(0.45, 0.65, 0.6));
  vec3 fill_dir = normalize(vec3(-0.6, 0.1, 0.5));
  float key = max(dot(n, key_dir), 0.0);
  float fill = max(dot(n, fill_dir), 0.0);
  float hemi = dot(n, u_up_view) * 0.5 + 0.5;
  vec3 ambient = mix(vec3(0.20, 0.17, 0.15), vec3(0.34, 0.36, 0.40), hemi);

  vec3 h = normalize(key_dir + v);
  // The 32nd power by five squarings: pow is a log and an exp per fragment on
  // a software rasteriser. (key is never negative, so no step on it.)
  float spec = max(dot(n, h), 0.0);
  spec *= spec;
  spec *= spec;
  spec *= spec;
  spec *= spec;
  spec *= spec;
  spec *= u_specular;
  float rim = pow(1.0 - max(dot(n, v), 0.0), 3.0) * u_rim;

  // Only on front faces: the inside of the translucent skin is not what was baked.
  float open = gl_FrontFacing ? mix(1.0, v_open, u_occlusion) : 1.0;
  vec3 colour = base * (ambient * open + (key * vec3(0.95, 0.93, 0.88) + fill * vec3(0.30, 0.32, 0.36)) * (0.5 + 0.5 * open))
              + vec3(spec) + u_emphasis + rim * vec3(1.0, 0.85, 0.35);
  colour = mix(colour, glow_colour * (0.75 + 0.35 * key), glow * 0.6);
  frag_colour = vec4(to_srgb(colour), alpha);
}
