#pragma once
// The look shared by every screen: touch sizes, large numbers, and the NEWS2 band colours, which
// always travel with a word and a symbol (colour is never the only signal).
#include "core/news2.h"
#include "core/rules/ruleset.h"

#include <wx/button.h>
#include <wx/colour.h>
#include <wx/font.h>
#include <wx/stattext.h>
#include <wx/window.h>

namespace vigil::ui {

constexpr int kTouchDip = 56; // comfortably above the 48 DIP minimum for gloved fingers

wxColour bandColour(news2::Band b);
wxColour bandTextColour(news2::Band b);
wxString bandSymbol(news2::Band b); // a shape per band, for colour-blind readers and paper

// Flag levels, likewise: colour, a symbol and the word.
wxColour levelColour(rules::Level l);
wxColour levelTextColour(rules::Level l);
wxString levelSymbol(rules::Level l);
wxString levelWord(rules::Level l); // "EMERGENCY", "URGENT", "WATCH", "INFO"

wxColour refusedColour(); // a refused value
wxColour confirmColour(); // a value awaiting confirmation
wxColour accentColour();  // the selected field and primary buttons

wxFont scaled(const wxFont& base, double factor, bool bold = false);
wxButton* touchButton(wxWindow* parent, const wxString& label, const wxString& name = "button");
inline wxButton* touchButton(wxWindow* parent, const char* utf8, const wxString& name = "button") {
    return touchButton(parent, wxString::FromUTF8(utf8), name);
}
// After a font change: at least the touch size and as wide as its words (GTK's best size still
// measures the old font, which cut "Create admin and sign in" to "eate admin and sign").
void fitToLabel(wxButton* b);
// `name` finds it from tests and tools ("summary/unit").
wxStaticText* label(wxWindow* parent, const wxString& text, double scale = 1.0, bool bold = false,
                    const wxString& name = wxStaticTextNameStr);
// Source literals are UTF-8 ("\u00b7"); wxString(const char*) would read them in the C locale.
inline wxStaticText* label(wxWindow* parent, const char* utf8, double scale = 1.0,
                           bool bold = false, const wxString& name = wxStaticTextNameStr) {
    return label(parent, wxString::FromUTF8(utf8), scale, bold, name);
}

// Text a nurse reads at arm's length (SBAR, escalation history, "Because" lines): at least
// kReadablePx pixels at 1280x800 (issue 14), larger if the font already is.
constexpr int kReadablePx = 15;
void makeReadable(wxWindow* w, bool bold = false);
double fontPixels(const wxWindow* w); // the em height of the window's font on screen

// A message with its place reserved (issue 14): `lines` lines of `widthDip` (or the width the
// sizer gives it, with -1) whether empty or not, so nothing moves when it appears or clears.
// sayIn() wraps the text to that width; what does not fit is cut, never pushed into the layout.
wxStaticText* reservedLabel(wxWindow* parent, int widthDip, int lines, double scale = 1.0,
                            bool bold = false, const wxString& name = wxStaticTextNameStr);
void sayIn(wxStaticText* where, const wxString& text);

} // namespace vigil::ui
