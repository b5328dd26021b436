// How the round form is filled (issue 14): the keypad replaces a tapped value, moves on by
// itself when a value is complete, skips fields that do not apply; one tap answers the
// checklist for a patient without complaints.
#include "core/keypad_entry.h"
#include "ui/keypad.h"
#include "ui/round_form.h"
#include "ui/segmented.h"
#include "ui/theme.h"

#include <algorithm>
#include <fmt/format.h>
#include <wx/button.h>
#include <wx/stattext.h>

namespace vigil::ui {

namespace {
// The checklist items on the keypad (clinical-reference §6): "none" is 0 for both.
constexpr const char* kKeypadChecklist[] = {"pain", "vomits"};

bool isEntryKey(const wxString& key) {
    return key == "." || (key.length() == 1 && key[0] >= '0' && key[0] <= '9');
}
// The choices beside the keypad are vital signs, not checklist items.
bool isVitalChoice(const std::string& key) {
    return key == "acvpu" || key == "poss" || key == "o2";
}
} // namespace

void RoundForm::select(const std::string& key) {
    m_selected = key;
    m_replaceOnKey = true;
    m_autoAdvanced = false;
    m_keypad->allowDecimal(!findNumberField(key)->whole);
    for (auto& [k, row] : m_numbers)
        showRow(k);
}

bool RoundForm::applies(const std::string& key) {
    // Oxygen flow only on oxygen; one already typed stays reachable so it can be corrected.
    if (key != "o2_flow" || !m_numbers[key].text.empty()) return true;
    return m_choices["o2"].choice->selection() == 1;
}

std::optional<std::string> RoundForm::nextField(const std::string& from, bool wrap) {
    auto it = std::find(m_order.begin(), m_order.end(), from);
    for (std::size_t n = 1; n < m_order.size(); ++n) {
        auto i = static_cast<std::size_t>(it - m_order.begin()) + n;
        if (i >= m_order.size() && !wrap) return std::nullopt;
        const std::string& key = m_order[i % m_order.size()];
        if (applies(key)) return key;
    }
    return std::nullopt;
}

void RoundForm::answerNoSideEffects() {
    // Answers what is still unanswered: an item the nurse already graded is never overwritten.
    auto answer = [](const std::vector<std::string>& values) {
        for (std::size_t i = 0; i < values.size(); ++i)
            if (values[i] == "0" || values[i] == "none" || values[i] == "no")
                return static_cast<int>(i);
        return 0;
    };
    int answered = 0;
    for (auto& [key, row] : m_choices) {
        if (isVitalChoice(key) || row.choice->selection()) continue;
        row.choice->setSelection(answer(row.values));
        edited(key);
        ++answered;
    }
    for (const char* key : kKeypadChecklist) {
        auto& row = m_numbers[key];
        if (!row.text.empty()) continue;
        row.text = "0";
        edited(key);
        showRow(key);
        ++answered;
    }
    // One short line in the space reserved for it.
    m_noneNote->SetLabel(answered == 0
                             ? wxString("All were already answered.")
                             : wxString::Format("%d set to none/no: tap any to change", answered));
}

void RoundForm::showRow(const std::string& key) {
    auto& row = m_numbers[key];
    const NumberField* f = findNumberField(key);
    bool selected = key == m_selected;
    // The selected field shows an arrow as well as a colour.
    wxString value = (row.text.empty() ? wxString::FromUTF8("\u2014") : row.text) + " " +
                     wxString::FromUTF8(f->unit.data(), f->unit.size());
    // Oxygen flow on air: said in words, and the keypad passes it by.
    if (row.text.empty() && !applies(key))
        value = m_choices["o2"].choice->selection() == 0 ? wxString("on air")
                                                         : wxString::FromUTF8("\u2014");
    // A value the banner speaks of is marked in place: a symbol as well as a colour.
    std::optional<EntryProblem::Kind> problem;
    for (auto& p : m_problems)
        if (p.field == key || (p.field == "pulse_pressure" && (key == "sbp" || key == "dbp")))
            if (!problem || p.kind == EntryProblem::Kind::Refused) problem = p.kind;
    const char* mark = !problem                                  ? ""
                       : *problem == EntryProblem::Kind::Refused ? "\u2716 "
                                                                 : "\u26a0 ";
    row.button->SetLabel(
        wxString::FromUTF8(fmt::format("{}{}{}", selected ? "\u25b6 " : "   ", mark, f->label)) +
        ":  " + value);
    row.button->SetBackgroundColour(selected ? accentColour() : wxNullColour);
    wxColour ink = !problem                                  ? wxNullColour
                   : *problem == EntryProblem::Kind::Refused ? refusedColour()
                                                             : confirmColour();
    row.button->SetForegroundColour(selected ? *wxWHITE : ink);
}

void RoundForm::onKey(const wxString& key) {
    if (m_selected.empty()) return;
    auto& row = m_numbers[m_selected];
    if (key == "next") {
        // The keypad already moved on: a "Next" tapped from habit must not skip this field too.
        if (m_autoAdvanced && row.text.empty()) {
            m_autoAdvanced = false;
            return;
        }
        if (auto next = nextField(m_selected, true)) select(*next);
        return;
    }
    m_autoAdvanced = false;
    // Tapping a filled field and typing replaces its value, as on any calculator.
    if (m_replaceOnKey && isEntryKey(key)) row.text.clear();
    m_replaceOnKey = false;
    row.text =
        applyEntryKey(*findNumberField(m_selected), row.text.ToStdString(), key.ToStdString());
    edited(m_selected);
    showRow(m_selected);
    // A value that cannot take another digit is complete: on to the next field that applies.
    if (isEntryKey(key) && entryComplete(*findNumberField(m_selected), row.text.ToStdString()))
        if (auto next = nextField(m_selected, false)) {
            select(*next);
            m_autoAdvanced = true;
        }
}

} // namespace vigil::ui
