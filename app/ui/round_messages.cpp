// What the round form says, and where (issue 14): every message in the banner's reserved lines,
// the field it is about marked in place, so nothing moves under a finger; and when the
// observations were taken.
#include "core/amendment.h"
#include "core/entry_check.h"
#include "core/timefmt.h"
#include "ui/round_form.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <fmt/format.h>
#include <wx/button.h>
#include <wx/stattext.h>

namespace vigil::ui {

std::string notAskedMessage(const std::vector<std::string>& keys) {
    std::string which;
    if (keys.size() == checklistKeys().size()) {
        which = "The side-effect checklist was not asked";
    } else {
        for (std::size_t i = 0; i < keys.size() && i < 5; ++i)
            which += (i ? ", " : "Not asked: ") + std::string(fieldLabel(keys[i]));
        if (keys.size() > 5) which += fmt::format(" and {} more", keys.size() - 5);
    }
    return which + ". Ask them (or tap No side effects), or choose why below to save without";
}

void RoundForm::moveTakenAt(std::chrono::minutes by) {
    // Never later than now: observations are not taken in the future.
    m_takenAt = std::min(m_takenAt + by, m_context.ward.clock().now());
    showTakenAt();
}

void RoundForm::showTakenAt() {
    sayIn(m_takenLabel, wxString::FromUTF8(formatLocalTime(m_takenAt)));
    m_later->Enable(m_takenAt < m_context.ward.clock().now());
}

void RoundForm::edited(const std::string& key) {
    // A changed value is a new measurement: any confirmation of the old one no longer holds, and
    // its message is answered.
    auto answered = [&](const std::string& field) {
        return field == key || (field == "pulse_pressure" && (key == "sbp" || key == "dbp"));
    };
    for (auto it = m_pendingConfirmation.begin(); it != m_pendingConfirmation.end();)
        it = answered(*it) ? m_pendingConfirmation.erase(it) : std::next(it);
    auto before = m_problems.size();
    std::erase_if(m_problems, [&](const EntryProblem& p) {
        return answered(p.field) ||
               (p.field == "checklist" && (key == "partial_reason" || isChecklistItem(key)));
    });
    if (m_problems.size() != before) {
        for (auto& [k, row] : m_numbers)
            showRow(k);
        showBanner();
    }
    m_save->SetLabel(m_pendingConfirmation.empty() ? "Save round" : "Confirm and save");
}

void RoundForm::say(const wxString& text) {
    m_note = text;
    if (text.empty()) m_problems.clear();
    for (auto& [k, row] : m_numbers)
        showRow(k);
    showBanner();
}

void RoundForm::showBanner() {
    wxString all = m_note;
    bool refused = !m_note.empty() && m_note.StartsWith(wxString::FromUTF8("\u2716"));
    for (auto& p : m_problems) {
        bool r = p.kind == EntryProblem::Kind::Refused;
        refused |= r;
        all +=
            (all.empty() ? "" : "\n") + wxString::FromUTF8((r ? "\u2716 " : "\u26a0 ") + p.message);
    }
    // Wrapped to the width, cut to the reserved lines: what does not fit is still marked on its
    // field, and the last line says so.
    m_banner->SetLabel(all);
    m_banner->Wrap(m_banner->GetSize().x > 0 ? m_banner->GetSize().x : FromDIP(1240));
    wxArrayString lines = wxSplit(m_banner->GetLabel(), '\n', 0);
    if (static_cast<int>(lines.size()) > kBannerLines) {
        lines.resize(kBannerLines - 1);
        lines.push_back(
            wxString::FromUTF8("\u2026 and more: see the fields marked \u2716 or \u26a0"));
        m_banner->SetLabel(wxJoin(lines, '\n', 0));
    }
    m_banner->SetForegroundColour(refused ? refusedColour() : confirmColour());
    if (m_note.StartsWith(wxString::FromUTF8("\u270e")))
        m_banner->SetForegroundColour(accentColour());
    m_banner->Refresh();
}

void RoundForm::showProblems(const std::vector<EntryProblem>& problems) {
    m_note.clear();
    m_problems = problems;
    for (auto& [k, row] : m_numbers)
        showRow(k);
    showBanner();
}

} // namespace vigil::ui
