#pragma once
// `vigil demo`: realistic synthetic stays and rounds, written through the ward's own use cases.
#include "core/clock.h"
#include "store/database.h"

#include <iosfwd>
#include <optional>
#include <string>

namespace vigil::cli {

struct DemoOptions {
    int beds = 12;
    int days = 2;
    unsigned seed = 20261122;
};

struct DemoStats {
    int stays = 0;
    int rounds = 0;
};

// Why `db` may not be filled: the demo writes synthetic patients with real audit entries, so it
// fills only a new, empty record (one `vigil db migrate` made counts as empty). Says what the
// file holds and whether an earlier demo wrote it; nothing when it may be filled.
std::optional<std::string> demoRefusal(store::Database& db);
// `vigil demo`: refuses a record that holds anything (demoRefusal), builds the demo in a new
// file beside FILE and puts it in place only when whole, and only if FILE is still absent or
// still empty then: nothing can be written to FILE between the check and the demo. 0, or 2.
int runDemo(const std::string& path, const DemoOptions& options, std::ostream& out,
            std::ostream& err);
DemoStats fillDemo(store::Database& db, const DemoOptions& options, TimePoint now);

} // namespace vigil::cli
