#include "ui/ward_board.h"

#include "core/sedation.h"
#include "core/timefmt.h"
#include "ui/flag_card.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <algorithm>
#include <fmt/format.h>
#include <functional>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace vigil::ui {

namespace {
wxString utf8(const std::string& s) {
    return wxString::FromUTF8(s);
}

// "Next round 14:30 (in 25 min)", or overdue in words, bold and red with a clock symbol.
wxStaticText* dueLine(wxWindow* tile, const ward::BedView& bed, TimePoint now) {
    std::string text;
    if (bed.overdueMinutes > 0)
        text = fmt::format("\u25f7 ROUND OVERDUE {} (due {})",
                           formatDuration(std::chrono::minutes(bed.overdueMinutes)),
                           formatLocalTime(bed.due.at));
    else
        text = fmt::format("Next round {} (in {})", formatLocalTime(bed.due.at),
                           formatDuration(bed.due.at - now));
    // Say when an escalation or a clinician sets the pace: the nurse sees why it is so soon.
    if (bed.due.why.starts_with("emergency") || bed.due.why.starts_with("urgent"))
        text += "\n" + bed.due.why;
    if (bed.missed && (!bed.lastRound || bed.missed->at > bed.lastRound->takenAt))
        text += fmt::format("\nMissed {}: {}", formatLocalTime(bed.missed->at), bed.missed->reason);
    auto* line = label(tile, utf8(text), 1.05, bed.overdueMinutes > 0, "due/" + utf8(bed.stay.bed));
    if (bed.overdueMinutes > 0) line->SetForegroundColour(refusedColour());
    return line;
}

// "Round in progress: Nurse X (since 14:02)" while a round form is open at this bed on a device
// (ward::Ward::roundInProgress decides). Always there, empty when no one is at the bed, so the
// tile keeps its height when someone opens or saves a round elsewhere.
wxStaticText* roundInProgressLine(wxWindow* tile, const ward::BedView& bed) {
    std::string text;
    if (bed.roundInProgress)
        text =
            fmt::format("\u270e Round in progress: {} (since {})", bed.roundInProgress->staffName,
                        formatLocalTime(bed.roundInProgress->at));
    return label(tile, utf8(text), 1.05, false, "in-progress/" + utf8(bed.stay.bed));
}

// The most urgent open escalation with its state, or else the highest open flag.
wxPanel* flagBadge(wxWindow* tile, const ward::BedView& bed, const Escalation* e,
                   const Context& context, TimePoint now) {
    auto* panel = new wxPanel(tile, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0,
                              "flag-badge/" + utf8(bed.stay.bed));
    auto* fs = new wxBoxSizer(wxHORIZONTAL);
    wxStaticText* text;
    std::optional<rules::Level> level;
    std::string words;
    if (e) {
        level = e->level();
        bool overdue = acknowledgementOverdue(*e, now, context.ward.acknowledgeWithin());
        // One escalation per event: it names its top flag and counts the others it holds.
        std::string more = e->flags.size() > 1
                               ? fmt::format(" (+{} more flag{})", e->flags.size() - 1,
                                             e->flags.size() > 2 ? "s" : "")
                               : "";
        words = fmt::format(" \u00b7 {}{} \u00b7 {}{}", e->message, more, stateWords(e->state()),
                            e->state() == EscalationState::Raised
                                ? fmt::format(" ({})", formatDuration(now - e->clockStart()))
                                : "");
        if (overdue) words += "\n\u26a0 ACKNOWLEDGEMENT OVERDUE";
        if (bed.lastCascade && bed.lastCascade->escalation == e->id)
            words += fmt::format(" \u2192 {} notified {}",
                                 rules::cascadeRoleWords(bed.lastCascade->notified),
                                 formatLocalTime(bed.lastCascade->dueAt));
    } else if (const rules::Flag* top = highestAlert(bed.openFlags)) {
        level = top->level;
        words = " \u00b7 " + top->message;
    }
    if (level) {
        panel->SetBackgroundColour(levelColour(*level));
        text =
            label(panel, levelSymbol(*level) + " " + levelWord(*level) + utf8(words), 1.05, true);
        text->SetForegroundColour(levelTextColour(*level));
    } else {
        text = label(panel, "No open flags", 1.0);
    }
    text->SetName("flag-text/" + utf8(bed.stay.bed));
    text->Wrap(tile->FromDIP(280));
    fs->Add(text, wxSizerFlags(1).Border(wxALL, tile->FromDIP(4)));
    panel->SetSizer(fs);
    return panel;
}

// Where Acknowledge was tapped: the same size, nothing to tap, the time it was done.
wxButton* acknowledgedHold(wxWindow* tile, const Stay& stay, TimePoint at) {
    auto* held = touchButton(
        tile, wxString::FromUTF8(fmt::format("\u2713 Acknowledged {}", formatLocalTime(at))),
        "acked/" + utf8(stay.bed));
    held->Disable();
    return held;
}

wxPanel* makeTile(wxWindow* parent, const ward::BedView& bed, Context context, TimePoint now,
                  std::optional<TimePoint> justAcknowledged,
                  const std::function<void(StayId)>& acknowledging) {
    const Stay& stay = bed.stay;
    auto* tile = new wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxBORDER_SIMPLE,
                             "tile/" + utf8(stay.bed));
    tile->SetBackgroundColour(wxColour(250, 250, 250));
    auto* s = new wxBoxSizer(wxVERTICAL);

    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(label(tile, utf8("Bed " + stay.bed), 1.6, true), wxSizerFlags().CenterVertical());
    head->AddStretchSpacer();
    head->Add(label(tile,
                    utf8(fmt::format("{} since {}", formatDuration(now - stay.since),
                                     stay.procedure == Procedure::Refill ? "fill" : "implant")),
                    1.0),
              wxSizerFlags().CenterVertical());
    s->Add(head, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP));
    s->Add(label(tile, utf8(stay.name), 1.25, true), wxSizerFlags().Border(wxLEFT | wxRIGHT));

    std::string last = bed.lastRound ? fmt::format("Last round {} ({} ago)",
                                                   formatLocalTime(bed.lastRound->takenAt),
                                                   formatDuration(now - bed.lastRound->takenAt))
                                     : "No round yet";
    s->Add(label(tile, utf8(last), 1.05), wxSizerFlags().Border(wxLEFT | wxRIGHT));
    s->Add(roundInProgressLine(tile, bed), wxSizerFlags().Border(wxLEFT | wxRIGHT));

    // The NEWS2 badge: symbol, number, band word, and colour.
    auto* badge =
        new wxPanel(tile, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "news2/" + utf8(stay.bed));
    auto* bs = new wxBoxSizer(wxHORIZONTAL);
    wxStaticText* text;
    if (bed.news2) {
        const auto& n = *bed.news2;
        badge->SetBackgroundColour(bandColour(n.band));
        text = label(badge,
                     bandSymbol(n.band) +
                         utf8(fmt::format(" NEWS2 {}{} \u00b7 {}", n.complete ? "" : "\u2265",
                                          n.total, news2::bandWord(n.band))),
                     1.35, true);
        text->SetForegroundColour(bandTextColour(n.band));
    } else {
        badge->SetBackgroundColour(wxColour(224, 224, 224));
        text = label(badge, "NEWS2 \u2014 not yet scored", 1.2, true);
    }
    text->SetName("news2-text/" + utf8(stay.bed));
    bs->Add(text, wxSizerFlags(1).Border(wxALL, parent->FromDIP(6)));
    badge->SetSizer(bs);
    s->Add(badge, wxSizerFlags().Expand().Border());

    std::string possText = "POSS \u2014";
    if (bed.lastRound && bed.lastRound->poss)
        possText = fmt::format("POSS {} \u00b7 {}", poss::code(*bed.lastRound->poss),
                               poss::meaning(*bed.lastRound->poss));
    auto* possLabel =
        label(tile, utf8(possText), 1.05,
              bed.lastRound && bed.lastRound->poss && !poss::acceptable(*bed.lastRound->poss));
    s->Add(possLabel, wxSizerFlags().Border(wxLEFT | wxRIGHT));

    s->Add(dueLine(tile, bed, now), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP));
    for (auto& l : bed.limits) {
        auto* limit =
            label(tile, utf8("\u25c9 " + l.describe()), 0.95, true, "limit/" + utf8(stay.bed));
        limit->Wrap(tile->FromDIP(290));
        s->Add(limit, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP));
    }
    if (bed.frequency) {
        // A clinician's frequency, looser ones in bold: they move a safety net (§4).
        auto* freq = label(tile, utf8("\u25f7 Observations " + bed.frequency->describe()), 0.95,
                           bed.frequency->looser, "frequency/" + utf8(stay.bed));
        freq->Wrap(tile->FromDIP(290));
        s->Add(freq, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP));
    }
    const Escalation* escalation = bed.topEscalation(now, context.ward.acknowledgeWithin());
    s->Add(flagBadge(tile, bed, escalation, context, now),
           wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP));

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    auto* round = touchButton(tile, "Round", "round/" + utf8(stay.bed));
    auto* chart = touchButton(tile, "Chart", "chart/" + utf8(stay.bed));
    StayId id = stay.id;
    round->Bind(wxEVT_BUTTON, [context, id](wxCommandEvent&) mutable {
        context.stay = id;
        runCommand("round/record", context);
    });
    chart->Bind(wxEVT_BUTTON, [context, id](wxCommandEvent&) mutable {
        context.stay = id;
        runCommand("patient/chart", context);
    });
    buttons->Add(round, wxSizerFlags(1).Expand().Border(wxRIGHT));
    buttons->Add(chart, wxSizerFlags(1).Expand());
    s->Add(buttons, wxSizerFlags().Expand().Border());
    // Acknowledge, then escalate: each one tap from the board.
    if (justAcknowledged) {
        s->Add(acknowledgedHold(tile, stay, *justAcknowledged),
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM));
    } else if (escalation) {
        bool raised = escalation->state() == EscalationState::Raised;
        if (raised || escalation->level() >= rules::Level::Urgent) {
            auto* act = touchButton(tile, raised ? "Acknowledge" : "Escalate \u25b6",
                                    (raised ? "ack/" : "escalate/") + utf8(stay.bed));
            EscalationId eid = escalation->id;
            act->Bind(wxEVT_BUTTON,
                      [context, eid, raised, id, acknowledging](wxCommandEvent&) mutable {
                          context.escalation = eid;
                          if (raised) acknowledging(id);
                          runCommand(raised ? "flag/acknowledge" : "flag/escalate", context);
                      });
            s->Add(act, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM));
        }
    }
    tile->SetSizer(s);
    return tile;
}
} // namespace

