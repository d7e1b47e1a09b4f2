#!/usr/bin/env python3
"""Splits src/core into folders by concern (issue 9, part 4).

Run once on main after the branches are merged:

    python3 scripts/restructure-core.py            # moves, rewrites, stages
    python3 scripts/restructure-core.py --dry-run  # prints the plan only
    python3 scripts/restructure-core.py --commit   # also commits

What it does, all computed from FOLDERS below (never from a list of paths,
so files that other branches added are still handled):
  1. git mv each file at the top of src/core whose stem the table maps (an
     exact stem, or a stem that begins with a mapped stem and "_", so
     `picking_rest.cpp` follows `picking.cpp`; then PREFIX_RULES). Files the
     table does not know stay in src/core and are reported as unmapped.
  2. Rewrites every path that names a moved file: #include "core/x.hpp" in
     src/, tests/, bench/, and core/x.* or src/core/x.cpp in comments, docs,
     scripts and schema descriptions. The rewrite is computed from where each
     mapped file now is, so a second run (or a run after a late merge that
     still includes the old paths) fixes the stragglers and moves nothing.
  3. src/CMakeLists.txt globs core/*.cpp and core/*/*.cpp.
  4. Regenerates the folder map in docs/ARCHITECTURE.md (between markers).
  5. Checks that every #include "core/..." in the tree names a file that
     exists, and fails if one does not.

It refuses to run on a tree with uncommitted changes (so the result is one
reviewable commit and `git checkout .` undoes it).
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

# folder -> (what it holds, stems). A stem covers stem.cpp, stem.hpp and any
# stem_*.cpp/.hpp not mapped on its own (the longest mapped stem wins).
FOLDERS: dict[str, tuple[str, list[str]]] = {
    "anatomy": (
        "the knowledge base and what is derived from it: structures' facts, trigger points and their referral, "
        "red flags, body areas, FMA ids, the knowledge joined to a scene, search",
        ["knowledge", "knowledge_format", "trigger_points", "red_flags", "referral", "referral_overlay",
         "body_areas", "fma", "scene_knowledge", "search"],
    ),
    "geometry": (
        "meshes and the maths on them: camera, picking, cross sections and cut caps, polygon triangulation, "
        "overlay meshes, label placement on screen",
        ["mesh", "picking", "camera", "cross_section", "section_cut", "section_view", "polygon_triangulate",
         "overlay_geometry", "label_layout"],
    ),
    "document": (
        "what is open and what gets drawn: the loaded scene, the session and its document, highlights, the draw "
        "list and its builder, overlays packed for the shader, view labels, annotations, saved scenes, panel "
        "layout and viewer settings",
        ["document", "session", "highlights", "draw_builder", "draw_list", "scene", "scene_file", "annotations",
         "annotation_marks",
         "overlay_pack", "view_labels", "panel_layout", "viewer_settings"],
    ),
    "commands": (
        "the command registry, the viewer's command catalogue, user key bindings and recorded input events",
        ["command_registry", "command_catalogue", "key_bindings", "input_events"],
    ),
    "io": (
        "reading and writing files: checked JSON input, the JSON Schema subset and its patterns, UTF-8, images "
        "(PNG), atomic file writes, the glTF guard, the atlas manifest",
        ["json_input", "json_schema", "pattern", "utf8", "image", "file_io", "gltf_guard", "atlas_manifest"],
    ),
    "publish": (
        "what leaves the program on paper: patient handouts, print documents, the flat section page, and the "
        "labels, leader lines and legends of figures (recorded on a canvas, painted with cairo and pango)",
        ["handout", "handout_content", "print_document", "section_page", "figure_overlays", "overlay_canvas",
         "canvas_paint"],
    ),
    "teaching": (
        "lessons, quizzes and their grading, the progress store, spaced repetition and the reproducible PRNG",
        ["lesson", "lesson_action", "lesson_document", "lesson_session", "quiz", "quiz_computed", "quiz_grading",
         "progress_store", "srs", "prng"],
    ),
}
# Headers every folder includes; they stay at the top of src/core.
KEEP_IN_CORE = {"error", "limits", "checked_cast"}
# For new files whose stem matches no mapped stem: first matching prefix wins.
PREFIX_RULES: list[tuple[str, str]] = [
    ("lesson", "teaching"), ("quiz", "teaching"), ("handout", "publish"), ("print", "publish"),
    ("knowledge", "anatomy"), ("trigger", "anatomy"), ("red_flag", "anatomy"), ("referral", "anatomy"),
    ("command", "commands"), ("key_", "commands"), ("json", "io"), ("gltf", "io"), ("utf", "io"),
    ("mesh", "geometry"), ("camera", "geometry"), ("picking", "geometry"), ("section", "geometry"),
    ("label", "geometry"), ("draw", "document"), ("scene", "document"), ("session", "document"),
    ("overlay", "document"), ("document", "document"), ("viewer", "document"),
]
SOURCE_SUFFIXES = {".cpp", ".hpp", ".h", ".cc", ".inl"}
TEXT_SUFFIXES = SOURCE_SUFFIXES | {".md", ".txt", ".cmake", ".sh", ".py"}
MAP_BEGIN = "<!-- core-folders:begin (scripts/restructure-core.py writes this) -->"
MAP_END = "<!-- core-folders:end -->"

ROOT = Path(__file__).resolve().parent.parent
SELF = Path(__file__).resolve()


def git(*args: str, check: bool = True) -> str:
    r = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
    if check and r.returncode != 0:
        sys.exit(f"restructure-core: git {' '.join(args)} failed: {r.stderr.strip()}")
    return r.stdout


def folder_for(stem: str) -> str | None:
    """The folder a top-level core file belongs in, or None (stays, unmapped)."""
    exact = {s: f for f, (_, stems) in FOLDERS.items() for s in stems}
    if stem in exact:
        return exact[stem]
    companions = [s for s in exact if stem.startswith(s + "_")]
    if companions:
        return exact[max(companions, key=len)]
    for prefix, folder in PREFIX_RULES:
        if stem.startswith(prefix):
            return folder
    return None


def plan_moves(tracked: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    moves, unmapped = [], []
    for path in tracked:
        p = Path(path)
        if p.parent != Path("src/core") or p.suffix not in SOURCE_SUFFIXES:
            continue
        if p.stem in KEEP_IN_CORE:
            continue
        folder = folder_for(p.stem)
        if folder is None:
            unmapped.append(path)
        else:
            moves.append((path, f"src/core/{folder}/{p.name}"))
    return moves, unmapped


def stem_locations(tracked: list[str]) -> dict[str, str]:
    """stem -> folder for every mapped file now in a core subfolder."""
    out = {}
    for path in tracked:
        p = Path(path)
        if len(p.parts) == 4 and p.parts[:2] == ("src", "core") and p.parts[2] in FOLDERS:
            out[p.stem] = p.parts[2]
    return out


def rewrite_text(text: str, where: dict[str, str]) -> str:
    if not where:
        return text
    stems = "|".join(sorted((re.escape(s) for s in where), key=len, reverse=True))
    # core/<stem> as a whole path word: not already core/<folder>/<stem>, not
    # a longer stem (core/knowledge vs core/knowledge_format).
    # tests/core/ is the tests' folder, not a path into src.
    word = re.compile(r"(?<![A-Za-z0-9_])(?<!tests/)core/(" + stems + r")(?![A-Za-z0-9_/])")
    return word.sub(lambda m: f"core/{where[m.group(1)]}/{m.group(1)}", text)


def rewrite_files(tracked: list[str], where: dict[str, str], dry: bool, old_of: dict[str, str]) -> list[str]:
    changed = []
    for path in tracked:
        p = ROOT / old_of.get(path, path)  # a dry run reads a moved file where it still is
        if p.resolve() == SELF or not p.is_file():
            continue
        in_scope = p.suffix in TEXT_SUFFIXES or p.name in ("CMakeLists.txt",) or path.endswith("schema.json")
        if not in_scope or path.startswith(("assets/atlas/", "tests/baselines/", "tests/fuzz/corpus/", "third_party/")):
            continue
        try:
            text = p.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        new = rewrite_text(text, where)
        if new != text:
            changed.append(path)
            if not dry:
                p.write_text(new, encoding="utf-8")
    return changed


def update_cmake(dry: bool) -> bool:
    p = ROOT / "src/CMakeLists.txt"
    text = p.read_text(encoding="utf-8")
    new = re.sub(r"core/\*\.cpp\s+core/motion/\*\.cpp", "core/*.cpp core/*/*.cpp", text)
    if new != text and not dry:
        p.write_text(new, encoding="utf-8")
    return new != text


def folder_map() -> str:
    lines = [MAP_BEGIN, "", "### The folders of `src/core`", "",
             "| Folder | What it holds |", "| --- | --- |",
             "| `core/` (top) | headers every folder uses: `error.hpp` (error types), `limits.hpp` (input limits), "
             "`checked_cast.hpp` (checked narrowing) |"]
    for folder, (what, _) in FOLDERS.items():
        lines.append(f"| `core/{folder}/` | {what} |")
    lines.append("| `core/motion/` | the moving leg: kinematic chain, muscle paths, posed meshes, skin and soft tissue |")
    lines += ["", "Folders below `core` depend on each other freely; the layering test checks only that none of "
              "them reaches up into gfx, ui, platform or app.", "", MAP_END]
    return "\n".join(lines)


def update_architecture(dry: bool) -> bool:
    p = ROOT / "docs/ARCHITECTURE.md"
    if not p.exists():
        return False
    text = p.read_text(encoding="utf-8")
    block = folder_map()
    if MAP_BEGIN in text and MAP_END in text:
        new = re.sub(re.escape(MAP_BEGIN) + r".*?" + re.escape(MAP_END), lambda _: block, text, flags=re.S)
    else:
        # After the layer table (its last row starts with "| `src/app`"), else at the end.
        lines = text.split("\n")
        at = next((i for i, l in enumerate(lines) if l.startswith("| `src/app`")), None)
        if at is None:
            new = text.rstrip("\n") + "\n\n" + block + "\n"
        else:
            lines[at + 1:at + 1] = ["", block]
            new = "\n".join(lines)
    if new != text and not dry:
        p.write_text(new, encoding="utf-8")
    return new != text


def dangling_includes(tracked: list[str]) -> list[str]:
    bad = []
    inc = re.compile(r'^\s*#\s*include\s*"(core/[^"]+)"', re.M)
    for path in tracked:
        p = ROOT / path
        if p.suffix not in SOURCE_SUFFIXES or not p.is_file():
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        for m in inc.finditer(text):
            if not (ROOT / "src" / m.group(1)).exists():
                line = text.count("\n", 0, m.start()) + 1
                bad.append(f"{path}:{line}: includes {m.group(1)}, which does not exist")
    return bad


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dry-run", action="store_true", help="print the plan, change nothing")
    ap.add_argument("--commit", action="store_true", help="commit the result")
    args = ap.parse_args()

    if git("status", "--porcelain", "--untracked-files=no").strip():
        print("restructure-core: the tree has uncommitted changes; commit or stash them first", file=sys.stderr)
        return 2
    tracked = git("ls-files").splitlines()
    moves, unmapped = plan_moves(tracked)
    for src, dst in moves:
        print(f"move {src} -> {dst}")
        if not args.dry_run:
            (ROOT / dst).parent.mkdir(parents=True, exist_ok=True)
            git("mv", src, dst)
    if not args.dry_run:
        tracked = git("ls-files").splitlines()
    else:
        tracked = [dict(moves).get(t, t) for t in tracked]
    where = stem_locations(tracked)
    changed = rewrite_files(tracked, where, args.dry_run, {dst: src for src, dst in moves} if args.dry_run else {})
    cmake = update_cmake(args.dry_run)
    arch = update_architecture(args.dry_run)
    for path in changed:
        print(f"rewrote paths in {path}")
    if cmake:
        print("src/CMakeLists.txt: core sources globbed as core/*.cpp core/*/*.cpp")
    if arch:
        print("docs/ARCHITECTURE.md: folder map written")
    for path in unmapped:
        print(f"unmapped, left in core/: {path} (add its stem to FOLDERS in {SELF.name})")
    print(f"restructure-core: {len(moves)} files moved, {len(changed)} files rewritten, {len(unmapped)} unmapped"
          + (" (dry run: nothing changed)" if args.dry_run else ""))
    if args.dry_run:
        return 0
    bad = dangling_includes(tracked)
    for b in bad:
        print(f"restructure-core: {b}", file=sys.stderr)
    git("add", "-A", "--", "src", "tests", "bench", "docs", "scripts", "cmake", "assets/formats", "assets/knowledge",
        "README.md", "CMakeLists.txt")
    if bad:
        return 1
    if args.commit and git("status", "--porcelain", "--untracked-files=no").strip():
        git("commit", "-q", "-m", "Split src/core into folders by concern (scripts/restructure-core.py): anatomy, "
            "geometry, document, commands, io, publish, teaching; includes, docs and the CMake glob follow")
        print("restructure-core: committed")
    elif not args.commit:
        print("restructure-core: staged; review with `git diff --cached --stat`, then commit")
    return 0


if __name__ == "__main__":
    sys.exit(main())
