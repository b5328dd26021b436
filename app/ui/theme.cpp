#include "ui/theme.h"

#include <algorithm>

namespace vigil::ui {

wxColour bandColour(news2::Band b) {
    switch (b) {
    case news2::Band::Low: return wxColour(46, 125, 50);
    case news2::Band::LowMedium: return wxColour(249, 168, 37);
    case news2::Band::Medium: return wxColour(230, 81, 0);
    case news2::Band::High: return wxColour(183, 28, 28);
    }
    return *wxBLACK;
}

wxColour bandTextColour(news2::Band b) {
    return b == news2::Band::LowMedium ? *wxBLACK : *wxWHITE;
}

wxString bandSymbol(news2::Band b) {
    switch (b) {
    case news2::Band::Low: return wxString::FromUTF8("\u25cf");       // ●
    case news2::Band::LowMedium: return wxString::FromUTF8("\u25b2"); // ▲
    case news2::Band::Medium: return wxString::FromUTF8("\u25c6");    // ◆
    case news2::Band::High: return wxString::FromUTF8("\u2716");      // ✖
    }
    return "";
}

wxColour levelColour(rules::Level l) {
    switch (l) {
    case rules::Level::Emergency: return wxColour(183, 28, 28);
    case rules::Level::Urgent: return wxColour(230, 81, 0);
    case rules::Level::Watch: return wxColour(249, 168, 37);
    case rules::Level::Info: return wxColour(224, 224, 224);
    }
    return *wxLIGHT_GREY;
}

wxColour levelTextColour(rules::Level l) {
    return l == rules::Level::Watch || l == rules::Level::Info ? *wxBLACK : *wxWHITE;
}

wxString levelSymbol(rules::Level l) {
    switch (l) {
    case rules::Level::Emergency: return wxString::FromUTF8("\u2716"); // ✖
    case rules::Level::Urgent: return wxString::FromUTF8("\u25c6");    // ◆
    case rules::Level::Watch: return wxString::FromUTF8("\u25b2");     // ▲
    case rules::Level::Info: return wxString::FromUTF8("\u24d8");      // ⓘ
    }
    return "";
}

wxString levelWord(rules::Level l) {
    return wxString(std::string(rules::levelCode(l))).Upper();
}

wxColour refusedColour() {
    return wxColour(183, 28, 28);
}
wxColour confirmColour() {
    return wxColour(191, 110, 0);
}
wxColour accentColour() {
    return wxColour(21, 101, 192);
}

wxFont scaled(const wxFont& base, double factor, bool bold) {
    wxFont f = base;
    f.SetFractionalPointSize(base.GetFractionalPointSize() * factor);
    if (bold) f.MakeBold();
    return f;
}

wxButton* touchButton(wxWindow* parent, const wxString& text, const wxString& name) {
    auto* b = new wxButton(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0,
                           wxDefaultValidator, name);
    b->SetFont(scaled(b->GetFont(), 1.2));
    // At least the touch size, and never narrower than its words.
    b->SetMinSize(wxSize(std::max(parent->FromDIP(kTouchDip * 2), b->GetBestSize().x),
                         parent->FromDIP(kTouchDip)));
    return b;
}

void fitToLabel(wxButton* b) {
    b->SetMinSize(wxSize(
        std::max(b->FromDIP(kTouchDip * 2), b->GetTextExtent(b->GetLabel()).x + b->FromDIP(40)),
        std::max(b->GetMinSize().y, b->FromDIP(kTouchDip))));
}

wxStaticText* label(wxWindow* parent, const wxString& text, double scale, bool bold,
                    const wxString& name) {
    auto* t = new wxStaticText(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, 0, name);
    if (scale != 1.0 || bold) t->SetFont(scaled(t->GetFont(), scale, bold));
    return t;
}

namespace {
double screenDpi(const wxWindow* w) {
    int dpi = w->GetDPI().y;
    return dpi > 0 ? dpi : 96.0;
}
} // namespace

double fontPixels(const wxWindow* w) {
    return w->GetFont().GetFractionalPointSize() * screenDpi(w) / 72.0;
}

void makeReadable(wxWindow* w, bool bold) {
    wxFont f = w->GetFont();
    double wantPoints = w->FromDIP(kReadablePx) * 72.0 / screenDpi(w);
    if (f.GetFractionalPointSize() < wantPoints) f.SetFractionalPointSize(wantPoints);
    if (bold) f.MakeBold();
    w->SetFont(f);
}

wxStaticText* reservedLabel(wxWindow* parent, int widthDip, int lines, double scale, bool bold,
                            const wxString& name) {
    auto* t = new wxStaticText(parent, wxID_ANY, "", wxDefaultPosition, wxDefaultSize,
                               wxST_NO_AUTORESIZE, name);
    if (scale != 1.0 || bold) t->SetFont(scaled(t->GetFont(), scale, bold));
    wxSize size(widthDip > 0 ? parent->FromDIP(widthDip) : -1,
                lines * t->GetCharHeight() + parent->FromDIP(4));
    t->SetMinSize(size);
    t->SetSize(wxSize(size.x > 0 ? size.x : 1, size.y));
    return t;
}

void sayIn(wxStaticText* where, const wxString& text) {
    where->SetLabel(text);
    int width = std::max(where->GetMinSize().x, where->GetSize().x);
    if (width > 0) where->Wrap(width);
    where->Refresh();
}

} // namespace vigil::ui
