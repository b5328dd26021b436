#include "ui/bed_tile.h"

#include "core/sedation.h"
#include "core/timefmt.h"
#include "ui/flag_card.h"
#include "ui/theme.h"

#include <algorithm>
#include <fmt/format.h>
#include <wx/button.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace vigil::ui {

namespace {
wxString utf8(const std::string& s) {
    return wxString::FromUTF8(s);
}

// Text in a fixed place of `lines` lines: each line of `text` ends in "…" where the tile is too
// narrow (GTK ellipsizes each line), and the place keeps its height when the text is shorter.
// The label keeps its whole text: tests and screen readers read all of it.
wxStaticText* fixedLines(wxWindow* parent, const std::string& text, int lines, double scale,
                         bool bold, const wxString& name) {
    auto* t = new wxStaticText(parent, wxID_ANY, utf8(text), wxDefaultPosition, wxDefaultSize,
                               wxST_ELLIPSIZE_END, name);
    if (scale != 1.0 || bold) t->SetFont(scaled(t->GetFont(), scale, bold));
    // Both sizes given: the sizer never asks for the whole text's width, so a long line cannot
    // widen the column.
    t->SetMinSize(wxSize(parent->FromDIP(40), lines * t->GetCharHeight()));
    return t;
}

wxButton* tileButton(wxWindow* tile, const char* text, const wxString& name) {
    auto* b = new wxButton(tile, wxID_ANY, wxString::FromUTF8(text), wxDefaultPosition,
                           wxDefaultSize, 0, wxDefaultValidator, name);
    b->SetFont(scaled(b->GetFont(), 1.05));
    b->SetMinSize(
        wxSize(std::max(tile->FromDIP(64), b->GetBestSize().x), tile->FromDIP(kTileButtonDip)));
    return b;
}

// "Next round 14:30 (in 25 min) · last 14:02", or overdue in words, bold and red with a clock
// symbol; then why it is so soon (an escalation's pace) and a missed round's reason.
wxStaticText* dueLine(wxWindow* tile, const ward::BedView& bed, TimePoint now) {
    std::string text;
    if (bed.overdueMinutes > 0)
        text = fmt::format("\u25f7 ROUND OVERDUE {} (due {})",
                           formatDuration(std::chrono::minutes(bed.overdueMinutes)),
                           formatLocalTime(bed.due.at));
    else
        text = fmt::format("Next round {} (in {})", formatLocalTime(bed.due.at),
                           formatDuration(bed.due.at - now));
    text += bed.lastRound ? fmt::format(" \u00b7 last {}", formatLocalTime(bed.lastRound->takenAt))
                          : " \u00b7 no round yet";
    if (bed.due.why.starts_with("emergency") || bed.due.why.starts_with("urgent"))
        text += " \u00b7 " + bed.due.why;
    if (bed.missed && (!bed.lastRound || bed.missed->at > bed.lastRound->takenAt))
        text += fmt::format(" \u00b7 Missed {}: {}", formatLocalTime(bed.missed->at),
                            bed.missed->reason);
    auto* line =
        fixedLines(tile, text, 1, 1.0, bed.overdueMinutes > 0, "due/" + utf8(bed.stay.bed));
    if (bed.overdueMinutes > 0) line->SetForegroundColour(refusedColour());
    return line;
}

// The rest of what the bed carries, in one line: a name alert first (another patient on the unit
// has the same family name), then hours since the implant or fill, limits and a clinician's
// frequency. Bold when there is a name alert.
wxStaticText* notesLine(wxWindow* tile, const ward::BedView& bed, TimePoint now) {
    const Stay& stay = bed.stay;
    std::vector<std::string> notes;
    if (!bed.nameAlert.empty()) { // short, so the bed it is about fits the tile's width
        std::string beds;
        for (auto& other : bed.nameAlert)
            beds += (beds.empty() ? "Bed " : ", ") + other.bed;
        notes.push_back("\u26a0 NAME ALERT: same name as " + beds);
    }
    notes.push_back(fmt::format("{} since {}", formatDuration(now - stay.since),
                                stay.procedure == Procedure::Refill ? "fill" : "implant"));
    for (auto& l : bed.limits)
        notes.push_back("\u25c9 " + l.describe());
    if (bed.frequency) notes.push_back("\u25f7 Observations " + bed.frequency->describe());
    std::string text;
    for (auto& n : notes)
        text += (text.empty() ? "" : " \u00b7 ") + n;
    return fixedLines(tile, text, 1, 1.0, !bed.nameAlert.empty(), "notes/" + utf8(stay.bed));
}

// The most urgent open escalation with its state, or else the highest open flag: two lines,
// what it is, then where it stands.
wxPanel* flagBadge(wxWindow* tile, const ward::BedView& bed, const Escalation* e,
                   const Context& context, TimePoint now) {
    auto* panel = new wxPanel(tile, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0,
                              "flag-badge/" + utf8(bed.stay.bed));
    std::optional<rules::Level> level;
    std::string what, where;
    if (e) {
        level = e->level();
        // One escalation per event: it names its top flag and counts the others it holds.
        what = e->message + (e->flags.size() > 1
                                 ? fmt::format(" (+{} more flag{})", e->flags.size() - 1,
                                               e->flags.size() > 2 ? "s" : "")
                                 : "");
        // Overdue says it first, in words, where the tile cannot cut it off.
        if (acknowledgementOverdue(*e, now, context.ward.acknowledgeWithin()))
            where = fmt::format("\u26a0 ACKNOWLEDGEMENT OVERDUE ({})",
                                formatDuration(now - e->clockStart()));
        else if (e->state() == EscalationState::Raised)
            where = fmt::format("{} ({})", stateWords(e->state()),
                                formatDuration(now - e->clockStart()));
        else
            where = stateWords(e->state());
        if (bed.lastCascade && bed.lastCascade->escalation == e->id)
            where += fmt::format(" \u2192 {} notified {}",
                                 rules::cascadeRoleWords(bed.lastCascade->notified),
                                 formatLocalTime(bed.lastCascade->dueAt));
    } else if (const rules::Flag* top = highestAlert(bed.openFlags)) {
        level = top->level;
        what = top->message;
        where = "open flag, no escalation";
    }
    std::string text = "No open flags";
    if (level)
        text = (levelSymbol(*level) + " " + levelWord(*level)).utf8_string() + " \u00b7 " + what +
               "\n" + where;
    auto* words =
        fixedLines(panel, text, 2, 1.0, level.has_value(), "flag-text/" + utf8(bed.stay.bed));
    if (level) {
        panel->SetBackgroundColour(levelColour(*level));
        words->SetForegroundColour(levelTextColour(*level));
    }
    auto* fs = new wxBoxSizer(wxHORIZONTAL);
    fs->Add(words, wxSizerFlags(1).Border(wxALL, tile->FromDIP(3)));
    panel->SetSizer(fs);
    return panel;
}

// The NEWS2 badge (symbol, number, band word, and colour) and POSS beside it.
wxSizer* scoreLine(wxWindow* tile, const ward::BedView& bed) {
    const Stay& stay = bed.stay;
    auto* badge =
        new wxPanel(tile, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "news2/" + utf8(stay.bed));
    wxStaticText* text;
    if (bed.news2) {
        const auto& n = *bed.news2;
        badge->SetBackgroundColour(bandColour(n.band));
        text = label(badge,
                     bandSymbol(n.band) +
                         utf8(fmt::format(" NEWS2 {}{} \u00b7 {}", n.complete ? "" : "\u2265",
                                          n.total, news2::bandWord(n.band))),
                     1.15, true, "news2-text/" + utf8(stay.bed));
        text->SetForegroundColour(bandTextColour(n.band));
    } else {
        badge->SetBackgroundColour(wxColour(224, 224, 224));
        text =
            label(badge, "NEWS2 \u2014 not yet scored", 1.15, true, "news2-text/" + utf8(stay.bed));
    }
    auto* bs = new wxBoxSizer(wxHORIZONTAL);
    bs->Add(text, wxSizerFlags().Border(wxALL, tile->FromDIP(3)));
    badge->SetSizer(bs);

    std::string possText = "POSS \u2014";
    bool possAlarm =
        bed.lastRound && bed.lastRound->poss && !poss::acceptable(*bed.lastRound->poss);
    if (bed.lastRound && bed.lastRound->poss)
        possText = fmt::format("POSS {} \u00b7 {}", poss::code(*bed.lastRound->poss),
                               poss::meaning(*bed.lastRound->poss));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(badge, wxSizerFlags().CenterVertical());
    row->Add(fixedLines(tile, possText, 1, 1.0, possAlarm, "poss/" + utf8(stay.bed)),
             wxSizerFlags(1).CenterVertical().Border(wxLEFT, tile->FromDIP(6)));
    return row;
}

// Where Acknowledge was tapped: the same place, nothing to tap, the time it was done.
wxButton* acknowledgedHold(wxWindow* tile, const Stay& stay, TimePoint at) {
    auto words = fmt::format("\u2713 Acknowledged\n{}", formatLocalTime(at));
    auto* held = tileButton(tile, words.c_str(), "acked/" + utf8(stay.bed));
    held->Disable();
    return held;
}
} // namespace

