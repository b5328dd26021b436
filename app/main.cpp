// `vigil` with no subcommand opens the GUI; with one, runs the command line.
#include "cli/cli.h"
#include "ui/gui.h"

int main(int argc, char** argv) {
    return vigil::cli::run(argc, argv, [&](const vigil::cli::GuiOptions& options) {
        return vigil::ui::runGui(argc, argv,
                                 {options.databasePath, options.rulesPath,
                                  options.rulesFromCommandLine, options.idleLockMinutes,
                                  options.quitAfterStart});
    });
}
