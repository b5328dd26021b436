#include "core/sedation.h"

namespace vigil::poss {

std::string_view code(Poss p) {
    return codeOf(possLevels(), p);
}
std::string_view meaning(Poss p) {
    return labelOf(possLevels(), p);
}
bool acceptable(Poss p) {
    return p != Poss::FrequentlyDrowsy && p != Poss::Somnolent;
}

std::string_view response(Poss p) {
    switch (p) {
    case Poss::FrequentlyDrowsy:
        return "Unacceptable: monitor breathing and sedation closely, reduce the opioid or call "
               "the prescriber";
    case Poss::Somnolent:
        return "Unacceptable: stop the opioid, consider naloxone, stay with the patient, call "
               "the rapid response team";
    default: return "";
    }
}

} // namespace vigil::poss
