#pragma once
// Dialogs are functions (Aegisub's dialogs.h): the dialog classes stay private to their .cpp.
#include <optional>
#include <string>

class wxWindow;

namespace vigil::ui {

struct Correction {
    bool enteredInError = false;      // the value (or whole round) should not have been recorded
    std::optional<std::string> value; // the corrected value; empty: now "not measured"
    std::string reason;
};

// Asks how a charted value should be corrected. Empty when the nurse cancels.
std::optional<Correction> askCorrection(wxWindow* parent, const std::string& fieldLabel,
                                        const std::string& currentValue);

} // namespace vigil::ui
