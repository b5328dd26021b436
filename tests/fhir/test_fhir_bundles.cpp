// The FHIR export checked for what a validator cannot see (issue 15): each code's fixed unit,
// sub-scores that add up to the total, no value where nothing was measured, statuses that follow
// amendments and escalations, ids that stay the same. With VIGIL_FHIR_SAMPLES set, the bundles
// are also written there for tests/fhir/validate.mjs (the real validator, run by CTest).
#include "cli/fhir_records.h"
#include "fhir/codes.h"
#include "fhir/round_bundle.h"
#include "support/rounds.h"
#include "support/ward_world.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <map>

using namespace vigil;
using nlohmann::json;
using namespace std::chrono;

namespace {

const fhir::Systems kSystems{"https://hospital.example/fhir/mrn",
                             "https://hospital.example/fhir/CodeSystem/vigil", ""};

struct ExportWorld : test::WardWorld {
    std::map<RoundId, json> bundles() {
        std::map<RoundId, json> out;
        cli::forEachRound(db, {}, [&](const fhir::RoundRecord& r) {
            out[r.round->original.id] = fhir::roundBundle(r, kSystems);
        });
        // Each call a set of its own: every test's record numbers its rounds from 1.
        static int calls = 0;
        ++calls;
        if (const char* dir = std::getenv("VIGIL_FHIR_SAMPLES"); dir && *dir)
            for (auto& [id, b] : out)
                std::ofstream(fmt::format("{}/sample-{}-round-{}.json", dir, calls, id))
                    << b.dump(1);
        return out;
    }
    RoundId record(ObservationRound r) {
        auto out = ward.recordRound(r, {}, nurse);
        REQUIRE(out.problems.empty());
        return *out.saved;
    }
};

const json* resource(const json& bundle, const std::string& id) {
    for (auto& e : bundle["entry"])
        if (e["resource"]["id"] == id) return &e["resource"];
    return nullptr;
}

bool hasCode(const json& codeable, std::string_view system, std::string_view code) {
    for (auto& c : codeable.value("coding", json::array()))
        if (c["system"] == system && c["code"] == code) return true;
    return false;
}

// Every vital sign in the bundle carries its own code's unit, and only that one.
void checkUnits(const json& bundle) {
    for (auto& e : bundle["entry"]) {
        auto& r = e["resource"];
        if (r["resourceType"] != "Observation") continue;
        for (auto& v : fhir::codes::kVitalSigns) {
            if (!hasCode(r["code"], "http://loinc.org", v.loinc)) continue;
            INFO(r["id"]);
            std::vector<json> quantities;
            if (r.contains("valueQuantity")) quantities.push_back(r["valueQuantity"]);
            for (auto& c : r.value("component", json::array()))
                if (c.contains("valueQuantity")) quantities.push_back(c["valueQuantity"]);
            for (auto& q : quantities) {
                CHECK(q["system"] == "http://unitsofmeasure.org");
                CHECK(q["code"] == v.ucum);
                CHECK(q["value"].is_number());
            }
        }
    }
}

// Never a value beside a reason for its absence, and never nothing at all.
void checkValueOrReason(const json& o) {
    INFO(o["id"]);
    bool value = false;
    for (auto& [k, v] : o.items())
        if (k.starts_with("value")) value = true;
    if (o["resourceType"] == "Observation" && !o.contains("component"))
        CHECK(value != o.contains("dataAbsentReason"));
    for (auto& c : o.value("component", json::array())) {
        bool cv = false;
        for (auto& [k, v] : c.items())
            if (k.starts_with("value")) cv = true;
        CHECK(cv != c.contains("dataAbsentReason"));
    }
}

int subScoreSum(const json& news2) {
    int sum = 0;
    for (auto& c : news2["component"])
        sum += c.value("valueInteger", 0);
    return sum;
}

} // namespace

