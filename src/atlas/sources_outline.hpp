#pragma once

#include <string>

namespace crus::atlas {

// The section of SOURCES.md on the outline of the leg and the shapes of the
// calf (src/atlas/outline.cpp), joined into sources_markdown().
std::string sources_outline_markdown();

} // namespace crus::atlas
