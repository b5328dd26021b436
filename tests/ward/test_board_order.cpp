// Issue 14: the ward board in bed order or in urgency order (open escalation level, then highest
// flag, then overdue, then next due).
#include "ward/board_order.h"

#include <catch2/catch.hpp>

using namespace vigil;
using namespace std::chrono;

namespace {
const TimePoint kNow = sys_days{November / 22 / 2026} + hours(9);

ward::BedView bed(StayId id, std::string name, minutes dueIn) {
    ward::BedView b;
    b.stay.id = id;
    b.stay.bed = std::move(name);
    b.due.at = kNow + dueIn;
    b.overdueMinutes = dueIn < minutes(0) ? -dueIn.count() : 0;
    return b;
}
void escalate(ward::BedView& b, rules::Level level) {
    Escalation e;
    e.openedLevel = level;
    b.openEscalations.push_back(e);
}
void flag(ward::BedView& b, rules::Level level) {
    rules::Flag f;
    f.level = level;
    b.openFlags.push_back(f);
}
std::vector<std::string> beds(const std::vector<ward::BedView>& board) {
    std::vector<std::string> out;
    for (auto& b : board)
        out.push_back(b.stay.bed);
    return out;
}

std::vector<ward::BedView> unit() {
    std::vector<ward::BedView> u;
    u.push_back(bed(1, "10", minutes(50)));
    u.push_back(bed(2, "2", minutes(5)));   // due soonest of the quiet ones
    u.push_back(bed(3, "3", minutes(-40))); // overdue 40 min
    u.push_back(bed(4, "4", minutes(-10))); // overdue 10 min, a watch flag
    flag(u.back(), rules::Level::Watch);
    u.push_back(bed(5, "5", minutes(30))); // an urgent escalation, a watch flag now
    escalate(u.back(), rules::Level::Urgent);
    flag(u.back(), rules::Level::Watch);
    u.push_back(bed(6, "6", minutes(30))); // an urgent escalation and an urgent flag
    escalate(u.back(), rules::Level::Urgent);
    flag(u.back(), rules::Level::Urgent);
    u.push_back(bed(7, "Bay A", minutes(50))); // the emergency, last in bed order
    escalate(u.back(), rules::Level::Emergency);
    u.push_back(bed(8, "1", minutes(50)));
    return u;
}
} // namespace

TEST_CASE("bed order: by the bed's number, then its name", "[ward][board-order]") {
    auto board = unit();
    ward::orderBoard(board, ward::BoardOrder::Bed);
    CHECK(beds(board) == std::vector<std::string>{"Bay A", "1", "2", "3", "4", "5", "6", "10"});
}

TEST_CASE("urgency order: escalation level, highest flag, overdue, next due",
          "[ward][board-order]") {
    auto board = unit();
    ward::orderBoard(board, ward::BoardOrder::Urgency);
    // Emergency escalation; urgent escalations, the one with the higher flag first; a watch flag
    // (though less overdue than bed 3); the overdue; then by next due, ties in bed order.
    CHECK(beds(board) == std::vector<std::string>{"Bay A", "6", "5", "4", "3", "2", "1", "10"});
    // Back to bed order and again: the same result whatever order it started in.
    ward::orderBoard(board, ward::BoardOrder::Bed);
    ward::orderBoard(board, ward::BoardOrder::Urgency);
    CHECK(beds(board).front() == "Bay A");
    CHECK(beds(board).back() == "10");
}

TEST_CASE("the board says its order in words", "[ward][board-order]") {
    CHECK(ward::boardOrderWords(ward::BoardOrder::Bed) == "In bed order");
    CHECK_THAT(ward::boardOrderWords(ward::BoardOrder::Urgency),
               Catch::StartsWith("Most urgent first"));
}