wxPanel* makeBedTile(wxWindow* parent, const ward::BedView& bed, Context context, TimePoint now,
                     std::optional<TimePoint> justAcknowledged,
                     const std::function<void(StayId)>& acknowledging) {
    const Stay& stay = bed.stay;
    auto* tile = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE,
                             "tile/" + utf8(stay.bed));
    tile->SetBackgroundColour(wxColour(250, 250, 250));
    const int gap = tile->FromDIP(3);
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto line = [&](wxWindow* w) {
        s->Add(w, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    };

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(label(tile, utf8("Bed " + stay.bed), 1.25, true, "bed/" + utf8(stay.bed)),
              wxSizerFlags().CenterVertical());
    head->Add(fixedLines(tile, stay.name, 1, 1.1, true, "name/" + utf8(stay.bed)),
              wxSizerFlags(1).CenterVertical().Border(wxLEFT, tile->FromDIP(8)));
    s->Add(head, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    s->Add(scoreLine(tile, bed), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, gap));
    line(dueLine(tile, bed, now));
    line(notesLine(tile, bed, now));
    const Escalation* escalation = bed.topEscalation(now, context.ward.acknowledgeWithin());
    line(flagBadge(tile, bed, escalation, context, now));
    // What is going on at the bed now: "✎ Round in progress: Nurse X (since 14:02)" while a round
    // form is open at it on a device (issue 13). Always there, empty when nobody is at the bed,
    // so the tile keeps its height when a round is opened or saved elsewhere.
    std::string activity;
    if (bed.roundInProgress)
        activity =
            fmt::format("\u270e Round in progress: {} (since {})", bed.roundInProgress->staffName,
                        formatLocalTime(bed.roundInProgress->at));
    line(fixedLines(tile, activity, 1, 1.0, false, "in-progress/" + utf8(stay.bed)));

    // Round, Chart, and the escalation's next step, in one row: the slot of Acknowledge keeps
    // its place whether it holds Acknowledge, the hold after it, or Escalate.
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* round = tileButton(tile, "Round", "round/" + utf8(stay.bed));
    auto* chart = tileButton(tile, "Chart", "chart/" + utf8(stay.bed));
    StayId id = stay.id;
    round->Bind(wxEVT_BUTTON, [context, id](wxCommandEvent&) mutable {
        context.stay = id;
        runCommand("round/record", context);
    });
    chart->Bind(wxEVT_BUTTON, [context, id](wxCommandEvent&) mutable {
        context.stay = id;
        runCommand("patient/chart", context);
    });
    buttons->Add(round, wxSizerFlags(2).Expand());
    buttons->Add(chart, wxSizerFlags(2).Expand().Border(wxLEFT, gap));
    wxWindow* act = nullptr;
    if (justAcknowledged) {
        act = acknowledgedHold(tile, stay, *justAcknowledged);
    } else if (escalation) {
        bool raised = escalation->state() == EscalationState::Raised;
        if (raised || escalation->level() >= rules::Level::Urgent) {
            auto* b = tileButton(tile, raised ? "Acknowledge" : "Escalate \u25b6",
                                 (raised ? "ack/" : "escalate/") + utf8(stay.bed));
            EscalationId eid = escalation->id;
            b->Bind(wxEVT_BUTTON,
                    [context, eid, raised, id, acknowledging](wxCommandEvent&) mutable {
                        context.escalation = eid;
                        if (raised) acknowledging(id);
                        runCommand(raised ? "flag/acknowledge" : "flag/escalate", context);
                    });
            act = b;
        }
    }
    if (act)
        buttons->Add(act, wxSizerFlags(3).Expand().Border(wxLEFT, gap));
    else
        buttons->AddStretchSpacer(3); // Round and Chart stay where they are on every tile
    s->AddStretchSpacer();
    s->Add(buttons, wxSizerFlags().Expand().Border(wxALL, gap));
    tile->SetSizer(s);
    return tile;
}

} // namespace vigil::ui
