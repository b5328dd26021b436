#include "report/handoff_layout.h"

#include "report/handoff_draw.h"

namespace vigil::report {

wxSize pageSize(Paper paper) {
    // A4 210 x 297 mm; US Letter 8.5 x 11 in; at 96 px to the inch.
    return paper == Paper::A4 ? wxSize(794, 1123) : wxSize(816, 1056);
}

int blockHeight(wxDC& dc, const HandoffPatient& patient, int width) {
    return drawPatientBlock(dc, patient, wxRect(0, 0, width, 0), false);
}

Pagination paginate(wxDC& dc, const HandoffSheet& sheet, Paper paper) {
    Pagination p;
    p.page = pageSize(paper);
    p.pages.emplace_back();
    int width = p.page.x - 2 * kMargin;
    int y = p.contentTop();
    constexpr int kGap = 14;
    for (std::size_t i = 0; i < sheet.patients.size(); ++i) {
        int h = blockHeight(dc, sheet.patients[i], width);
        // A block that does not fit goes whole onto the next page. The block is drawn compact
        // enough (capped rows and lines) to fit an empty page.
        if (y + h > p.contentBottom() && !p.pages.back().empty()) {
            p.pages.emplace_back();
            y = p.contentTop();
        }
        p.pages.back().push_back({i, y, h});
        y += h + kGap;
    }
    return p;
}

std::vector<std::string> wrap(wxDC& dc, const std::string& text, int width) {
    std::vector<std::string> lines;
    std::string line;
    auto fits = [&](const std::string& s) {
        return dc.GetTextExtent(wxString::FromUTF8(s)).x <= width;
    };
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t end = text.find_first_of(" \n", pos);
        if (end == std::string::npos) end = text.size();
        std::string word = text.substr(pos, end - pos);
        std::string candidate = line.empty() ? word : line + " " + word;
        if (fits(candidate)) {
            line = candidate;
        } else {
            if (!line.empty()) lines.push_back(line);
            // A word wider than the line is cut where it overflows (UTF-8 safe: at code points).
            while (!fits(word) && word.size() > 1) {
                std::size_t cut = word.size() - 1;
                while (cut > 0 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80)
                    --cut;
                std::size_t n = cut;
                while (n > 1 && !fits(word.substr(0, n))) {
                    --n;
                    while (n > 0 && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80)
                        --n;
                }
                lines.push_back(word.substr(0, n));
                word = word.substr(n);
            }
            line = word;
        }
        if (end < text.size() && text[end] == '\n') {
            lines.push_back(line);
            line.clear();
        }
        pos = end + 1;
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

} // namespace vigil::report
