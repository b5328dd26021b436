#pragma once
// The command line. `vigil` with no subcommand opens the GUI through `openGui`.
#include "cli/handoff_cmd.h"

#include <functional>
#include <string>

namespace vigil::cli {

struct GuiOptions {
    std::string databasePath;
    std::string rulesPath; // empty: the admin's choice, else the built-in rule set
    bool rulesFromCommandLine = false;
    int idleLockMinutes = 2;
    ShiftPattern shifts;
    std::string unit;
    bool quitAfterStart = false;
};
using GuiLauncher = std::function<int(const GuiOptions&)>;
int run(int argc, char** argv, const GuiLauncher& openGui, const PdfWriter& writePdf = {});

} // namespace vigil::cli
