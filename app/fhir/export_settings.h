#pragma once
// The hospital's identifiers a FHIR export needs (settings file, `[fhir]`). Vigil never invents
// them: a bundle names the patient by the EHR's MRN system, and POSS, RASS, Bromage and the
// checklist under a code system the hospital owns (clinical-reference §9).
#include <optional>
#include <string>
#include <string_view>

namespace vigil::fhir {

struct Systems {
    std::string mrnSystem;   // Patient.identifier.system of the hospital's MRNs
    std::string codeSystem;  // the hospital's CodeSystem for items with no standard code
    std::string staffSystem; // optional: the system of Vigil's staff numbers in the EHR
};

// Nothing when `value` is an absolute URI (scheme ':' rest, no spaces); otherwise what is wrong,
// naming the setting, the value and what is accepted.
std::optional<std::string> checkSystemUri(std::string_view setting, std::string_view value);

// Every problem with the systems, as one message; nothing when an export may run.
std::optional<std::string> checkSystems(const Systems& s);

} // namespace vigil::fhir
