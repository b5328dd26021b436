#pragma once
// The command line. `vigil` with no subcommand opens the GUI through `openGui`.
#include <functional>
#include <string>

namespace vigil::cli {

using GuiLauncher = std::function<int(const std::string& databasePath, bool quitAfterStart)>;
int run(int argc, char** argv, const GuiLauncher& openGui);

} // namespace vigil::cli
