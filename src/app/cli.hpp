#pragma once
// The command line of `crus`. The headless commands (render, handout,
// bench, ...) are in the crus_headless library, which links no ImGui; the
// viewer comes in from the caller, so `crus-headless` (the same CLI without
// the viewer, built to prove it) links none.
namespace crus::app {
struct ViewerOptions;
using ViewerEntry = int (*)(const ViewerOptions&);
// Parses the command line and runs the subcommand; with no subcommand,
// `viewer` (null: a one-line error, status 2). Exit status: 0 success,
// 2 bad input or usage, 1 anything else; errors are one line on stderr.
int run_cli(int argc, char** argv, ViewerEntry viewer);
} // namespace crus::app
