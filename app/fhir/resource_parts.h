#pragma once
// Pieces every resource of a round's bundle shares: subject, performer, status, quantities.
// Private to app/fhir.
#include "fhir/round_bundle.h"

#include <initializer_list>
#include <optional>
#include <string_view>

namespace vigil::fhir::detail {

inline constexpr std::string_view kLoinc = "http://loinc.org";
inline constexpr std::string_view kSnomed = "http://snomed.info/sct";
inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";
inline constexpr std::string_view kCategorySystem =
    "http://terminology.hl7.org/CodeSystem/observation-category";
inline constexpr std::string_view kAbsentSystem =
    "http://terminology.hl7.org/CodeSystem/data-absent-reason";
inline constexpr std::string_view kProfileBase = "http://hl7.org/fhir/StructureDefinition/";

nlohmann::json coding(std::string_view system, std::string_view code, std::string_view display);
nlohmann::json quantity(nlohmann::json value, std::string_view ucum);
// A whole-number field as a JSON integer ("14", not "14.0"), others as they are.
nlohmann::json number(std::string_view key, double value);
nlohmann::json category(std::string_view code); // "vital-signs", "survey"
// The patient as the EHR knows them: a logical reference by MRN, never a resource of ours.
nlohmann::json subject(const RoundRecord& r, const Systems& s);
nlohmann::json staffReference(const RoundRecord& r, const Systems& s, StaffId who);
// Why a value is missing: the nurse's reason for a partial round when there is one.
nlohmann::json absentReason(const ObservationRound& round);

// final, or amended (a value added afterwards) / corrected (a value changed), or
// entered-in-error, from the amendments to `keys`.
std::string observationStatus(const AmendedRound& round,
                              std::initializer_list<std::string_view> keys);
// The amendments to `keys`, as notes (who, when, why), and the newest one's time.
void addAmendmentNotes(nlohmann::json& resource, const RoundRecord& r,
                       std::initializer_list<std::string_view> keys);

// A bare Observation of this round: id, status, category, code, subject, time, performer.
nlohmann::json observation(const RoundRecord& r, const Systems& s, std::string_view item,
                           std::string_view categoryCode, nlohmann::json code,
                           std::initializer_list<std::string_view> keys);

// Each part appends its resources. addVitalSigns returns the references of those holding a
// value: what NEWS2 is derived from.
std::vector<std::string> addVitalSigns(std::vector<nlohmann::json>& out, const RoundRecord& r,
                                       const Systems& s);
void addNews2(std::vector<nlohmann::json>& out, const RoundRecord& r, const Systems& s,
              const std::vector<std::string>& derivedFrom);
void addChecklist(std::vector<nlohmann::json>& out, const RoundRecord& r, const Systems& s);
void addEscalation(std::vector<nlohmann::json>& out, const RoundRecord& r, const Systems& s,
                   const Escalation& e);

} // namespace vigil::fhir::detail