TEST_CASE_METHOD(ExportWorld,
                 "a complete round: vital-signs profiles, LOINC and UCUM of §9, "
                 "NEWS2 sub-scores adding up to its total",
                 "[fhir]") {
    auto stay = admit("1");
    auto r = test::normalRound(stay);
    r.rr = 22;     // scores 2
    r.temp = 38.4; // scores 1
    r.pain = 4;
    r.nausea = 1;
    r.rash = false;
    r.bleeding = Bleeding::Ooze;
    auto id = record(r);
    auto b = bundles().at(id);

    CHECK(b["type"] == "transaction");
    checkUnits(b);
    for (const json& e : b["entry"]) {
        const json& res = e.at("resource");
        checkValueOrReason(res);
        // PUT to the id: sending again updates, never duplicates.
        CHECK(e.at("request").at("method") == "PUT");
        CHECK(e.at("request").at("url") ==
              res.at("resourceType").get<std::string>() + "/" + res.at("id").get<std::string>());
        // The patient is the EHR's: a logical reference by MRN (a Task names them in "for").
        CHECK(res.at(res.at("resourceType") == "Task" ? "for" : "subject") ==
              json{{"type", "Patient"},
                   {"identifier",
                    {{"system", "https://hospital.example/fhir/mrn"}, {"value", "D1"}}}});
        if (res.at("resourceType") == "Observation")
            CHECK(res.at("performer").at(0).at("display") == "Nurse Okafor");
    }
    auto* rr = resource(b, fmt::format("vigil-round-{}-rr", id));
    REQUIRE(rr);
    CHECK((*rr)["valueQuantity"]["value"] == 22);
    CHECK((*rr)["meta"]["profile"] ==
          json::array({"http://hl7.org/fhir/StructureDefinition/vitalsigns",
                       "http://hl7.org/fhir/StructureDefinition/resprate"}));
    auto* spo2 = resource(b, fmt::format("vigil-round-{}-spo2", id));
    CHECK(hasCode((*spo2)["code"], "http://loinc.org", "2708-6"));
    CHECK(hasCode((*spo2)["code"], "http://loinc.org", "59408-5"));
    auto* bp = resource(b, fmt::format("vigil-round-{}-bp", id));
    CHECK_FALSE(bp->contains("valueQuantity"));
    CHECK((*bp)["component"][0]["valueQuantity"]["value"] == 128);
    CHECK(hasCode((*bp)["component"][1]["code"], "http://loinc.org", "8462-4"));
    auto* flow = resource(b, fmt::format("vigil-round-{}-o2-flow", id));
    CHECK((*flow)["valueQuantity"]["value"] == 0); // air is 0 L/min (§9)

    auto* news2 = resource(b, fmt::format("vigil-round-{}-news2", id));
    REQUIRE(news2);
    CHECK(hasCode((*news2)["code"], "http://snomed.info/sct", "1104051000000101"));
    CHECK((*news2)["valueQuantity"]["value"] == 3);
    CHECK((*news2)["valueQuantity"]["code"] == "{ScoreOf}");
    CHECK((*news2)["component"].size() == 7);
    CHECK(subScoreSum(*news2) == 3);
    CHECK(hasCode((*news2)["component"][1]["code"], "http://snomed.info/sct", "1104311000000102"));
    CHECK((*news2)["derivedFrom"].size() == 7); // rr, hr, spo2, temp, bp, o2 flow, ACVPU
    auto* acvpu = resource(b, fmt::format("vigil-round-{}-acvpu", id));
    CHECK(hasCode((*acvpu)["valueCodeableConcept"], "http://snomed.info/sct", "248234008"));

    auto* poss = resource(b, fmt::format("vigil-round-{}-poss", id));
    REQUIRE(poss);
    CHECK(hasCode((*poss)["code"], kSystems.codeSystem, "poss"));
    CHECK_THAT((*poss)["code"]["text"].get<std::string>(), Catch::Contains("POSS"));
    CHECK((*resource(b, fmt::format("vigil-round-{}-nausea", id)))["valueInteger"] == 1);
    CHECK((*resource(b, fmt::format("vigil-round-{}-rash", id)))["valueBoolean"] == false);
    CHECK((*resource(b, fmt::format("vigil-round-{}-pain", id)))["valueQuantity"]["code"] ==
          "{score}");
    // Not asked: not sent (never as 0 or "no").
    CHECK_FALSE(resource(b, fmt::format("vigil-round-{}-itching", id)));
    CHECK_FALSE(resource(b, fmt::format("vigil-round-{}-bromage", id)));

    SECTION("built twice, the bundle is the same: stable ids, no time of export in it") {
        CHECK(bundles().at(id) == b);
    }
}

