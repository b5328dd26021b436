#pragma once
// Opens Vigil's window on the given database. Kept free of wx so main.cpp needs no wx headers.
#include <string>

namespace vigil::ui {

int runGui(int argc, char** argv, const std::string& databasePath);

} // namespace vigil::ui
