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

namespace {
FhirDelivery delivered(RoundId round, TimePoint at, FhirDelivery::Outcome outcome) {
    return {0, round, "https://ehr.example/fhir", at, "sha", outcome, 200, ""};
}
} // namespace

TEST_CASE_METHOD(test::WardWorld, "the charge nurse's EHR line counts the rounds waiting",
                 "[fhir][ward]") {
    using namespace std::chrono;
    auto record = [&](FhirDelivery d) {
        ward::inTransaction(db, "The delivery record", 0, clock.now(),
                            [&] { return store::insertFhirDelivery(db, d); });
    };
    CHECK_FALSE(ward.ehrDelivery()); // nothing ever sent: no EHR link to speak of

    auto bed1 = admit("1");
    auto first = *ward.recordRound(test::normalRound(bed1), {}, nurse).saved;
    auto firstTaken = clock.now();
    clock.advance(minutes(10));
    auto second = *ward.recordRound(test::normalRound(admit("2")), {}, nurse).saved;
    auto secondTaken = clock.now();
    clock.advance(minutes(5));

    record(delivered(first, clock.now(), FhirDelivery::Outcome::Accepted));
    record(delivered(second, clock.now(), FhirDelivery::Outcome::Refused));
    auto ehr = ward.ehrDelivery();
    REQUIRE(ehr);
    CHECK(ehr->endpoint == "https://ehr.example/fhir");
    CHECK(ehr->backlog.waiting == 1); // a refusal leaves the round waiting
    CHECK(ehr->backlog.since == secondTaken);
    CHECK(ehr->backlog.lastAccepted == clock.now());

    // An accepted round amended afterwards waits again, since the amendment.
    clock.advance(minutes(5));
    Amendment fix;
    fix.round = first;
    fix.field = "hr";
    fix.value = "88";
    fix.reason = "read from the wrong monitor";
    fix.by = nurse;
    REQUIRE_FALSE(ward.amend(fix));
    ehr = ward.ehrDelivery();
    CHECK(ehr->backlog.waiting == 2);
    CHECK(ehr->backlog.since == secondTaken); // the oldest waiting change
    CHECK(firstTaken < secondTaken);

    clock.advance(minutes(1));
    record(delivered(first, clock.now(), FhirDelivery::Outcome::Accepted));
    record(delivered(second, clock.now(), FhirDelivery::Outcome::Accepted));
    ehr = ward.ehrDelivery();
    CHECK(ehr->backlog.waiting == 0);
    CHECK_FALSE(ehr->backlog.since);
    CHECK(ehr->backlog.lastAccepted == clock.now());

    // Another server's acceptances say nothing about this one.
    clock.advance(minutes(1));
    auto third = *ward.recordRound(test::normalRound(bed1), {}, nurse).saved;
    auto elsewhere = delivered(third, clock.now(), FhirDelivery::Outcome::Accepted);
    elsewhere.endpoint = "https://other.example/fhir";
    record(elsewhere);
    CHECK(ward.ehrDelivery()->endpoint == "https://other.example/fhir");
    record(delivered(first, clock.now(), FhirDelivery::Outcome::Refused));
    ehr = ward.ehrDelivery();
    CHECK(ehr->endpoint == "https://ehr.example/fhir");
    CHECK(ehr->backlog.waiting == 1);
    CHECK(ehr->backlog.since == clock.now());
}
