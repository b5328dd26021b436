#include "ui/sign_in_page.h"

#include "core/timefmt.h"
#include "ui/keypad.h"
#include "ui/theme.h"
#include "ward/ward.h"

#include <fmt/format.h>
#include <wx/button.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/wrapsizer.h>

namespace vigil::ui {

namespace {
enum Mode { SignInMode, FirstAdminMode };
constexpr std::size_t kMaxPinDigits = 8;
constexpr int kColumnDip = 290; // the keypad's column: as wide as "Sign in"
} // namespace

SignInPage::SignInPage(wxWindow* parent, ward::Ward& ward, SignedIn onSignedIn)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL, "sign-in"),
      m_ward(ward), m_onSignedIn(std::move(onSignedIn)) {
    m_book = new wxSimplebook(this);
    auto* signInPage = new wxPanel(m_book);
    auto* adminPage = new wxPanel(m_book);
    buildSignIn(signInPage);
    buildFirstAdmin(adminPage);
    m_book->AddPage(signInPage, "sign in");
    m_book->AddPage(adminPage, "first admin");
    auto* s = new wxBoxSizer(wxVERTICAL);
    s->Add(m_book, wxSizerFlags(1).Expand());
    SetSizer(s);
}

void SignInPage::buildSignIn(wxWindow* page) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(label(page, "Vigil \u00b7 sign in", 1.6, true), wxSizerFlags().Border());
    m_reason = label(page, "", 1.1, false, "signin/reason");
    top->Add(m_reason, wxSizerFlags().Border(wxLEFT | wxRIGHT));

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(label(page, "Tap your name", 1.2, true), wxSizerFlags().Border(wxBOTTOM));
    m_names = new wxPanel(page, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, "signin/names");
    m_names->SetSizer(new wxWrapSizer(wxHORIZONTAL));
    left->Add(m_names, wxSizerFlags(1).Expand());
    body->Add(left, wxSizerFlags(1).Expand().Border());

    auto* right = new wxBoxSizer(wxVERTICAL);
    // The words beside the keypad have their size reserved: a long name or a refusal moves
    // neither the keypad nor the names (issue 14).
    m_who = reservedLabel(page, kColumnDip, 2, 1.3, true, "signin/who");
    right->Add(m_who, wxSizerFlags().Border(wxBOTTOM));
    m_pinDots = reservedLabel(page, kColumnDip, 1, 2.2, true, "signin/pin");
    right->Add(m_pinDots, wxSizerFlags().Border(wxBOTTOM));
    auto* keypad = new Keypad(
        page, [this](const wxString& k) { onKey(k); }, "pin-key/");
    if (auto* point = wxWindow::FindWindowByName("pin-key/.", keypad)) point->Hide(); // digits only
    right->Add(keypad);
    m_go = touchButton(page, "Sign in", "signin/go");
    m_go->SetMinSize(wxSize(page->FromDIP(290), page->FromDIP(64)));
    m_go->SetFont(scaled(m_go->GetFont(), 1.3, true));
    m_go->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { signIn(); });
    right->Add(m_go, wxSizerFlags().Border(wxTOP));
    m_message = reservedLabel(page, kColumnDip, 4, 1.1, true, "signin/message");
    right->Add(m_message, wxSizerFlags().Border(wxTOP));
    body->Add(right, wxSizerFlags().Border());
    top->Add(body, wxSizerFlags(1).Expand());
    page->SetSizer(top);
}

void SignInPage::buildFirstAdmin(wxWindow* page) {
    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(label(page, "Welcome to Vigil", 1.6, true), wxSizerFlags().Border());
    top->Add(label(page,
                   "Nobody can sign in yet. Set up the first admin: the person who adds the "
                   "ward's nurses and charge nurses and chooses the rule set.",
                   1.1),
             wxSizerFlags().Border());
    auto* grid = new wxFlexGridSizer(2, page->FromDIP(8), page->FromDIP(12));
    auto field = [&](const char* title, const char* name, long style) {
        grid->Add(label(page, title, 1.1, true), wxSizerFlags().CenterVertical());
        auto* t = new wxTextCtrl(page, wxID_ANY, "", wxDefaultPosition,
                                 wxSize(page->FromDIP(360), page->FromDIP(kTouchDip)), style,
                                 wxDefaultValidator, name);
        t->SetFont(scaled(t->GetFont(), 1.3));
        grid->Add(t);
        return t;
    };
    m_adminName = field("Full name", "firstadmin/name", 0);
    m_adminPin = field("PIN (4-8 digits)", "firstadmin/pin", wxTE_PASSWORD);
    m_adminRepeat = field("PIN again", "firstadmin/repeat", wxTE_PASSWORD);
    top->Add(grid, wxSizerFlags().Border());
    auto* save = touchButton(page, "Create admin and sign in", "firstadmin/save");
    save->SetFont(scaled(save->GetFont(), 1.2, true));
    fitToLabel(save);
    save->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { addFirstAdmin(); });
    top->Add(save, wxSizerFlags().Border());
    m_adminMessage = reservedLabel(page, 720, 3, 1.1, true, "firstadmin/message");
    top->Add(m_adminMessage, wxSizerFlags().Border());
    page->SetSizer(top);
}

