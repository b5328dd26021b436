#include "core/amendment.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>

namespace vigil {

std::string_view amendmentKindCode(Amendment::Kind k) {
    return k == Amendment::Kind::Corrected ? "corrected" : "entered_in_error";
}
std::optional<Amendment::Kind> amendmentKindFromCode(std::string_view code) {
    if (code == "corrected") return Amendment::Kind::Corrected;
    if (code == "entered_in_error") return Amendment::Kind::EnteredInError;
    return std::nullopt;
}

namespace {
// The four choice fields, so that text access needs no per-field code elsewhere.
template <class E> struct ChoiceField {
    std::string_view key, label;
    std::optional<E> ObservationRound::*member;
    std::span<const Named<E>> (*table)();
};
const ChoiceField<Acvpu> kAcvpuField{"acvpu", "Consciousness (ACVPU)", &ObservationRound::acvpu,
                                     &acvpuLevels};
const ChoiceField<Poss> kPossField{"poss", "POSS", &ObservationRound::poss, &possLevels};
const ChoiceField<Bleeding> kBleedingField{"bleeding", "Wound bleeding",
                                           &ObservationRound::bleeding, &bleedingLevels};
const ChoiceField<PocketSwelling> kSwellingField{
    "pocket_swelling", "Pocket swelling", &ObservationRound::pocketSwelling, &swellingLevels};

template <class F> auto withChoice(std::string_view key, F&& f) {
    if (key == kAcvpuField.key) return f(kAcvpuField);
    if (key == kPossField.key) return f(kPossField);
    if (key == kBleedingField.key) return f(kBleedingField);
    return f(kSwellingField);
}
bool isChoice(std::string_view key) {
    return key == "acvpu" || key == "poss" || key == "bleeding" || key == "pocket_swelling";
}
const FlagField* findFlag(std::string_view key) {
    for (auto& f : flagFields())
        if (f.key == key) return &f;
    return nullptr;
}
} // namespace

bool isRoundField(std::string_view key) {
    return findNumberField(key) || findFlag(key) || isChoice(key);
}

std::string_view fieldLabel(std::string_view key) {
    if (auto* n = findNumberField(key)) return n->label;
    if (auto* f = findFlag(key)) return f->label;
    if (isChoice(key)) return withChoice(key, [](auto& c) { return c.label; });
    return key;
}

std::optional<std::string> fieldText(const ObservationRound& r, std::string_view key) {
    if (auto* n = findNumberField(key)) {
        auto& v = r.*(n->member);
        return v ? std::optional(formatValue(*n, *v)) : std::nullopt;
    }
    if (auto* f = findFlag(key)) {
        auto& v = r.*(f->member);
        return v ? std::optional<std::string>(*v ? "yes" : "no") : std::nullopt;
    }
    if (isChoice(key))
        return withChoice(key, [&](auto& c) -> std::optional<std::string> {
            auto& v = r.*(c.member);
            return v ? std::optional(std::string(codeOf(c.table(), *v))) : std::nullopt;
        });
    return std::nullopt;
}

std::optional<std::string> setField(ObservationRound& r, std::string_view key,
                                    const std::optional<std::string>& text) {
    if (auto* n = findNumberField(key)) {
        if (!text) {
            (r.*(n->member)).reset();
            return std::nullopt;
        }
        double v = 0;
        auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), v);
        if (ec != std::errc{} || end != text->data() + text->size() || !std::isfinite(v))
            return fmt::format("{} \"{}\" is not a number", n->label, *text);
        r.*(n->member) = v;
        return std::nullopt;
    }
    if (auto* f = findFlag(key)) {
        if (!text)
            (r.*(f->member)).reset();
        else if (*text == "yes" || *text == "true")
            r.*(f->member) = true;
        else if (*text == "no" || *text == "false")
            r.*(f->member) = false;
        else
            return fmt::format("{} \"{}\" must be yes or no", f->label, *text);
        return std::nullopt;
    }
    if (isChoice(key))
        return withChoice(key, [&](auto& c) -> std::optional<std::string> {
            if (!text) {
                (r.*(c.member)).reset();
                return std::nullopt;
            }
            if (auto v = fromCode(c.table(), *text)) {
                r.*(c.member) = *v;
                return std::nullopt;
            }
            std::string accepted;
            for (auto& n : c.table())
                accepted += (accepted.empty() ? "" : ", ") + std::string(n.code);
            return fmt::format("{} \"{}\" is not one of {}", c.label, *text, accepted);
        });
    return fmt::format("\"{}\" is not a field of a round", key);
}

bool AmendedRound::amended(std::string_view key) const {
    return std::ranges::any_of(history, [&](auto& a) { return a.field && *a.field == key; });
}

AmendedRound applyAmendments(const ObservationRound& original, std::span<const Amendment> all) {
    AmendedRound out{original, original, false, {}};
    for (const Amendment& a : all) {
        if (a.round != original.id) continue;
        out.history.push_back(a);
        if (a.kind == Amendment::Kind::EnteredInError && !a.field)
            out.enteredInError = true;
        else if (a.field)
            setField(out.current, *a.field, a.value); // checked when it was stored
    }
    return out;
}

} // namespace vigil
