#include "ui/dialogs.h"

#include "ui/theme.h"

#include <fmt/format.h>
#include <wx/checkbox.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

namespace vigil::ui {

namespace {
class CorrectionDialog : public wxDialog {
public:
    CorrectionDialog(wxWindow* parent, const std::string& field, const std::string& current)
        : wxDialog(parent, wxID_ANY, "Correct a charted value", wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE, "correction-dialog") {
        auto* s = new wxBoxSizer(wxVERTICAL);
        s->Add(label(this, wxString::FromUTF8(fmt::format("{}: charted as {}", field, current)),
                     1.3, true),
               wxSizerFlags().Border());
        s->Add(label(this, "Corrected value (empty: not measured)", 1.1));
        m_value = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(current), wxDefaultPosition,
                                 wxSize(FromDIP(300), FromDIP(kTouchDip)), 0, wxDefaultValidator,
                                 "correction/value");
        s->Add(m_value, wxSizerFlags().Expand().Border());
        m_error =
            new wxCheckBox(this, wxID_ANY, "Entered in error (the whole round)", wxDefaultPosition,
                           wxDefaultSize, 0, wxDefaultValidator, "correction/error");
        s->Add(m_error, wxSizerFlags().Border());
        s->Add(label(this, "Reason (required)", 1.1));
        m_reason = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition,
                                  wxSize(FromDIP(420), FromDIP(kTouchDip)), 0, wxDefaultValidator,
                                  "correction/reason");
        s->Add(m_reason, wxSizerFlags().Expand().Border());
        s->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border());
        SetSizerAndFit(s);
    }
    Correction result() const {
        Correction c;
        c.enteredInError = m_error->GetValue();
        auto v = m_value->GetValue().Trim().Trim(false);
        if (!v.empty() && !c.enteredInError) c.value = v.utf8_string();
        c.reason = m_reason->GetValue().utf8_string();
        return c;
    }

private:
    wxTextCtrl* m_value;
    wxTextCtrl* m_reason;
    wxCheckBox* m_error;
};
} // namespace

std::optional<Correction> askCorrection(wxWindow* parent, const std::string& field,
                                        const std::string& current) {
    CorrectionDialog d(parent, field, current);
    if (d.ShowModal() != wxID_OK) return std::nullopt;
    return d.result();
}

} // namespace vigil::ui
