#pragma once
// The one place OpenGL is included; only src/gfx includes this file.
#include <epoxy/gl.h>
