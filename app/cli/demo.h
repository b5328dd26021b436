#pragma once
// `vigil demo`: realistic synthetic stays and rounds, written through the ward's own use cases.
#include "core/clock.h"
#include "store/database.h"

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
DemoStats fillDemo(store::Database& db, const DemoOptions& options, TimePoint now);

} // namespace vigil::cli
