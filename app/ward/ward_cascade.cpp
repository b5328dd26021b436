// Escalation that goes on by itself (clinical-reference §5): an urgent or emergency escalation
// nobody acknowledges is recorded as gone on to the charge nurse, then the rapid response team or
// the patient's clinician, at the rule file's times. Every running Vigil calls runCascade; the
// record keeps each step once.
#include "store/cascade.h"
#include "ward/transaction.h"
#include "ward/ward.h"

namespace vigil::ward {

namespace {
bool recorded(const std::vector<store::CascadeRecord>& done, const CascadeDue& d) {
    for (auto& r : done)
        if (r.level == d.level && r.step == d.step) return true;
    return false;
}
} // namespace

std::vector<store::CascadeRecord> Ward::runCascade() {
    auto now = m_clock.now();
    // Read first: most calls find nothing new, and a write transaction would take the unit's
    // write lock and wake every other device for nothing.
    std::vector<store::CascadeRecord> todo;
    for (auto& stay : store::openStays(m_db))
        for (auto& e : store::escalationsForStay(m_db, stay.id, true)) {
            auto due = cascadeDue(e, now, *m_rules);
            if (due.empty()) continue;
            auto done = store::cascadeSteps(m_db, e.id);
            for (auto& d : due)
                if (!recorded(done, d))
                    todo.push_back({e.id, d.level, d.step, d.role, d.dueAt, now});
        }
    if (todo.empty()) return {};
    // Vigil records it: the audit names no staff member (0), as for the command line.
    return inTransaction(m_db, "The onward escalation", 0, now, [&] {
        std::vector<store::CascadeRecord> out;
        for (auto& r : todo) {
            // Acknowledged since it was read, on this device or another: it stops here.
            auto e = store::findEscalation(m_db, r.escalation);
            if (!e || !e->open() || e->acknowledgedAt() || e->level() != r.level) continue;
            if (store::insertCascadeStep(m_db, r)) out.push_back(r);
        }
        return out;
    });
}

std::vector<store::CascadeRecord> Ward::cascadeSteps(EscalationId id) {
    return store::cascadeSteps(m_db, id);
}

} // namespace vigil::ward
