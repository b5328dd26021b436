#pragma once
// `vigil export fhir --db DB --out DIR [--since TIME] [--stay ID]`: one FHIR R4 transaction
// Bundle per round, as files (issue 15). `--to BASE_URL` sends them instead (fhir_send.cpp).
#include "cli/settings.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace vigil::cli {

struct FhirExportArgs {
    std::string db, out;
    std::string since; // RFC 3339; empty: every round
    std::optional<std::int64_t> stay;
    std::string to;       // the FHIR server's base URL (--to)
    bool pending = false; // list what is waiting (--pending)
    bool follow = false;  // keep delivering (--follow, with --to)
    int every = 30;       // seconds between passes when following
};

// Says on `err` what is missing or wrong in the [fhir] settings, naming the settings file;
// false when the export must not run.
bool fhirSystemsReady(const Settings& settings, std::ostream& err);

// 0 written; 2 usage or input error (the message names the option or setting, the value and
// what is accepted), or a record or output that could not be used.
int runFhirExport(const FhirExportArgs& args, const Settings& settings, std::ostream& out,
                  std::ostream& err);

} // namespace vigil::cli
