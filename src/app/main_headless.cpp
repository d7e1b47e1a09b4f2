// crus-headless: the command line of crus without the viewer, linked from
// crus_headless alone. It exists to prove that the headless commands link no
// ImGui (a link error would say so; tests/CMakeLists.txt also checks its
// symbols), and it renders the same figures as crus.
#include "app/cli.hpp"

int main(int argc, char** argv) { return crus::app::run_cli(argc, argv, nullptr); }