void SignInPage::start(const wxString& why) {
    m_chosen.reset();
    wipePin(m_pin);
    if (m_ward.needsFirstAdmin()) {
        m_adminName->Clear();
        m_adminPin->Clear();
        m_adminRepeat->Clear();
        sayIn(m_adminMessage, "");
        m_book->ChangeSelection(FirstAdminMode);
        m_adminName->SetFocus();
        return;
    }
    m_reason->SetLabel(why);
    m_names->DestroyChildren();
    for (auto& s : m_ward.staff()) {
        if (!s.hasPin) continue; // demo and imported staff without a PIN cannot sign in
        auto* b = touchButton(
            m_names, wxString::FromUTF8(fmt::format("{}\n{}", s.name, labelOf(roles(), s.role))),
            wxString::Format("signin/name/%lld", static_cast<long long>(s.id)));
        b->SetMinSize(wxSize(FromDIP(220), FromDIP(80)));
        b->SetFont(scaled(b->GetFont(), 1.2));
        b->Bind(wxEVT_BUTTON, [this, s](wxCommandEvent&) { choose(s); });
        m_names->GetSizer()->Add(b, wxSizerFlags().Border(wxALL, FromDIP(4)));
    }
    sayIn(m_who, "Tap your name first");
    sayIn(m_message, "");
    showPin();
    m_book->ChangeSelection(SignInMode);
    Layout();
    m_book->GetPage(SignInMode)->Layout();
    m_names->Layout(); // new buttons: the panel's size may not change, so lay it out by hand
}

void SignInPage::choose(const store::StaffMember& who) {
    m_chosen = who;
    // The chosen name is marked by colour and by its bold weight.
    for (auto* child : m_names->GetChildren()) {
        bool chosen = child->GetName() ==
                      wxString::Format("signin/name/%lld", static_cast<long long>(who.id));
        child->SetBackgroundColour(chosen ? accentColour() : wxNullColour);
        child->SetForegroundColour(chosen ? *wxWHITE : wxNullColour);
        wxFont f = child->GetFont();
        f.SetWeight(chosen ? wxFONTWEIGHT_BOLD : wxFONTWEIGHT_NORMAL);
        child->SetFont(f);
    }
    wipePin(m_pin);
    sayIn(m_who, wxString::FromUTF8(fmt::format("PIN for {}", who.name)));
    sayIn(m_message, "");
    showPin();
}

void SignInPage::onKey(const wxString& key) {
    if (key == "next") return signIn();
    if (key == "back") {
        if (!m_pin.empty()) m_pin.pop_back();
    } else if (key == "clear") {
        wipePin(m_pin);
    } else if (key != "." && m_pin.size() < kMaxPinDigits) {
        m_pin += key.ToStdString();
    }
    showPin();
}

void SignInPage::showPin() {
    // One dot per digit typed: what was typed is never shown.
    std::string dots;
    for (std::size_t i = 0; i < m_pin.size(); ++i)
        dots += "\u25cf ";
    sayIn(m_pinDots, m_pin.empty() ? wxString::FromUTF8("\u2014") : wxString::FromUTF8(dots));
    m_go->Enable(m_chosen.has_value());
}

void SignInPage::say(wxStaticText* where, const std::string& text, bool refused) {
    where->SetForegroundColour(refused ? refusedColour() : wxColour(30, 30, 30));
    sayIn(where, wxString::FromUTF8((refused ? "\u2716 " : "") + text));
}

void SignInPage::signIn() {
    if (!m_chosen) return say(m_message, "Tap your name first", true);
    try {
        auto result = m_ward.signIn(m_chosen->id, m_pin);
        wipePin(m_pin);
        showPin();
        if (!result.signedIn) return say(m_message, result.message, true);
        m_onSignedIn(*result.signedIn);
    } catch (const ward::NotSaved& e) {
        wipePin(m_pin);
        showPin();
        say(m_message, e.what(), true);
    }
}

void SignInPage::addFirstAdmin() {
    std::string pin = m_adminPin->GetValue().utf8_string();
    std::string repeat = m_adminRepeat->GetValue().utf8_string();
    bool same = pin == repeat;
    wipePin(repeat);
    if (!same) {
        wipePin(pin);
        return say(m_adminMessage, "The two PINs differ: type the same PIN twice", true);
    }
    try {
        auto out = m_ward.addFirstAdmin(m_adminName->GetValue().utf8_string(), pin);
        if (out.problem) {
            wipePin(pin);
            return say(m_adminMessage, *out.problem, true);
        }
        auto result = m_ward.signIn(*out.added, pin);
        wipePin(pin);
        if (result.signedIn) m_onSignedIn(*result.signedIn);
    } catch (const ward::NotSaved& e) {
        wipePin(pin);
        say(m_adminMessage, e.what(), true);
    }
}

} // namespace vigil::ui
