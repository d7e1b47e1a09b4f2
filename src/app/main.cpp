#include "app/cli.hpp"
#include "app/commands.hpp"

int main(int argc, char** argv) { return crus::app::run_cli(argc, argv, &crus::app::run_viewer); }
