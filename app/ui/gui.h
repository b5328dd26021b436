#pragma once
// Opens Vigil's window on the given database. Kept free of wx so main.cpp needs no wx headers.
#include "core/shift.h"

#include <string>

namespace vigil::ui {

struct GuiStart {
    std::string databasePath;
    std::string rulesPath; // empty: the admin's choice in the database, or the built-in set
    bool rulesFromCommandLine = false; // --rules given: it wins over the admin's choice
    int idleLockMinutes = 2;           // back to sign-in after this long untouched
    ShiftPattern shifts;
    std::string unit = "Recovery unit";
    bool quitAfterStart = false; // close as soon as the board has been shown: start-up timing
};
int runGui(int argc, char** argv, const GuiStart& start);

} // namespace vigil::ui
