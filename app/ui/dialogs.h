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

struct LimitEntry {
    std::string field; // a numeric field key
    std::optional<double> low, high;
    std::string clinician, reason;
    int hours = 12; // how long it holds
};
// Asks for a patient-specific limit. Empty when the nurse cancels; the ward checks the values.
std::optional<LimitEntry> askPatientLimit(wxWindow* parent);

// Asks how a charted value should be corrected. Empty when the nurse cancels.
std::optional<Correction> askCorrection(wxWindow* parent, const std::string& fieldLabel,
                                        const std::string& currentValue);

} // namespace vigil::ui
