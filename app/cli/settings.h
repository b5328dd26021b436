#pragma once
// Vigil's settings file, $XDG_CONFIG_HOME/vigil/settings.toml (or ~/.config/vigil/settings.toml):
//   rules = "/srv/vigil/our-recovery-rules.toml"   # the hospital's rule file; absent: built in
//   idle_lock_minutes = 2                          # back to sign-in when untouched, 1 to 60
//   shift_starts = ["07:00", "19:00"]              # local times the shifts change
//   unit = "Recovery unit"                         # the name on the handoff sheet
//   database = "postgresql://ward_app@unit-server/vigil?sslmode=verify-full"  # the unit's record
//   [fhir]                                         # the FHIR export (issue 15)
//   mrn_system = "https://hospital.example/mrn"    # the EHR's MRN system; required to export
//   code_system = "https://hospital.example/cs"    # the hospital's codes for POSS, RASS, ...
//   staff_system = "https://hospital.example/st"   # optional: Vigil's staff numbers in the EHR
//   credentials_file = "fhir-credentials"          # the server's credentials (--to)
// A command-line option wins over the file.
#include "core/shift.h"
#include "fhir/export_settings.h"

#include <string>

namespace vigil::cli {

struct Settings {
    std::string rulesPath;   // empty: the built-in rule set
    int idleLockMinutes = 2; // the tablet locks after this long untouched (issue 6), 1 to 60
    ShiftPattern shifts;     // shift_starts = ["07:00", "19:00"]
    std::string unit = "Recovery unit"; // the handoff sheet's header
    // The record the app opens without --db: a file, or the unit server's URI (no password).
    std::string database;
    std::string source;                 // which file they came from, for messages
    fhir::Systems fhir;                 // [fhir]: empty until the hospital sets them
    std::string fhirCredentialsFile;    // [fhir] credentials_file, from the settings' folder
};

// Reads the settings file when there is one; a malformed file is an error the caller reports.
Settings loadSettings();

} // namespace vigil::cli
