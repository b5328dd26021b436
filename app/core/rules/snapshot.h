#pragma once
// What a rule can see of one round, flattened for speed: every field is a slot holding a double,
// NaN when not measured. Booleans are 0/1; choices (ACVPU, band, bleeding...) are their index in
// their code list, so that "acvpu in [V, P, U]" compiles to a set of numbers.
#include "core/news2.h"
#include "core/observation.h"
#include "core/stay.h"

#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vigil::rules {

enum class Type { Number, Bool, Text, Duration, List };
std::string_view typeName(Type t);

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
inline bool missing(double v) {
    return std::isnan(v);
}

struct FieldInfo {
    std::string name;
    Type type;
    std::vector<std::string> codes; // for Text: the accepted codes, in order
    std::string description;
    int slot;
};

// Every name a condition may use, with its type.
const std::vector<FieldInfo>& fields();
const FieldInfo* findField(std::string_view name);
int slotCount();

struct Snapshot {
    TimePoint at{};
    std::vector<double> values; // by slot
    double operator[](int slot) const { return values[static_cast<size_t>(slot)]; }
};

// `stay` may be null (vigil evaluate without a stay): stay facts are then not known.
Snapshot snapshot(const ObservationRound& round, const news2::Result& score, const Stay* stay);

// How a value reads in a message or an explanation: "8", "36.5", "V", "yes", "not measured".
std::string formatSlotValue(const FieldInfo& f, double v);
std::string formatNumber(double v);

} // namespace vigil::rules
