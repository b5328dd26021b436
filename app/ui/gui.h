#pragma once
// Opens Vigil's window on the given database. Kept free of wx so main.cpp needs no wx headers.
#include <string>

namespace vigil::ui {

struct GuiStart {
    std::string databasePath;
    std::string rulesPath;       // empty: the built-in rule set
    bool quitAfterStart = false; // close as soon as the board has been shown: start-up timing
};
int runGui(int argc, char** argv, const GuiStart& start);

} // namespace vigil::ui