TEST_CASE_METHOD(ExportWorld, "a partial round: nothing measured is sent as a number", "[fhir]") {
    auto stay = admit("2");
    auto r = test::normalRound(stay);
    r.rr.reset();
    r.dbp.reset();
    r.onOxygen.reset();
    r.partialReason = PartialReason::Refused;
    auto id = record(r);
    auto b = bundles().at(id);
    checkUnits(b);
    for (auto& e : b["entry"])
        checkValueOrReason(e["resource"]);
    auto* rr = resource(b, fmt::format("vigil-round-{}-rr", id));
    REQUIRE(rr);
    CHECK_FALSE(rr->contains("valueQuantity"));
    CHECK((*rr)["dataAbsentReason"]["coding"][0]["code"] == "asked-declined");
    auto* bp = resource(b, fmt::format("vigil-round-{}-bp", id));
    CHECK((*bp)["component"][0]["valueQuantity"]["value"] == 128);
    CHECK((*bp)["component"][1].contains("dataAbsentReason"));
    CHECK_FALSE(resource(b, fmt::format("vigil-round-{}-o2-flow", id))); // never recorded
    auto* news2 = resource(b, fmt::format("vigil-round-{}-news2", id));
    // "At least N" is not a total: no number, the reason in words.
    CHECK_FALSE(news2->contains("valueQuantity"));
    CHECK((*news2)["dataAbsentReason"]["coding"][0]["code"] == "unknown");
    CHECK((*news2)["component"][0].contains("dataAbsentReason")); // RR sub-score
    CHECK((*news2)["component"][2].contains("dataAbsentReason")); // air or oxygen
    CHECK((*news2)["derivedFrom"].size() == 5);                   // hr, spo2, temp, bp, ACVPU
}

TEST_CASE_METHOD(ExportWorld, "scale 2 and oxygen: the SpO2 sub-score code names the scale",
                 "[fhir]") {
    Stay s;
    s.bed = "3";
    s.name = "Patient 3";
    s.mrn = "D3";
    s.since = clock.now() - hours(2);
    s.drugs = {Drug::Morphine};
    s.spo2Scale = 2;
    s.scale2PrescribedBy = "Dr Mensah";
    auto stay = *ward.admit(s, nurse).admitted;
    auto r = test::normalRound(stay);
    r.spo2 = 95;
    r.onOxygen = true;
    r.o2Flow = 2.5;
    auto id = record(r);
    auto b = bundles().at(id);
    checkUnits(b);
    auto* news2 = resource(b, fmt::format("vigil-round-{}-news2", id));
    CHECK(hasCode((*news2)["component"][1]["code"], "http://snomed.info/sct", "1104321000000108"));
    CHECK((*news2)["component"][1]["valueInteger"] == 2); // 95 on O2, scale 2
    CHECK((*news2)["component"][2]["valueInteger"] == 2); // oxygen
    CHECK(subScoreSum(*news2) == (*news2)["valueQuantity"]["value"].get<int>());
    CHECK((*resource(b, fmt::format("vigil-round-{}-o2-flow", id)))["valueQuantity"]["value"] ==
          2.5);
}

TEST_CASE_METHOD(ExportWorld, "amendments: amended, corrected, entered in error", "[fhir]") {
    auto stay = admit("4");
    auto r = test::normalRound(stay);
    r.temp.reset();
    r.partialReason = PartialReason::Asleep;
    auto id = record(r);
    clock.advance(minutes(10));
    REQUIRE_FALSE(
        ward.amend({0, id, Amendment::Kind::Corrected, "hr", "80", "misread", nurse, {}}));
    REQUIRE_FALSE(ward.amend(
        {0, id, Amendment::Kind::Corrected, "temp", "37.1", "taken on waking", nurse, {}}));
    auto b = bundles().at(id);
    CHECK((*resource(b, fmt::format("vigil-round-{}-hr", id)))["status"] == "corrected");
    CHECK((*resource(b, fmt::format("vigil-round-{}-hr", id)))["valueQuantity"]["value"] == 80);
    CHECK_THAT(
        (*resource(b, fmt::format("vigil-round-{}-hr", id)))["note"][0]["text"].get<std::string>(),
        Catch::Contains("misread"));
    CHECK((*resource(b, fmt::format("vigil-round-{}-temp", id)))["status"] == "amended");
    CHECK((*resource(b, fmt::format("vigil-round-{}-temp", id)))["valueQuantity"]["value"] == 37.1);
    CHECK((*resource(b, fmt::format("vigil-round-{}-rr", id)))["status"] == "final");
    auto* news2 = resource(b, fmt::format("vigil-round-{}-news2", id));
    CHECK((*news2)["status"] == "corrected");
    CHECK((*news2)["valueQuantity"]["value"] == subScoreSum(*news2)); // now complete

    REQUIRE_FALSE(ward.amend({0,
                              id,
                              Amendment::Kind::EnteredInError,
                              std::nullopt,
                              std::nullopt,
                              "wrong patient",
                              nurse,
                              {}}));
    for (auto& e : bundles().at(id)["entry"])
        CHECK(e["resource"]["status"] == "entered-in-error");
}

