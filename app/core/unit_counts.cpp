#include "core/unit_counts.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace vigil {

namespace {
constexpr std::array<Named<UnitCount>, 6> kCounts{{
    {UnitCount::Overdue, "overdue", "patients with a round overdue now"},
    {UnitCount::Emergency, "emergency", "patients with an emergency flag raised this shift"},
    {UnitCount::Urgent, "urgent", "patients with an urgent flag raised this shift"},
    {UnitCount::Watch, "watch", "patients with a watch flag raised this shift"},
    {UnitCount::OpenEscalations, "open", "patients with an escalation open"},
    {UnitCount::AcknowledgementsOverdue, "ack-overdue", "patients with an acknowledgement overdue"},
}};

int raised(const std::map<rules::Level, int>& byLevel, rules::Level level) {
    auto it = byLevel.find(level);
    return it == byLevel.end() ? 0 : it->second;
}
} // namespace

std::span<const Named<UnitCount>> unitCounts() {
    return kCounts;
}

int unitFigure(const UnitFigures& unit, UnitCount count) {
    switch (count) {
    case UnitCount::Overdue: return unit.overdueRounds;
    case UnitCount::Emergency: return raised(unit.flagsRaised, rules::Level::Emergency);
    case UnitCount::Urgent: return raised(unit.flagsRaised, rules::Level::Urgent);
    case UnitCount::Watch: return raised(unit.flagsRaised, rules::Level::Watch);
    case UnitCount::OpenEscalations: return unit.openEscalations;
    case UnitCount::AcknowledgementsOverdue: return unit.acknowledgementsOverdue;
    }
    return 0;
}

bool counts(UnitCount count, const ShiftPatient& p) {
    switch (count) {
    case UnitCount::Overdue: return p.overdueMinutes > 0;
    case UnitCount::Emergency: return raised(p.flagsRaisedAt, rules::Level::Emergency) > 0;
    case UnitCount::Urgent: return raised(p.flagsRaisedAt, rules::Level::Urgent) > 0;
    case UnitCount::Watch: return raised(p.flagsRaisedAt, rules::Level::Watch) > 0;
    case UnitCount::OpenEscalations: return p.openEscalations > 0;
    case UnitCount::AcknowledgementsOverdue: return p.acknowledgementOverdue;
    }
    return false;
}

std::vector<ShiftPatient> patientsCounted(const ShiftSummary& summary, UnitCount count) {
    std::vector<ShiftPatient> out;
    std::ranges::copy_if(summary.patients, std::back_inserter(out),
                         [&](const ShiftPatient& p) { return counts(count, p); });
    return out;
}

} // namespace vigil
