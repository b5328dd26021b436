#include "ui/commands.h"

#include "ward/ward.h"

#include <stdexcept>
#include <vector>

namespace vigil::ui {

namespace {
StayId needStay(const Context& c) {
    if (!c.stay) throw std::logic_error("command needs a patient");
    return *c.stay;
}

const std::vector<Command>& all() {
    static const std::vector<Command> list{
        {"ward/board", "Ward board", [](Context& c) { c.screens.showBoard(); }},
        {"patient/admit", "Admit patient", [](Context& c) { c.screens.showAdmit(); }},
        {"round/record", "Record round", [](Context& c) { c.screens.showRound(needStay(c)); }},
        {"patient/chart", "Chart", [](Context& c) { c.screens.showChart(needStay(c)); }},
        {"flag/acknowledge", "Acknowledge",
         [](Context& c) {
             if (!c.escalation) throw std::logic_error("command needs an escalation");
             EscalationStep step;
             step.kind = StepKind::Acknowledge;
             step.by = c.staff();
             try {
                 if (auto error = c.ward.escalationStep(*c.escalation, step))
                     c.screens.showError(*error);
             } catch (const ward::NotSaved& e) {
                 c.screens.showError(e.what());
             }
             c.screens.refresh();
         }},
        {"flag/escalate", "Escalate",
         [](Context& c) {
             if (!c.escalation) throw std::logic_error("command needs an escalation");
             c.screens.showEscalation(*c.escalation);
         }},
        {"session/lock", "Lock", [](Context& c) { c.screens.lock(); }},
        {"shift/summary", "Shift summary",
         [](Context& c) {
             // The ward says who may see the unit summary; the button is only a shortcut.
             try {
                 c.ward.require(c.staff(), Permission::RunShift);
             } catch (const ward::NotAllowed& e) {
                 return c.screens.showError(e.what());
             }
             c.screens.showSummary();
         }},
        {"patient/handoff-note", "Handoff note",
         [](Context& c) { c.screens.showHandoffNote(needStay(c)); }},
        {"admin/staff", "Staff & rules", [](Context& c) { c.screens.showStaff(); }},
        {"patient/discharge", "Discharge",
         [](Context& c) {
             try {
                 c.ward.discharge(needStay(c), c.staff());
                 c.screens.showBoard();
             } catch (const ward::NotSaved& e) {
                 c.screens.showError(e.what());
             }
         }},
    };
    return list;
}
} // namespace

std::span<const Command> commands() {
    return all();
}

void runCommand(std::string_view name, Context& context) {
    for (auto& c : all())
        if (c.name == name) return c.run(context);
    throw std::logic_error("no command named " + std::string(name));
}

} // namespace vigil::ui