WardBoard::WardBoard(wxWindow* parent, Context context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "ward-board"),
      m_context(context) {
    auto* s = new wxBoxSizer(wxVERTICAL);
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    // Admit on the left: every screen that comes back here has its "back" at the top right, so
    // a double tap on it must find words there, never the admit form (issue 14).
    auto* admit = touchButton(this, "Admit patient", "admit");
    admit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { runCommand("patient/admit", m_context); });
    head->Add(admit, wxSizerFlags().Border());
    head->Add(label(this, "Recovery \u00b7 ward board", 1.6, true),
              wxSizerFlags().CenterVertical().Border());
    m_summary = label(this, "", 1.1, true, "board-summary");
    head->Add(m_summary, wxSizerFlags(1).CenterVertical().Border());
    s->Add(head, wxSizerFlags().Expand());
    m_tiles =
        new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL, "tiles");
    m_tiles->SetScrollRate(0, FromDIP(20));
    s->Add(m_tiles, wxSizerFlags(1).Expand());
    SetSizer(s);
    // Rebuilt only once a hold has ended: a tile is never rebuilt under a finger for nothing.
    m_release.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
        auto now = m_context.ward.clock().now();
        bool ended = std::ranges::any_of(
            m_acknowledged, [&](auto& a) { return now - a.second >= kHoldAfterAcknowledge; });
        if (ended && IsShownOnScreen())
            refresh();
        else if (!m_acknowledged.empty())
            m_release.StartOnce(1000);
    });
}

