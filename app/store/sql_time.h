#pragma once
// Times are stored as RFC 3339 UTC text; a malformed one means the file was edited by hand.
#include "core/timefmt.h"
#include "store/sql.h"

#include <stdexcept>

namespace vigil::store {

inline TimePoint readTime(const Column& c) {
    auto t = parseRfc3339(c.getString());
    if (!t) throw std::runtime_error("database holds a malformed time: \"" + c.getString() + "\"");
    return *t;
}

} // namespace vigil::store
