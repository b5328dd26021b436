#pragma once
// What the read-only commands (due, summary, handoff, audit verify/head, staff list) do with a
// database file, run on any bytes: refused with a message, or read, never a crash or a hang.
#include "core/shift.h"
#include "store/audit.h"
#include "store/database.h"
#include "store/migrations.h"
#include "ward/ward.h"

#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>

namespace vigil::fuzz {

// Writes `bytes` to `path` with the header's schema version set to this Vigil's, so that mutated
// files get past the version check into the reading code; returns whether it was read whole.
inline bool readAsDatabase(std::string_view bytes, const std::string& path) {
    std::string file(bytes);
    if (file.size() >= 100) {
        auto v = static_cast<std::uint32_t>(store::latestSchemaVersion());
        for (int i = 0; i < 4; ++i)
            file[60 + i] = static_cast<char>((v >> (8 * (3 - i))) & 0xff);
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << file;
    try {
        store::Database db(path, store::Durability::Full, store::Access::ReadOnly);
        ManualClock clock(std::chrono::sys_days{std::chrono::November / 22 / 2026} +
                          std::chrono::hours(12));
        ward::Ward ward(db, clock);
        ward.board();
        Shift shift = shiftAt(clock.now(), ShiftPattern{});
        ward.shiftSummary(shift);
        ward.handoffSheet(shift, "Fuzz unit", "fuzz");
        ward.staff();
        store::verifyAudit(db, store::auditHead(db));
        return true;
    } catch (const std::exception&) {
        return false; // refused with a message: what the commands print
    }
}

} // namespace vigil::fuzz
