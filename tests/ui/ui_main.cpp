// Catch2 runner inside a real wxApp. A wx assert throws, so it fails the test instead of
// popping up a dialog nobody can click (wxWidgets' own test suite does the same).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <stdexcept>
#include <wx/app.h>
#include <wx/init.h>

namespace {
class TestApp : public wxApp {
public:
    bool OnInit() override { return true; }
};

void throwOnAssert(const wxString& file, int line, const wxString& func, const wxString& cond,
                   const wxString& msg) {
    throw std::logic_error(
        wxString::Format("wx assert %s at %s:%d in %s: %s", cond, file, line, func, msg)
            .utf8_string());
}
} // namespace

int main(int argc, char** argv) {
    wxApp::SetInstance(new TestApp);
    int wxArgc = 1; // Catch2 reads the options; wx sees only the program name
    if (!wxEntryStart(wxArgc, argv)) return 1;
    wxTheApp->CallOnInit();
    wxSetAssertHandler(throwOnAssert);
    int result = Catch::Session().run(argc, argv);
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
