#pragma once
// The condition language of rule files: parsed and type-checked once at load, compiled to a tree
// of nodes that is evaluated per round and never re-parsed. Three-valued: a comparison with a
// value that was not measured is unknown (NaN), and a rule fires only when its condition is true.
#include "core/patient_limit.h"
#include "core/rules/snapshot.h"

#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace vigil::rules {

// The patient as a condition sees them: this round, the earlier ones (newest first), the stay.
struct Frame {
    const Snapshot* now;
    std::span<const Snapshot> earlier;
    const Stay* stay;
    std::span<const PatientLimit> limits = {}; // active for this patient now
};

class Expr {
public:
    virtual ~Expr() = default;
    virtual double eval(const Frame& f) const = 0;
    // Appends each part that held, with its actual value ("rr 8 <= 8"). Called only when true.
    virtual void explain(const Frame& f, std::vector<std::string>& out) const;
    // The value in words, for messages and explanations.
    virtual std::string describe(double v) const;
    // How much history this needs: earlier rounds, and a time window in seconds. The ward loads
    // no more than the rule set needs.
    virtual void lookback(size_t& rounds, double& window) const { (void)rounds, (void)window; }

    Type type = Type::Number;
    // The part of the condition this node was compiled from: a view into the one copy of the
    // condition every node shares, so compiling is linear in its length (a copy per node was
    // quadratic: 200 KB took 2.6 GB).
    std::string_view text;
    std::shared_ptr<const std::string> source;
    const FieldInfo* field = nullptr; // set where the value is a field's (also through prev())
};
using ExprPtr = std::unique_ptr<Expr>;

struct CompileError : std::runtime_error {
    CompileError(size_t offset, const std::string& message)
        : std::runtime_error(message), offset(offset) {}
    size_t offset; // into the expression text
};

// Throws CompileError. `expect`, when given, is the type the whole expression must have.
ExprPtr compile(std::string_view text, std::optional<Type> expect = std::nullopt);
// The longest duration a rule file may give (windows, repeat_after, timing): nothing in the
// reference looks back further, and it keeps every duration finite and exactly representable.
constexpr double kMaxDurationSeconds = 30 * 86400.0;
// "30m", "2h", "1d" in seconds; nothing when malformed, not finite, negative or beyond 30 days.
std::optional<double> parseDuration(std::string_view text);

} // namespace vigil::rules
