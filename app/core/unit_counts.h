#pragma once
// The shift summary's unit figures that count patients (issue 14): each one, tapped, shows the
// patients it counts, and only those. Free of the toolkit: the summary page asks here which rows
// to show.
#include "core/shift.h"

#include <span>
#include <string>
#include <vector>

namespace vigil {

enum class UnitCount {
    Overdue,
    Emergency,
    Urgent,
    Watch,
    OpenEscalations,
    AcknowledgementsOverdue
};
// Codes name the figures on screen ("summary/unit/overdue"); labels say whom they count.
std::span<const Named<UnitCount>> unitCounts();

// The figure as the unit line shows it (flags and escalations count themselves, so a patient
// with two urgent flags is one patient behind "2 urgent").
int unitFigure(const UnitFigures& unit, UnitCount count);
// True when `count` counts this patient: a round overdue now, a flag of that level raised this
// shift, an escalation open, an acknowledgement overdue.
bool counts(UnitCount count, const ShiftPatient& patient);
// The patients behind the figure, in the summary's order.
std::vector<ShiftPatient> patientsCounted(const ShiftSummary& summary, UnitCount count);

} // namespace vigil
