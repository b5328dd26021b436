#include "ui/dialogs.h"

#include "ui/theme.h"

#include "core/observation.h"
#include <fmt/format.h>

#include <algorithm>
#include <wx/checkbox.h>
#include <wx/choice.h>
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
class LimitDialog : public wxDialog {
public:
    explicit LimitDialog(wxWindow* parent)
        : wxDialog(parent, wxID_ANY, "Patient-specific limit", wxDefaultPosition, wxDefaultSize,
                   wxDEFAULT_DIALOG_STYLE, "limit-dialog") {
        auto* s = new wxFlexGridSizer(2, FromDIP(6), FromDIP(12));
        auto text = [&](const char* title, const char* name, const char* hint) {
            s->Add(label(this, title, 1.1, true), wxSizerFlags().CenterVertical());
            auto* t = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition,
                                     wxSize(FromDIP(320), FromDIP(kTouchDip)), 0,
                                     wxDefaultValidator, name);
            t->SetHint(wxString::FromUTF8(hint));
            s->Add(t);
            return t;
        };
        s->Add(label(this, "Value", 1.1, true), wxSizerFlags().CenterVertical());
        wxArrayString fields;
        for (auto& f : numberFields())
            fields.Add(wxString::FromUTF8(std::string(f.label)));
        m_field = new wxChoice(this, wxID_ANY, wxDefaultPosition,
                               wxSize(FromDIP(320), FromDIP(kTouchDip)), fields, 0,
                               wxDefaultValidator, "limit/field");
        m_field->SetSelection(1); // SpO2, the usual one
        s->Add(m_field);
        m_low = text("Lowest accepted", "limit/low", "e.g. 88 (empty: no lower limit)");
        m_high = text("Highest accepted", "limit/high", "empty: no upper limit");
        m_clinician = text("Clinician", "limit/clinician", "who set it");
        m_reason = text("Reason", "limit/reason", "e.g. COPD, usual SpO2 88-92");
        m_hours = text("Valid for (hours)", "limit/hours", "12");
        auto* outer = new wxBoxSizer(wxVERTICAL);
        outer->Add(s, wxSizerFlags().Border());
        outer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Expand().Border());
        SetSizerAndFit(outer);
    }
    LimitEntry result() const {
        LimitEntry e;
        e.field = std::string(
            numberFields()[static_cast<size_t>(std::max(0, m_field->GetSelection()))].key);
        double v = 0;
        if (m_low->GetValue().Trim().ToCDouble(&v)) e.low = v;
        if (m_high->GetValue().Trim().ToCDouble(&v)) e.high = v;
        e.clinician = m_clinician->GetValue().Trim().utf8_string();
        e.reason = m_reason->GetValue().Trim().utf8_string();
        long hours = 12;
        if (m_hours->GetValue().Trim().ToLong(&hours) && hours > 0)
            e.hours = static_cast<int>(hours);
        return e;
    }

private:
    wxChoice* m_field;
    wxTextCtrl *m_low, *m_high, *m_clinician, *m_reason, *m_hours;
};
} // namespace

std::optional<LimitEntry> askPatientLimit(wxWindow* parent) {
    LimitDialog d(parent);
    if (d.ShowModal() != wxID_OK) return std::nullopt;
    return d.result();
}

std::optional<Correction> askCorrection(wxWindow* parent, const std::string& field,
                                        const std::string& current) {
    CorrectionDialog d(parent, field, current);
    if (d.ShowModal() != wxID_OK) return std::nullopt;
    return d.result();
}

} // namespace vigil::ui
