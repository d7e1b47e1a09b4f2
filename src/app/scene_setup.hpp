#pragma once
#include "app/commands.hpp"
#include "core/scene.hpp"

namespace crus::app {
// Loads the atlas named by the options (strict: any problem is an InputError).
Scene load_atlas(const AtlasOptions& options, bool strict);
// Splits "a,b,c" and resolves each id in the scene; an unknown one is an
// InputError naming `option` with the closest ids.
std::vector<int> resolve_ids(const Scene& scene, const std::string& list, const std::string& option);
int resolve_id(const Scene& scene, const std::string& id, const std::string& option);
} // namespace crus::app