TEST_CASE_METHOD(ExportWorld,
                 "an escalation: Flag, Task following its steps, Communication "
                 "when the clinician is informed",
                 "[fhir]") {
    auto stay = admit("5");
    auto r = test::normalRound(stay);
    r.poss = Poss::FrequentlyDrowsy; // urgent (§5)
    auto out = ward.recordRound(r, {}, nurse);
    REQUIRE(out.escalationsOpened.size() == 1);
    auto e = out.escalationsOpened[0];
    auto id = *out.saved;
    auto task = [&] {
        return *resource(bundles().at(id), fmt::format("vigil-escalation-{}-task", e));
    };
    auto b = bundles().at(id);
    CHECK((*resource(b, fmt::format("vigil-escalation-{}-flag", e)))["status"] == "active");
    CHECK(task()["status"] == "requested");
    CHECK(task()["priority"] == "urgent");
    CHECK(task()["reasonReference"]["reference"] ==
          fmt::format("Observation/vigil-round-{}-news2", id));
    CHECK_FALSE(resource(b, fmt::format("vigil-escalation-{}-inform-1", e)));

    clock.advance(minutes(3));
    REQUIRE_FALSE(ward.escalationStep(e, {StepKind::Acknowledge, {}, nurse, {}, {}, {}, {}, {}}));
    CHECK(task()["status"] == "accepted");
    clock.advance(minutes(2));
    REQUIRE_FALSE(ward.escalationStep(
        e, {StepKind::Inform, {}, nurse, "Dr Mensah", "anaesthetist", "bleep", {}, {}}));
    auto comm = *resource(bundles().at(id), fmt::format("vigil-escalation-{}-inform-1", e));
    CHECK(comm["status"] == "completed");
    CHECK(comm["recipient"][0]["display"] == "Dr Mensah (anaesthetist)");
    CHECK(comm["basedOn"][0]["reference"] == fmt::format("Task/vigil-escalation-{}-task", e));
    REQUIRE_FALSE(ward.escalationStep(
        e, {StepKind::Respond, {}, nurse, {}, {}, {}, "reduce the basal rate", {}}));
    CHECK(task()["status"] == "in-progress");
    clock.advance(minutes(30));
    REQUIRE_FALSE(ward.escalationStep(
        e, {StepKind::Resolve, {}, charge, {}, {}, {}, {}, "POSS 2 after the dose change"}));
    b = bundles().at(id);
    CHECK(task()["status"] == "completed");
    CHECK((*resource(b, fmt::format("vigil-escalation-{}-flag", e)))["status"] == "inactive");
    CHECK((*resource(b, fmt::format("vigil-escalation-{}-flag", e)))["period"].contains("end"));
    CHECK(task()["note"].size() == 4);
}

TEST_CASE("the hospital's systems are required and must be absolute URIs", "[fhir]") {
    CHECK(fhir::checkSystems(kSystems) == std::nullopt);
    auto missing = fhir::checkSystems({"", kSystems.codeSystem, ""});
    REQUIRE(missing);
    CHECK_THAT(*missing, Catch::Contains("mrn_system is not set"));
    auto bad = fhir::checkSystemUri("code_system", "our codes");
    REQUIRE(bad);
    CHECK_THAT(*bad, Catch::Contains("\"our codes\"") && Catch::Contains("absolute URI"));
    CHECK(fhir::checkSystemUri("mrn_system", "urn:oid:2.16.840.1.113883.2.1.4.1") == std::nullopt);
}
