// Keeping a half-typed round across a lock (issue 6): taken off the screen for its author,
// put back when they sign in again.
#include "ui/round_form.h"
#include "ui/segmented.h"

#include <wx/stattext.h>

namespace vigil::ui {

RoundDraft RoundForm::takeDraft() {
    RoundDraft d;
    d.stay = m_stay;
    for (auto& [key, row] : m_numbers)
        if (!row.text.empty()) d.numbers[key] = row.text;
    for (auto& [key, row] : m_choices)
        if (auto i = row.choice->selection()) d.choices[key] = *i;
    d.partial = m_partial->selection();
    d.takenAt = m_takenAt;
    d.deviceKey = m_deviceKey;
    clear();
    m_stay = 0;
    return d;
}

void RoundForm::restore(const RoundDraft& d) {
    start(d.stay, d.deviceKey); // the opening other devices see carries the round's own key
    m_takenAt = d.takenAt;      // the time the nurse set, not the time she signed in again
    showTakenAt();
    for (auto& [key, text] : d.numbers) {
        m_numbers[key].text = text;
        showRow(key);
    }
    for (auto& [key, index] : d.choices)
        m_choices[key].choice->setSelection(index);
    showRow("o2_flow"); // "not on oxygen" follows the air/oxygen choice just put back
    m_partial->setSelection(d.partial);
    say(wxString::FromUTF8("\u270e Your round as you left it: nothing was saved yet."));
}

} // namespace vigil::ui
