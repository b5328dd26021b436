// `vigil` with no subcommand opens the GUI; with one, runs the command line.
#include "cli/cli.h"
#include "report/pdf.h"
#include "ui/gui.h"

#include <stdexcept>
#include <wx/init.h>

int main(int argc, char** argv) {
    auto gui = [&](const vigil::cli::GuiOptions& options) {
        return vigil::ui::runGui(argc, argv,
                                 {options.databasePath, options.rulesPath,
                                  options.rulesFromCommandLine, options.idleLockMinutes,
                                  options.shifts, options.unit, options.quitAfterStart});
    };
    // The handoff PDF needs wx's drawing but no display: wxInitializer, not wxApp.
    auto pdf = [](const vigil::HandoffSheet& sheet, const std::string& path, vigil::Paper paper) {
        wxInitializer init;
        if (!init) throw std::runtime_error("wxWidgets could not start for drawing the PDF");
        return vigil::report::writeHandoffPdf(sheet, path, paper);
    };
    return vigil::cli::run(argc, argv, gui, pdf);
}
