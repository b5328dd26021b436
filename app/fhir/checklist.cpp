// POSS, RASS, Bromage and the side-effect checklist (clinical-reference §3, §6). No standard code
// exists for them (§9): each goes under the hospital's own code system, with code.text in words.
// An item not asked is left out; one asked and later withdrawn is sent with dataAbsentReason.
#include "fhir/resource_parts.h"

#include <algorithm>

namespace vigil::fhir::detail {

using nlohmann::json;

namespace {

struct Item {
    std::string_view key;
    std::string_view text; // empty: the round form's label
};
constexpr Item kItems[] = {
    {"poss", "Pasero Opioid-induced Sedation Scale (POSS)"},
    {"rass", "Richmond Agitation-Sedation Scale (RASS)"},
    {"bromage", "Bromage score (lower-limb motor block, 0-3)"},
    {"nausea", "Nausea and vomiting grade (0 none, 1 nausea, 2 retching, 3 vomiting)"},
    {"vomits", "Vomiting episodes since the last round"},
    {"itching", "Itching grade (0 none, 1 mild, 2 moderate, 3 severe)"},
    {"rash", ""},
    {"headache", "Headache grade (0-3)"},
    {"headache_postural", ""},
    {"neck_stiffness", ""},
    {"bowels_opened", ""},
    {"bleeding", "Bleeding at the wound"},
    {"pocket_swelling", "Swelling over the pump pocket"},
    {"wound_leak", ""},
    {"new_weakness", ""},
    {"new_numbness", ""},
    {"bladder_bowel_change", ""},
};

std::string idPart(std::string_view key) {
    std::string s(key);
    std::ranges::replace(s, '_', '-'); // FHIR ids take letters, digits, '-' and '.'
    return s;
}

// The value as the round holds it: integer grades, yes/no, or a coded choice with its words.
std::optional<json> value(const ObservationRound& round, std::string_view key, const Systems& s) {
    auto text = fieldText(round, key);
    if (!text) return std::nullopt;
    if (auto* f = findNumberField(key))
        return json{{"valueInteger", number(key, *(round.*(f->member)))}};
    if (*text == "yes" || *text == "no") return json{{"valueBoolean", *text == "yes"}};
    std::string words(*text);
    if (key == "poss" && round.poss) words = labelOf(possLevels(), *round.poss);
    if (key == "bleeding" && round.bleeding) words = labelOf(bleedingLevels(), *round.bleeding);
    if (key == "pocket_swelling" && round.pocketSwelling)
        words = labelOf(swellingLevels(), *round.pocketSwelling);
    return json{{"valueCodeableConcept",
                 {{"coding", json::array({coding(s.codeSystem, idPart(key) + "-" + *text, words)})},
                  {"text", words}}}};
}

} // namespace

void addChecklist(std::vector<json>& out, const RoundRecord& r, const Systems& s) {
    for (auto& item : kItems) {
        auto now = value(r.round->current, item.key, s);
        if (!now && !fieldText(r.round->original, item.key)) continue; // never asked
        std::string text(item.text.empty() ? fieldLabel(item.key) : item.text);
        json code{{"coding", json::array({coding(s.codeSystem, idPart(item.key), text)})},
                  {"text", text}};
        auto o = observation(r, s, idPart(item.key), "survey", std::move(code), {item.key});
        if (now)
            o.update(*now);
        else
            o["dataAbsentReason"] = absentReason(r.round->current);
        out.push_back(std::move(o));
    }
}

} // namespace vigil::fhir::detail
