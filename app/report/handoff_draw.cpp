#include "report/handoff_draw.h"

#include "core/sedation.h"
#include "core/timefmt.h"
#include "report/trend.h"

#include <fmt/format.h>

namespace vigil::report {

namespace {
constexpr int kPad = 8;
constexpr std::size_t kMaxLines = 6; // per list, so a block always fits an empty page

wxFont font(double points, bool bold = false) {
    // Set explicitly: a headless PDF has no desktop font settings to fall back on.
    return wxFont(wxFontInfo(points).Family(wxFONTFAMILY_SWISS).FaceName("DejaVu Sans").Bold(bold));
}
wxString u8(const std::string& s) {
    return wxString::FromUTF8(s);
}

// Severity as a symbol and a word as well as a colour (the sheet is often copied in grey).
struct SeverityLook {
    const char* text;
    wxColour fill;
};
SeverityLook look(Severity s) {
    switch (s) {
    case Severity::Unstable: return {"\u25b2 UNSTABLE", wxColour(255, 205, 205)};
    case Severity::Watcher: return {"\u25c6 WATCHER", wxColour(255, 236, 190)};
    case Severity::Stable: break;
    }
    return {"\u25cf STABLE", wxColour(215, 240, 215)};
}

// A cursor down the block: writes lines, or in measure mode only counts them.
class Writer {
public:
    Writer(wxDC& dc, wxRect area, bool draw) : m_dc(dc), m_area(area), m_draw(draw), m_y(area.y) {}
    int y() const { return m_y; }
    void skip(int px) { m_y += px; }
    wxDC& dc() { return m_dc; }
    bool drawing() const { return m_draw; }
    const wxRect& area() const { return m_area; }

