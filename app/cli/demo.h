#pragma once
// `vigil demo`: realistic synthetic stays and rounds, written through the ward's own use cases.
#include "core/clock.h"
#include "store/database.h"

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

DemoStats fillDemo(store::Database& db, const DemoOptions& options, TimePoint now);

} // namespace vigil::cli
