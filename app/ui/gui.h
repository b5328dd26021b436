#pragma once
// Opens Vigil's window on the given database. Kept free of wx so main.cpp needs no wx headers.
#include <string>

namespace vigil::ui {

// `quitAfterStart` closes the window as soon as the board has been shown: for start-up timing.
int runGui(int argc, char** argv, const std::string& databasePath, bool quitAfterStart = false);

} // namespace vigil::ui
