#pragma once
// A ward of its own for each test: a real SQLite file in a fresh folder, a clock the test moves by
// hand, the built-in rules, a nurse and a charge nurse, and a way to admit a patient two hours after a morphine
// implant.
#include "support/pg_server.h"
#include "support/temp_dir.h"
#include "ward/ward.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace vigil::test {

struct WardWorld {
    TempDir dir;
    store::Database db{recordIn(dir)};
    ManualClock clock{std::chrono::sys_days{std::chrono::November / 22 / 2026} +
                      std::chrono::hours(9)};
    ward::Ward ward{db, clock};
    StaffId nurse = ward.ensureStaff("Nurse Okafor", store::Role::Nurse);
    StaffId charge = ward.ensureStaff("Charge nurse Adeyemi", store::Role::ChargeNurse);

    StayId admit(const std::string& bed, std::vector<RiskFactor> risks = {}) {
        Stay s;
        s.bed = bed;
        s.name = "Patient " + bed;
        s.mrn = "D" + bed;
        s.since = clock.now() - std::chrono::hours(2);
        s.drugs = {Drug::Morphine};
        s.risks = std::move(risks);
        auto out = ward.admit(s, nurse);
        REQUIRE(out.problems.empty());
        return *out.admitted;
    }
};

} // namespace vigil::test