void WardBoard::refresh() {
    auto beds = m_context.ward.board();
    auto now = m_context.ward.clock().now();
    m_tiles->Freeze();
    m_tiles->DestroyChildren();
    // Four tiles a row at their natural height; columns share the width.
    // A hold ends once the ward's clock has moved on; the tile then shows its next action.
    std::erase_if(m_acknowledged, [&](auto& a) { return now - a.second >= kHoldAfterAcknowledge; });
    if (!m_acknowledged.empty()) m_release.StartOnce(1000);
    auto acknowledging = [this](StayId id) { m_acknowledged[id] = m_context.ward.clock().now(); };
    auto* grid = new wxFlexGridSizer(4, FromDIP(8), FromDIP(8));
    for (int c = 0; c < 4; ++c)
        grid->AddGrowableCol(c, 1);
    for (auto& bed : beds) {
        auto held = m_acknowledged.find(bed.stay.id);
        grid->Add(
            makeTile(m_tiles, bed, m_context, now,
                     held == m_acknowledged.end() ? std::nullopt : std::optional(held->second),
                     acknowledging),
            wxSizerFlags().Expand());
    }
    for (size_t i = beds.size(); i > 0 && i < 4; ++i)
        grid->AddStretchSpacer(); // a lone tile keeps its width
    if (beds.empty())
        grid->Add(label(m_tiles,
                        "No patients on the ward. Tap \u201cAdmit patient\u201d to add one.", 1.3));
    m_tiles->SetSizer(grid);
    m_tiles->FitInside();
    m_tiles->Thaw();
    // What the charge nurse counts: acknowledgements overdue and rounds overdue, in words.
    int ackOverdue = 0, roundsOverdue = 0;
    for (auto& b : beds) {
        for (auto& e : b.openEscalations)
            ackOverdue += acknowledgementOverdue(e, now, m_context.ward.acknowledgeWithin());
        roundsOverdue += b.overdueMinutes > 0;
    }
    std::string summary = fmt::format("{} patient{} \u00b7 {}", beds.size(),
                                      beds.size() == 1 ? "" : "s", formatLocalTime(now));
    if (ackOverdue)
        summary += fmt::format(" \u00b7 \u26a0 {} acknowledgement{} overdue", ackOverdue,
                               ackOverdue == 1 ? "" : "s");
    if (roundsOverdue)
        summary +=
            fmt::format(" \u00b7 {} round{} overdue", roundsOverdue, roundsOverdue == 1 ? "" : "s");
    m_summary->SetLabel(wxString::FromUTF8(summary));
    m_summary->SetForegroundColour(ackOverdue ? refusedColour() : wxNullColour);
    Layout();
}

} // namespace vigil::ui
