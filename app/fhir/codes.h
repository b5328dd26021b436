#pragma once
// The codes of clinical-reference §9, in one place: what the export sends and what the tests
// check it against. Displays are LOINC's long names; SNOMED codes carry Vigil's words in
// code.text (the UK edition's descriptions are not reproduced here).
#include <array>
#include <string_view>

namespace vigil::fhir::codes {

struct VitalSign {
    std::string_view item;    // the id suffix: "rr"
    std::string_view key;     // the round's field
    std::string_view profile; // HL7 vital-signs profile, empty for none
    std::string_view loinc;
    std::string_view display;
    std::string_view ucum;
};

inline constexpr std::array<VitalSign, 7> kVitalSigns{{
    {"rr", "rr", "resprate", "9279-1", "Respiratory rate", "/min"},
    {"hr", "hr", "heartrate", "8867-4", "Heart rate", "/min"},
    {"spo2", "spo2", "oxygensat", "2708-6", "Oxygen saturation in Arterial blood", "%"},
    {"temp", "temp", "bodytemp", "8310-5", "Body temperature", "Cel"},
    {"bp", "", "bp", "85354-9", "Blood pressure panel with all children optional", "mm[Hg]"},
    {"o2-flow", "o2_flow", "", "3151-8", "Inhaled oxygen flow rate", "L/min"},
    {"pain", "pain", "", "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
     "{score}"},
}};
inline constexpr std::string_view kPulseOximetry = "59408-5"; // SpO2's second coding
inline constexpr std::string_view kPulseOximetryDisplay =
    "Oxygen saturation in Arterial blood by Pulse oximetry";
inline constexpr std::string_view kSystolic = "8480-6";
inline constexpr std::string_view kDiastolic = "8462-4";

inline constexpr std::string_view kNews2Total = "1104051000000101";
inline constexpr std::string_view kScoreOf = "{ScoreOf}";
// NEWS2 sub-scores, in the order of news2::Parameters; SpO2 has one code per scale.
inline constexpr std::string_view kSubRr = "1104301000000104";
inline constexpr std::string_view kSubSpo2Scale1 = "1104311000000102";
inline constexpr std::string_view kSubSpo2Scale2 = "1104321000000108";
inline constexpr std::string_view kSubO2 = "1104331000000105";
inline constexpr std::string_view kSubSbp = "1104341000000101";
inline constexpr std::string_view kSubHr = "1104351000000103";
inline constexpr std::string_view kSubAcvpu = "1104361000000100";
inline constexpr std::string_view kSubTemp = "1104371000000107";

inline constexpr std::string_view kAcvpu = "1104441000000107";
// Alert, new Confusion, Voice, Pain, Unresponsive: in the order of core's Acvpu.
inline constexpr std::array<std::string_view, 5> kAcvpuAnswers{
    "248234008", "130987000", "300202002", "450847001", "422768004"};

} // namespace vigil::fhir::codes
