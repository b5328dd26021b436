// Catch2's main for the report tests: wx started for drawing only (wxInitializer), no display,
// exactly as `vigil handoff` runs.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>
#include <wx/init.h>

int main(int argc, char** argv) {
    wxInitializer wx;
    if (!wx) return 2;
    return Catch::Session().run(argc, argv);
}
