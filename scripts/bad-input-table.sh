#!/usr/bin/env bash
# Runs the bad-input cases (issue 15) against a built crus and rewrites the
# table in docs/BAD_INPUT.md: input class, case, command, exit status, the
# first line of the message, peak memory, and whether it crashed or hung.
#   scripts/bad-input-table.sh [CRUS_BINARY]      (default build/release/crus)
# Every file it uses is made here, in a temporary folder.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
crus=$(realpath "${1:-build/release/crus}")
[ -x "$crus" ] || { echo "bad-input-table: $crus is missing; build it first (make build)" >&2; exit 2; }
out=docs/BAD_INPUT.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CONFIG_HOME=$work/config
LIMIT=${BAD_INPUT_TIMEOUT:-30}
# Address space per command (KiB): a runaway case fails instead of taking the
# machine's memory. 0 for none (an ASan build needs none).
MEMORY=${BAD_INPUT_MEMORY_KIB:-4194304}

python3 - "$work" <<'PY'
import json, struct, sys, os
w = sys.argv[1]
def glb(doc, bin=b""):
    j = json.dumps(doc, separators=(",", ":")).encode()
    j += b" " * ((4 - len(j) % 4) % 4)
    total = 12 + 8 + len(j) + (8 + len(bin) if bin else 0)
    out = b"glTF" + struct.pack("<II", 2, total) + struct.pack("<I", len(j)) + b"JSON" + j
    if bin:
        out += struct.pack("<I", len(bin)) + b"BIN\0" + bin
    return out