    // `heading` bold on the first line, then the text wrapped under the block's width.
    void para(const std::string& heading, const std::string& text, double points = 8.5,
              std::size_t maxLines = kMaxLines) {
        m_dc.SetFont(font(points, true));
        int indent = heading.empty() ? 0 : m_dc.GetTextExtent(u8(heading + " ")).x;
        int lineHeight = m_dc.GetCharHeight();
        if (m_draw && !heading.empty()) m_dc.DrawText(u8(heading), m_area.x + kPad, m_y);
        m_dc.SetFont(font(points));
        auto lines = wrap(m_dc, text, m_area.width - 2 * kPad - indent);
        if (lines.size() > maxLines) {
            lines.resize(maxLines);
            lines.back() += " \u2026";
        }
        if (lines.empty()) lines.emplace_back();
        for (auto& l : lines) {
            if (m_draw) m_dc.DrawText(u8(l), m_area.x + kPad + indent, m_y);
            m_y += lineHeight;
        }
    }
    // A list: one wrapped item per entry, capped, with "+N more".
    void list(const std::string& heading, const std::vector<std::string>& items,
              const std::string& bullet, const std::string& empty) {
        m_dc.SetFont(font(8.5, true));
        if (m_draw) m_dc.DrawText(u8(heading), m_area.x + kPad, m_y);
        m_y += m_dc.GetCharHeight();
        if (items.empty()) return para("", "  " + empty);
        for (std::size_t i = 0; i < items.size() && i < kMaxLines; ++i)
            para("", bullet + " " + items[i], 8.5, 2);
        if (items.size() > kMaxLines)
            para("", fmt::format("  + {} more on the ward board", items.size() - kMaxLines));
    }

private:
    wxDC& m_dc;
    wxRect m_area;
    bool m_draw;
    int m_y;
};

std::string valueText(const ObservationRound& r, std::string_view key) {
    if (key == "poss") return r.poss ? std::string(poss::code(*r.poss)) : "-";
    if (key == "news2") {
        auto s = news2::score(r);
        return fmt::format("{}{}", s.total, s.complete ? "" : "+");
    }
    auto* f = findNumberField(key);
    auto v = f ? r.*(f->member) : std::nullopt;
    return v ? formatValue(*f, *v) : "-";
}

// The shift's vitals as a compact grid (latest rounds on the right) and sparklines beside it.
void vitals(Writer& w, const HandoffPatient& p) {
    auto& dc = w.dc();
    const wxRect& a = w.area();
    if (p.rounds.empty()) return w.para("Vitals:", "no rounds recorded this shift");
    struct Row {
        const char* label;
        const char* key;
    };
    static const Row rows[] = {{"RR", "rr"},      {"SpO2", "spo2"},  {"HR", "hr"},
                               {"Sys BP", "sbp"}, {"Temp", "temp"},  {"POSS", "poss"},
                               {"Pain", "pain"},  {"NEWS2", "news2"}};
    dc.SetFont(font(8));
    int rowH = dc.GetCharHeight() + 1;
    int labelW = 50, colW = 44;
    int gridW = (a.width - 2 * kPad) * 62 / 100;
    std::size_t cols = static_cast<std::size_t>(std::max(1, (gridW - labelW) / colW));
    std::size_t first = p.rounds.size() > cols ? p.rounds.size() - cols : 0;
    int x0 = a.x + kPad, y0 = w.y();
    if (w.drawing()) {
        dc.SetFont(font(8, true));
        dc.DrawText(first ? u8(fmt::format("(+{})", first)) : wxString("Time"), x0, y0);
        for (std::size_t c = first; c < p.rounds.size(); ++c)
            dc.DrawText(u8(formatLocalTime(p.rounds[c].takenAt)),
                        x0 + labelW + static_cast<int>(c - first) * colW, y0);
        dc.SetPen(wxPen(wxColour(200, 200, 200)));
        int r = 0;
        for (auto& row : rows) {
            int y = y0 + rowH * (1 + r++);
            dc.DrawLine(x0, y, x0 + labelW + static_cast<int>(p.rounds.size() - first) * colW, y);
            dc.SetFont(font(8, true));
            dc.DrawText(row.label, x0, y);
            dc.SetFont(font(8));
            for (std::size_t c = first; c < p.rounds.size(); ++c)
                dc.DrawText(u8(valueText(p.rounds[c], row.key)),
                            x0 + labelW + static_cast<int>(c - first) * colW, y);
        }
        // Sparklines: the shape of the shift at a glance.
        int sx = x0 + gridW + kPad, sw = a.x + a.width - kPad - sx - 70;
        int sy = y0 + rowH;
        for (auto key : {"rr", "spo2", "poss", "pain"}) {
            dc.SetFont(font(8, true));
            dc.DrawText(u8(std::string(key == std::string("spo2")   ? "SpO2"
                                       : key == std::string("rr")   ? "RR"
                                       : key == std::string("poss") ? "POSS"
                                                                    : "Pain")),
                        sx, sy);
            drawSparkline(dc, wxRect(sx + 40, sy, sw, rowH * 2 - 4), p.rounds, key);
            dc.SetFont(font(8));
            dc.DrawText(u8(valueText(p.rounds.back(), key)), sx + 44 + sw, sy);
            sy += rowH * 2;
        }
    }
    w.skip(rowH * (1 + static_cast<int>(std::size(rows))) + 4);
}

std::string legendText() {
    return "Key: NEWS2 \"0+\", \"3+\" = at least 0, at least 3 (not every vital sign was "
           "measured) \u00b7 \"(+2)\" = 2 earlier rounds not shown \u00b7 \"-\" = not measured";
}

std::string hoursText(double h) {
    return h < 48 ? fmt::format("{:.1f} h", h) : fmt::format("{:.0f} days", h / 24);
}
} // namespace

int drawPatientBlock(wxDC& dc, const HandoffPatient& p, wxRect area, bool draw) {
    Writer w(dc, area, draw);
    // Title bar: bed, name, MRN; severity at the right with a symbol and a word.
    dc.SetFont(font(11, true));
    int titleH = dc.GetCharHeight() + 6;
    if (draw) {
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(wxColour(235, 238, 243)));
        dc.DrawRectangle(area.x, area.y, area.width, titleH);
        dc.DrawText(u8(fmt::format("Bed {}  \u00b7  {}  \u00b7  MRN {}", p.stay.bed, p.stay.name,
                                   p.stay.mrn)),
                    area.x + kPad, area.y + 3);
        auto sev = look(p.severity());
        dc.SetFont(font(10, true));
        auto ext = dc.GetTextExtent(u8(sev.text));
        dc.SetBrush(wxBrush(sev.fill));
        dc.SetPen(wxPen(*wxBLACK));
        dc.DrawRectangle(area.GetRight() - ext.x - 2 * kPad, area.y + 2, ext.x + kPad, titleH - 4);
        dc.DrawText(u8(sev.text), area.GetRight() - ext.x - kPad * 3 / 2, area.y + 4);
    }
    w.skip(titleH + 4);
    // Two patients with one family name: said in words and a symbol, in bold, first.
    if (!p.nameAlert.empty()) {
        const std::string heading = "\u26a0 NAME ALERT:",
                          words = p.nameAlert + ": check two identifiers (name, MRN)";
        if (draw) { // a pale band behind it, measured first: it stands out on a grey copy too
            Writer probe(dc, area, false);
            probe.skip(w.y() - area.y);
            probe.para(heading, words, 9.5);
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(wxColour(255, 236, 160)));
            dc.DrawRectangle(area.x + 2, w.y() - 1, area.width - 4, probe.y() - w.y() + 2);
        }
        w.para(heading, words, 9.5);
    }

    const Stay& s = p.stay;
    std::string summary =
        fmt::format("{} {} ago \u00b7 Pump: {} \u00b7 Risk factors: {} \u00b7 Pain goal {}",
                    labelOf(procedures(), s.procedure), hoursText(p.row.hoursSinceFill),
                    labelsOf(drugs(), s.drugs), p.riskFactors, s.painGoal);
    if (s.spo2Scale == 2) summary += fmt::format(" \u00b7 SpO2 scale 2 ({})", s.scale2PrescribedBy);
    w.para("Patient:", summary);
    if (!p.limits.empty()) {
        std::string limits;
        for (auto& l : p.limits)
            limits += (limits.empty() ? "" : "; ") + l.describe();
        w.para("Limits:", limits);
    }
    if (p.frequency) w.para("Observations:", "clinician's order: " + p.frequency->describe());
    if (p.note && p.note->severity && *p.note->severity != p.proposed)
        w.para("Severity:", fmt::format("set to {} by the nurse (Vigil proposed {}): {}",
                                        labelOf(severities(), *p.note->severity),
                                        labelOf(severities(), p.proposed), p.note->severityReason));
    w.skip(2);
    vitals(w, p);
    // "none" only where every item was asked; "not asked" apart from it (issue 14).
    w.para("Side effects (last round):",
           p.sideEffects ? p.sideEffects->describe() : std::string("no round yet"));
    std::vector<std::string> open;
    for (auto& e : p.openEscalations)
        open.push_back(
            fmt::format("{} \u00b7 {}{} \u00b7 {} since {}", rules::levelCode(e.level()), e.message,
                        e.flags.size() > 1 ? fmt::format(" (+{} more flag{})", e.flags.size() - 1,
                                                         e.flags.size() > 2 ? "s" : "")
                                           : "",
                        stateWords(e.state()), formatLocalTime(e.raisedAt)));
    for (auto& f : p.openFlags)
        if (f.level >= rules::Level::Watch &&
            std::none_of(p.openEscalations.begin(), p.openEscalations.end(),
                         [&](auto& e) { return e.holds(f.rule); }))
            open.push_back(fmt::format("{} \u00b7 {}", rules::levelCode(f.level), f.message));
    w.list("Open flags and escalations:", open, "\u26a0", "none");
    w.list("Actions:", p.actions, "\u2610", "none");
    w.list("If things change:", p.contingencies, "If", "no urgent rules apply");
    if (p.note && !p.note->note.empty()) w.para("Nurse's note:", p.note->note);
    w.skip(6);
    w.para("", "Received by ____________________   Signature ________________   Read back "
               "\u2610   Time ________");
    w.skip(kPad);
    int height = w.y() - area.y;
    if (draw) {
        dc.SetBrush(*wxTRANSPARENT_BRUSH);
        dc.SetPen(wxPen(wxColour(120, 120, 120)));
        dc.DrawRectangle(area.x, area.y, area.width, height);
    }
    return height;
}

