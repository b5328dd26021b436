#pragma once
// `vigil export fhir --db DB --to BASE_URL`: POSTs each round's bundle that the server has not
// accepted yet (never sent, refused, or changed since), and records every answer in the record.
// `--pending` lists what is still waiting, with the server's last refusal in words.
#include "cli/fhir_cmd.h"

namespace vigil::cli {

// 0 every bundle accepted (or nothing to send); 1 some refused or not answered (recorded, sent
// again next time); 2 usage, settings or record errors.
int runFhirSend(const FhirExportArgs& args, const Settings& settings, std::ostream& out,
                std::ostream& err);
// 0, or 2 on error. Prints one line per round waiting, then "N rounds waiting since TIME".
int runFhirPending(const FhirExportArgs& args, const Settings& settings, std::ostream& out,
                   std::ostream& err);

} // namespace vigil::cli
