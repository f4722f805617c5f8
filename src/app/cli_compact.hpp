// `rapport compact`: the maintenance-window command that rewrites the database so that no file
// keeps the bytes of an erased person (docs/storage.md, "Erased people leave the files").
#pragma once

#include <CLI/App.hpp>

namespace rapport::app {

void add_compact_command(CLI::App& app);

}  // namespace rapport::app
