#include "ward/board_order.h"

#include <algorithm>
#include <tuple>

namespace vigil::ward {

namespace {
// -1 when there is none: any level outranks nothing.
int highestEscalation(const BedView& b) {
    int level = -1;
    for (auto& e : b.openEscalations)
        level = std::max(level, static_cast<int>(e.level()));
    return level;
}
int highestFlag(const BedView& b) {
    int level = -1;
    for (auto& f : b.openFlags)
        level = std::max(level, static_cast<int>(f.level));
    return level;
}
} // namespace

void orderBoard(std::vector<BedView>& beds, BoardOrder order) {
    auto byBed = [](const BedView& a, const BedView& b) {
        return store::inBedOrder(a.stay, b.stay);
    };
    std::stable_sort(beds.begin(), beds.end(), byBed);
    if (order == BoardOrder::Bed) return;
    // Larger is more urgent; the next round's time negated so the soonest sorts first.
    auto urgency = [](const BedView& b) {
        return std::tuple(highestEscalation(b), highestFlag(b), b.overdueMinutes,
                          -b.due.at.time_since_epoch().count());
    };
    std::stable_sort(beds.begin(), beds.end(),
                     [&](const BedView& a, const BedView& b) { return urgency(a) > urgency(b); });
}

std::string boardOrderWords(BoardOrder order) {
    return order == BoardOrder::Bed
               ? "In bed order"
               : "Most urgent first: open escalation, then flag, then overdue, then next due";
}

} // namespace vigil::ward
