// "Round in progress: Nurse X" on other devices' boards (issue 13): a round form opened at a bed
// is recorded, and ends when the round with the form's key is saved, the form is left, a missed
// round is recorded, or ward::kRoundInProgressFor has passed. Runs on both engines.
#include "core/hash.h"
#include "store/audit.h"
#include "support/rounds.h"
#include "support/ward_world.h"
#include "ward/ward.h"

#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

namespace {
struct InProgress : test::WardWorld {
    // The board as another device sees it: its own connection to the same record.
    store::Database other{db.path()};
    ward::Ward otherWard{other, clock};
    std::optional<store::RoundOpening> seenElsewhere() {
        auto beds = otherWard.board();
        REQUIRE(beds.size() == 1);
        return beds[0].roundInProgress;
    }
    long rows() {
        return static_cast<long>(db.execAndGet("SELECT count(*) FROM round_openings").getInt64());
    }
};
} // namespace

TEST_CASE_METHOD(InProgress, "an opened round form shows on another device until it is saved",
                 "[ward][live]") {
    auto stay = admit("1");
    CHECK_FALSE(seenElsewhere());
    auto key = randomKey();
    auto opened = clock.now();
    ward.roundOpened(stay, key, nurse);
    auto seen = seenElsewhere();
    REQUIRE(seen);
    CHECK(seen->staffName == "Nurse Okafor");
    CHECK(seen->at == opened);
    clock.advance(minutes(3));
    auto r = test::normalRound(stay);
    r.deviceKey = key;
    REQUIRE(ward.recordRound(r, {}, nurse).saved);
    CHECK_FALSE(seenElsewhere()); // the saved round carries the form's key
    // Audited like every row, never changed afterwards.
    CHECK(rows() == 1);
    CHECK_FALSE(store::verifyAudit(db).first);
    CHECK_THROWS(db.exec("UPDATE round_openings SET kind = 'left'"));
    CHECK_THROWS(db.exec("DELETE FROM round_openings"));
}

TEST_CASE_METHOD(InProgress, "a form left unsaved, a missed round or 15 minutes end it",
                 "[ward][live]") {
    auto stay = admit("1");
    auto key = randomKey();
    ward.roundOpened(stay, key, nurse);
    ward.roundLeft(stay, key, nurse);
    CHECK_FALSE(seenElsewhere());
    // Opened again with the kept draft's key: in progress again.
    ward.roundOpened(stay, key, charge);
    REQUIRE(seenElsewhere());
    CHECK(seenElsewhere()->staffName == "Charge nurse Adeyemi");
    REQUIRE_FALSE(ward.recordMissedRound(stay, "asleep", charge));
    CHECK_FALSE(seenElsewhere());

    clock.advance(minutes(1));
    ward.roundOpened(stay, randomKey(), nurse);
    clock.advance(ward::kRoundInProgressFor - seconds(1));
    CHECK(seenElsewhere());
    clock.advance(seconds(1)); // a tablet switched off mid-round does not hold the bed forever
    CHECK_FALSE(seenElsewhere());
    CHECK(rows() == 4);
}
