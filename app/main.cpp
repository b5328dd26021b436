// `vigil` with no subcommand opens the GUI; with one, runs the command line.
#include "cli/cli.h"
#include "report/pdf.h"
#include "ui/gui.h"

#include <stdexcept>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <wx/init.h>

int main(int argc, char** argv) {
    // PINs pass through this process (sign-in, `vigil staff add`): no core file, and no other
    // process of the same user may read its memory.
    rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    prctl(PR_SET_DUMPABLE, 0);
    auto gui = [&](const vigil::cli::GuiOptions& options) {
        return vigil::ui::runGui(argc, argv,
                                 {options.databasePath, options.rulesPath,
                                  options.rulesFromCommandLine, options.idleLockMinutes,
                                  options.shifts, options.unit, options.quitAfterStart});
    };
    // The handoff PDF needs wx's drawing but no display: wxInitializer, not wxApp.
    auto pdf = [](const vigil::HandoffSheet& sheet, const std::string& path, vigil::Paper paper,
                  const std::vector<std::string>& protect) {
        wxInitializer init;
        if (!init) throw std::runtime_error("wxWidgets could not start for drawing the PDF");
        return vigil::report::writeHandoffPdf(sheet, path, paper, protect);
    };
    return vigil::cli::run(argc, argv, gui, pdf);
}
