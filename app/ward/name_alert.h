#pragma once
// Name alert (issue 14): two patients on the unit with the same family name are easily mixed up
// (a round charted on the wrong patient), so both carry an alert on the board, the chart and the
// handoff sheet. The record keeps one `name` field; how a family name is read from it is here.
#include "core/stay.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::ward {

// The family name as written in `name`: the part before the first comma when there is one
// ("Brennan, Ada" -> "Brennan"), otherwise the last word ("Ada Brennan" -> "Brennan",
// "Maria de la Cruz" -> "Cruz"). Surrounding spaces trimmed; "" for a blank name.
std::string familyName(std::string_view name);

// True when the two family names are the same ignoring case and accents ("Müller", "MULLER" and
// "muller" are one name): ICU's root collation at primary strength. Blank names never match.
bool sameFamilyName(std::string_view a, std::string_view b);

// Another patient on the unit with the same family name.
struct NameMatch {
    StayId stay = 0;
    std::string bed, name;
};

// For every stay in `onUnit` that shares its family name with another stay in it, those others
// (in the order given). Stays without a namesake are absent.
std::map<StayId, std::vector<NameMatch>> nameAlerts(const std::vector<Stay>& onUnit);

// "same family name as Bed 7 (Ada Brennan)", "... as Bed 7 (Ada Brennan) and Bed 9 (Tom
// Brennan)": what the alert says after its "Name alert" heading, on every surface.
std::string nameAlertWords(const std::vector<NameMatch>& others);

} // namespace vigil::ward