void drawHandoffPage(wxDC& dc, const HandoffSheet& sheet, const Pagination& pages,
                     std::size_t page) {
    int width = pages.page.x - 2 * kMargin;
    dc.SetTextForeground(*wxBLACK);
    dc.SetFont(font(13, true));
    dc.DrawText(u8(fmt::format("Handoff (I-PASS) \u00b7 {}", sheet.unit)), kMargin, kMargin);
    dc.SetFont(font(9));
    dc.DrawText(u8(fmt::format("{} \u00b7 {} {}", sheet.shift.name, sheet.patients.size(),
                               sheet.patients.size() == 1 ? "patient" : "patients")),
                kMargin, kMargin + 24);
    dc.DrawText(
        u8(fmt::format("Printed by {} at {} \u00b7 data as of {}", sheet.printedBy,
                       formatLocalDayTime(sheet.printedAt), formatLocalDayTime(sheet.asOf))),
        kMargin, kMargin + 24 + dc.GetCharHeight());
    // What the grid's short forms mean, on every page: a "0+" read as "0" hides a patient who was
    // not fully observed.
    int legendY = kMargin + 24 + 2 * dc.GetCharHeight();
    dc.SetFont(font(8));
    for (auto& line : wrap(dc, legendText(), width)) {
        dc.DrawText(u8(line), kMargin, legendY);
        legendY += dc.GetCharHeight();
    }
    dc.SetPen(wxPen(*wxBLACK, 2));
    dc.DrawLine(kMargin, kMargin + kHeaderHeight - 12, kMargin + width,
                kMargin + kHeaderHeight - 12);
    if (sheet.patients.empty()) {
        dc.SetFont(font(11));
        dc.DrawText("No patients on the unit.", kMargin, pages.contentTop());
    }
    for (auto& b : pages.pages[page])
        drawPatientBlock(dc, sheet.patients[b.patient], wxRect(kMargin, b.top, width, b.height),
                         true);
    dc.SetFont(font(9));
    // The record's head as the sheet was drawn: `vigil audit verify --head` checks it later.
    wxString footer = u8(fmt::format("Record {}:{}   Page {} of {}", sheet.auditEntries,
                                     sheet.auditHash.substr(0, 12), page + 1, pages.pages.size()));
    auto ext = dc.GetTextExtent(footer);
    dc.DrawText(footer, kMargin + width - ext.x, pages.page.y - kMargin - ext.y);
    // The shift is in the header already: the footer keeps room for the record's head.
    dc.DrawText(u8("Vigil \u00b7 confidential patient information"), kMargin,
                pages.page.y - kMargin - ext.y);
}

} // namespace vigil::report
