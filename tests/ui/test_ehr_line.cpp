// Issue 15 at the desk: the charge nurse's summary says whether the hospital's EHR has every
// round ("EHR: 1 round waiting since 14:02"), and follows the delivery record as it grows.
#include "gui_driver.h"

#include "core/timefmt.h"
#include "store/fhir_deliveries.h"
#include "ward/transaction.h"

#include "support/rounds.h"

using namespace vigil;
using namespace std::chrono;
using store::FhirDelivery;

namespace {
struct ChargeNurse : test::GuiDriver {
    ChargeNurse() : GuiDriver("", Start::SignInScreen) { signIn(m_charge, kChargePin); }
};
} // namespace

TEST_CASE_METHOD(ChargeNurse, "the summary says how far behind the EHR is", "[ui][summary]") {
    auto bed = admit("4", "Florence Nightingale");
    auto round = *m_ward.recordRound(test::normalRound(bed), {}, m_staff).saved;
    auto taken = m_clock.now();
    tap("session/summary");
    CHECK(text("summary/ehr").empty()); // nothing ever sent: no EHR link to warn about

    auto deliver = [&](FhirDelivery::Outcome outcome) {
        m_clock.advance(minutes(3));
        FhirDelivery d{0,
                       round,
                       "https://ehr.example/fhir",
                       m_clock.now(),
                       "sha",
                       outcome,
                       outcome == FhirDelivery::Outcome::Accepted ? 200 : 422,
                       ""};
        ward::inTransaction(m_db, "The delivery record", 0, m_clock.now(),
                            [&] { return store::insertFhirDelivery(m_db, d); });
        tap("summary/now");
    };
    deliver(FhirDelivery::Outcome::Refused);
    CHECK(text("summary/ehr") ==
          fmt::format("\u26a0 EHR: 1 round waiting since {}", formatLocalTime(taken)));
    screenshot("summary-ehr-waiting");
    deliver(FhirDelivery::Outcome::Accepted);
    CHECK(text("summary/ehr") == fmt::format("\u2714 EHR: every round delivered (last {})",
                                             formatLocalTime(m_clock.now())));
}
