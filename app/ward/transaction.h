#pragma once
// Runs one use case in one IMMEDIATE transaction; any database error becomes SaveFailed.
// `by` and `at` sign the audit entries of every row the use case writes.
#include "ward/ward.h"

#include <SQLiteCpp/Transaction.h>
#include <fmt/format.h>
#include <string_view>

namespace vigil::ward {

template <class F>
auto inTransaction(store::Database& db, std::string_view what, StaffId by, TimePoint at, F&& f) {
    try {
        db.setActor(by, at);
        SQLite::Transaction tx(db.sql(), SQLite::TransactionBehavior::IMMEDIATE);
        auto result = f();
        tx.commit();
        return result;
    } catch (const SQLite::Exception& e) {
        throw SaveFailed(
            fmt::format("{} was not saved: {}", what, store::describeFailure(e, db.path())));
    }
}

} // namespace vigil::ward
