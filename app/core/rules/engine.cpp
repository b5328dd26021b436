#include "core/rules/engine.h"

#include <algorithm>
#include <fmt/format.h>

namespace vigil::rules {

namespace {
bool holds(const ExprPtr& e, const Frame& f) {
    double v = e->eval(f);
    return !missing(v) && v != 0;
}
} // namespace

std::vector<Flag> evaluate(const RuleSet& set, const Frame& frame,
                           const std::vector<OpenFlag>& before) {
    std::vector<Flag> out;
    for (const Rule& rule : set.rules) {
        if (!rule.appliesTo.matches(frame)) continue;
        auto open =
            std::find_if(before.begin(), before.end(), [&](auto& o) { return o.rule == rule.id; });
        bool fires = holds(rule.when, frame);
        bool wasOpen = open != before.end();
        // Once raised, a flag with clear_when stays open until that holds; without it, until the
        // condition stops holding.
        bool cleared = wasOpen && (rule.clearWhen ? holds(rule.clearWhen, frame) : !fires);
        bool stillOpen = wasOpen && !cleared;
        if (!fires && !stillOpen) continue;

        Flag flag;
        flag.rule = rule.id;
        flag.level = rule.level;
        flag.action = rule.action;
        flag.source = rule.source;
        flag.message = rule.message.render(frame);
        if (rule.track) flag.tracked = rule.track->eval(frame);

        if (!stillOpen) {
            flag.raised = true; // a new episode
        } else {
            double seconds = static_cast<double>((frame.now->at - open->lastRaised).count());
            bool worse = rule.track && !missing(flag.tracked) && !missing(open->trackedAtRaise) &&
                         (rule.worseIsLower ? flag.tracked < open->trackedAtRaise
                                            : flag.tracked > open->trackedAtRaise);
            // An emergency is raised every round it holds; others wait out repeat_after unless
            // worse.
            flag.raised = fires && (rule.level == Level::Emergency || !rule.repeatAfter ||
                                    seconds >= *rule.repeatAfter || worse);
        }
        if (fires)
            rule.when->explain(frame, flag.because);
        else
            flag.because.push_back(fmt::format("still open: clears when {}", rule.clearWhen->text));
        if (!flag.raised && fires)
            flag.because.push_back(fmt::format("not raised again: repeat_after {}",
                                               formatNumber(*rule.repeatAfter / 60) + " min"));
        flag.lastRaised = flag.raised ? frame.now->at : open->lastRaised;
        if (!flag.raised)
            flag.tracked = open->trackedAtRaise; // worsening is measured from the raise
        out.push_back(std::move(flag));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Flag& a, const Flag& b) { return a.level > b.level; });
    return out;
}

std::optional<Level> highest(const std::vector<Flag>& flags) {
    if (flags.empty()) return std::nullopt;
    return flags.front().level;
}

} // namespace vigil::rules