def mesh(indices=(0, 1, 2), n=3):
    bin = b"".join(struct.pack("<3f", 0.1 * (v % 2), 0.1 * ((v // 2) % 2), 0.001 * v) for v in range(n))
    at = len(bin)
    bin += b"".join(struct.pack("<H", i) for i in indices)
    bin += b"\0" * ((4 - len(bin) % 4) % 4)
    doc = {"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}], "nodes": [{"name": "leg", "mesh": 0}],
           "meshes": [{"primitives": [{"attributes": {"POSITION": 0}, "indices": 1}]}],
           "accessors": [{"bufferView": 0, "componentType": 5126, "count": n, "type": "VEC3", "min": [0, 0, 0], "max": [0.1, 0.1, 0.001 * n]},
                         {"bufferView": 1, "componentType": 5123, "count": len(indices), "type": "SCALAR"}],
           "bufferViews": [{"buffer": 0, "byteLength": at}, {"buffer": 0, "byteOffset": at, "byteLength": 2 * len(indices)}],
           "buffers": [{"byteLength": len(bin)}]}
    return doc, bin
def put(name, data):
    open(os.path.join(w, name), "wb").write(data if isinstance(data, bytes) else data.encode())
doc, bin = mesh(); good = glb(doc, bin)
put("good.glb", good)
put("claims4g.glb", good[:12] + struct.pack("<I", 0xFFFFFFF0) + good[16:])
put("length.glb", good[:8] + struct.pack("<I", 0x7FFFFFFF) + good[12:])
put("truncated.glb", good[: len(good) // 2])
put("header-only.glb", good[:14])
d, b = mesh(); d["nodes"] = [{"children": [i + 1]} for i in range(100000)] + [{"name": "leg", "mesh": 0}]; put("chain100k.glb", glb(d, b))
d, b = mesh(); d["nodes"] = [{"children": [i + 1]} for i in range(5000)] + [{"name": "leg", "mesh": 0}]; put("chain5k.glb", glb(d, b))
put("deep-json.gltf", '{"asset":{"version":"2.0"},"extras":' + "[" * 100000 + "]" * 100000 + "}")
d, b = mesh(); d["nodes"] = [{"name": "leg", "mesh": 0}] * 200000; put("shared200k.glb", glb(d, b))
d, b = mesh(); d["nodes"] = [{"children": [1]}, {"children": [0], "mesh": 0}]; put("cycle.glb", glb(d, b))
d, b = mesh(); d["accessors"][0]["count"] = 1000; put("accessor-bounds.glb", glb(d, b))
d, b = mesh(); del d["accessors"][0]["bufferView"]; d["accessors"][0]["count"] = 2000000000; put("budget.glb", glb(d, b))
d, b = mesh((0, 1, 2, 1, 3, 2, 2, 3, 9), 4); put("bad-indices.glb", glb(d, b))
put("huge-number.gltf", '{"asset":{"version":"2.0"},"extras":1e400}')
put("gltf1.gltf", '{"asset":{"version":"1.0"}}')
put("empty.glb", b"")
put("text.glb", "this is not a mesh\n")
os.mkdir(os.path.join(w, "folder.glb"))
put("map-1e400.json", '{"scale": 1e400, "nodes": [{"match": "*", "id": "tibia"}]}')
put("map-deep.json", "[" * 100000 + "]" * 100000)
put("map-axes.json", '{"axes": ["+X", "+X", "+Y"], "nodes": []}')
put("map-id.json", '{"nodes": [{"match": "*", "id": "no_such_structure"}]}')
put("map-not-json.json", "{nodes: [}")
PY

# Knowledge folders: the bundled assets with one file broken.
knowledge_case() { # NAME FILE PYTHON-EXPRESSION-MAKING-THE-TEXT
  local dir=$work/assets-$1
  mkdir -p "$dir"
  cp -r "$root/assets/knowledge" "$dir/knowledge"
  ln -s "$root/assets/atlas" "$dir/atlas"
  python3 -c "import sys; open(sys.argv[1], 'w', encoding='utf-8', errors='surrogateescape').write($3)" "$dir/knowledge/$2"
}
knowledge_case long-id muscles.json "'{\"\$schema\": \"schema.json\", \"entries\": [{\"id\": \"' + 'a' * 30000 + '\"}]}'"
knowledge_case deep muscles.json "'[' * 100000 + ']' * 100000"
knowledge_case number trigger_points.json "open('$root/assets/knowledge/trigger_points.json').read().replace('\"version\": 1', '\"version\": 1e400', 1)"
knowledge_case red-deep red_flags.json "'[' * 100000"
knowledge_case cut muscles.json "open('$root/assets/knowledge/muscles.json').read()[:2000]"

rows=()
crashes=0 hangs=0 not_two=0
# case CLASS NAME [ENV=VALUE ...] -- ARGS...
case_() {
  local class=$1 name=$2; shift 2
  local env=()
  while [ "$1" != "--" ]; do env+=("$1"); shift; done
  shift
  local log=$work/log.txt mem=$work/mem.txt
  env "${env[@]}" /usr/bin/time -q -f %M -o "$mem" timeout "$LIMIT" \
    bash -c '[ "$1" -gt 0 ] && ulimit -v "$1"; shift; exec "$@"' limit "$MEMORY" "$crus" "$@" >"$log" 2>&1 </dev/null
  local status=$?
  local kib; kib=$(tail -1 "$mem" 2>/dev/null); [[ "$kib" =~ ^[0-9]+$ ]] || kib=0
  local crash=no hang=no
  [ $status -eq 124 ] && hang=yes
  { [ $status -ge 128 ] && [ $status -ne 124 ]; } && crash=yes
  grep -qE "AddressSanitizer|runtime error:|Segmentation fault|terminate called" "$log" && crash=yes
  local line; line=$(grep -v '^ok:' "$log" | grep -m1 -E '\S' | sed "s|$work/||g; s|$root/||g" | cut -c1-150 | sed 's/|/\\|/g')
  local shown="${*//$work\//}"
  [ $crash = yes ] && crashes=$((crashes + 1))
  [ $hang = yes ] && hangs=$((hangs + 1))
  [ $status -ne 2 ] && not_two=$((not_two + 1))
  rows+=("| $class | $name | \`crus ${shown:0:60}\` | $status | $line | $((kib / 1024)) MB | $crash | $hang |")
  printf '%-10s %-28s exit %3s  crash %-3s hang %-3s %s\n' "$class" "$name" "$status" "$crash" "$hang" "${line:0:90}"
}

for f in claims4g.glb length.glb truncated.glb header-only.glb chain100k.glb chain5k.glb deep-json.gltf shared200k.glb cycle.glb \
         accessor-bounds.glb budget.glb bad-indices.glb huge-number.gltf gltf1.gltf empty.glb text.glb folder.glb; do
  case_ "glTF" "$f" -- validate --atlas "$work/$f"
done
case_ "glTF" "bad-indices.glb (info)" -- info leg --atlas "$work/bad-indices.glb"
for f in map-1e400.json map-deep.json map-axes.json map-id.json map-not-json.json; do
  case_ "atlas map" "$f" -- list --atlas "$work/good.glb" --atlas-map "$work/$f"
done
for k in long-id deep number red-deep cut; do
  case_ "knowledge" "$k" "CRUS_ASSETS=$work/assets-$k" -- validate
  case_ "knowledge" "$k (info)" "CRUS_ASSETS=$work/assets-$k" -- info soleus
done
case_ "options" "size 16384x16384" -- render --size 16384x16384 --out "$work/big.png"
case_ "options" "max-distance nan" -- referral --at 0,0.3,0 --max-distance nan
case_ "options" "at 1e20" -- referral --at 1e20,0,0
case_ "options" "out empty" -- render --size 64x64 --out ""
case_ "options" "unknown id" -- info no_such_structure

{
  echo "# Bad input: what crus does with it"
  echo
  echo "Regenerated by \`scripts/bad-input-table.sh\` (every input is made by the script;"
  echo "each command runs with a ${LIMIT} s timeout and $((MEMORY / 1048576)) GiB of address space). The promise: exit status 2, one line naming"
  echo "the file or option and the problem, no crash, no hang, memory bounded. \`validate\`"
  echo "reports on stdout, other commands on stderr; the first line is shown."
  echo
  echo "| Input class | Case | Command | Exit | Message (first line) | Peak memory | Crash | Hang |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "${#rows[@]} cases: $crashes crashed, $hangs hung, $not_two ended with a status other than 2"
  echo "(for \`info\` with a broken knowledge file, status 0 with the problem on stderr is right)."
} >"$out"
echo "wrote $out (${#rows[@]} cases)"
