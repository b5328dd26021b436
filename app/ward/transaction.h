#pragma once
// Runs one use case in one write transaction; any database error becomes SaveFailed.
// `by` and `at` sign the audit entries of every row the use case writes.
#include "ward/ward.h"

#include <fmt/format.h>
#include <string_view>

namespace vigil::ward {

template <class F>
auto inTransaction(store::Database& db, std::string_view what, StaffId by, TimePoint at, F&& f) {
    // A server may end a transaction for a serialization failure or a deadlock: it is run again
    // from the start, a few times; every other failure is the nurse's to see at once.
    constexpr int kAttempts = 4;
    for (int attempt = 1;; ++attempt) {
        try {
            db.setActor(by, at);
            store::Database::Transaction tx(db);
            auto result = f();
            tx.commit();
            return result;
        } catch (const store::SqlError& e) {
            if (e.kind() == store::SqlError::Kind::Retry && attempt < kAttempts) continue;
            throw SaveFailed(fmt::format("{} was not saved: {}", what, e.what()));
        }
    }
}

} // namespace vigil::ward
