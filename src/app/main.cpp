#include "app/cli.hpp"

int main(int argc, char** argv) { return crus::app::run_cli(argc, argv); }
