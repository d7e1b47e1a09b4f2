#pragma once
namespace crus::app {
// Parses the command line and runs the subcommand. Exit status: 0 success,
// 2 bad input or usage, 1 anything else; errors are one line on stderr.
int run_cli(int argc, char** argv);
} // namespace crus::app
