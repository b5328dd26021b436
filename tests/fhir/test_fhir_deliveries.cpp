// The delivery record (schema 11): insert-only, audited, read back as written.
#include "store/audit.h"
#include "store/fhir_deliveries.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/transaction.h"

#include <catch2/catch.hpp>

using namespace vigil;
using store::FhirDelivery;

TEST_CASE_METHOD(test::WardWorld, "a delivery is recorded, audited, and never changed",
                 "[fhir][store]") {
    auto round = *ward.recordRound(test::normalRound(admit("1")), {}, nurse).saved;
    FhirDelivery refused{0,
                         round,
                         "https://ehr.example/fhir",
                         clock.now(),
                         "ab12",
                         FhirDelivery::Outcome::Refused,
                         422,
                         "error: no such patient"};
    auto id = ward::inTransaction(db, "The delivery record", 0, clock.now(),
                                  [&] { return store::insertFhirDelivery(db, refused); });
    CHECK(id > 0);
    auto all = store::fhirDeliveries(db, "https://ehr.example/fhir");
    REQUIRE(all.size() == 1);
    CHECK(all[0].id == id);
    CHECK(all[0].round == round);
    CHECK(all[0].outcome == FhirDelivery::Outcome::Refused);
    CHECK(all[0].httpStatus == 422);
    CHECK(all[0].answer == "error: no such patient");
    CHECK(all[0].at == clock.now());
    CHECK(store::fhirDeliveries(db, "https://other.example/fhir").empty());
    CHECK(store::newestFhirEndpoint(db) == "https://ehr.example/fhir");

    for (std::string sql :
         {"UPDATE fhir_deliveries SET outcome = 'accepted'", "DELETE FROM fhir_deliveries"}) {
        CAPTURE(sql);
        auto statement = db.prepared(sql);
        CHECK_THROWS_WITH((*statement).exec(), Catch::Contains("never"));
    }
    CHECK(store::fhirDeliveries(db, "https://ehr.example/fhir").size() == 1);
    CHECK_FALSE(store::verifyAudit(db).first);
}
