// Issue 14: two patients on the unit with the same family name both carry a name alert, on the
// board, the chart and the handoff sheet. How the family name is read, and compared.
#include "support/ward_world.h"

#include "ward/name_alert.h"

using namespace vigil;
using namespace std::chrono;

TEST_CASE("the family name is before the comma, or the last word", "[ward][name-alert]") {
    CHECK(ward::familyName("Ada Brennan") == "Brennan");
    CHECK(ward::familyName("Brennan, Ada") == "Brennan");
    CHECK(ward::familyName("  Brennan ,  Ada Mary ") == "Brennan");
    CHECK(ward::familyName("van der Berg, Anna") == "van der Berg");
    CHECK(ward::familyName("Maria de la Cruz") == "Cruz");
    CHECK(ward::familyName("Cher") == "Cher");
    CHECK(ward::familyName("Ada  Brennan\t") == "Brennan");
    CHECK(ward::familyName("   ").empty());
    CHECK(ward::familyName(", Ada").empty());
}

TEST_CASE("family names compare apart from case and accents", "[ward][name-alert]") {
    CHECK(ward::sameFamilyName("Brennan", "BRENNAN"));
    CHECK(ward::sameFamilyName("Müller", "Muller"));
    CHECK(ward::sameFamilyName("MÜLLER", "müller"));
    CHECK(ward::sameFamilyName("Zoë", "ZOE"));
    CHECK(ward::sameFamilyName("Ó Briain", "o briain"));
    CHECK(ward::sameFamilyName("Straße", "STRASSE"));
    CHECK_FALSE(ward::sameFamilyName("Brennan", "Brenan"));
    CHECK_FALSE(ward::sameFamilyName("Smith", "Smith-Jones"));
    CHECK_FALSE(ward::sameFamilyName("", ""));
    CHECK_FALSE(ward::sameFamilyName(" ", "Brennan"));
}

TEST_CASE("the stays that share a family name, and only those", "[ward][name-alert]") {
    auto stay = [](StayId id, std::string bed, std::string name) {
        Stay s;
        s.id = id;
        s.bed = std::move(bed);
        s.name = std::move(name);
        return s;
    };
    auto alerts = ward::nameAlerts({stay(1, "2", "Ada Brennan"), stay(2, "3", "Tom Okafor"),
                                    stay(3, "7", "BRENNAN, Séan"), stay(4, "9", "Ida Brénnan"),
                                    stay(5, "10", "Okafor Jr"), stay(6, "11", "")});
    REQUIRE(alerts.size() == 3); // beds 2, 7 and 9; "Okafor Jr" reads as family name "Jr"
    REQUIRE(alerts[1].size() == 2);
    CHECK(alerts[1][0].bed == "7");
    CHECK(alerts[1][1].bed == "9");
    CHECK(alerts[3].size() == 2);
    CHECK(alerts.count(2) == 0);
    CHECK(alerts.count(6) == 0); // a blank name is nobody's namesake
    CHECK(ward::nameAlertWords(alerts[3]) ==
          "same family name as Bed 2 (Ada Brennan) and Bed 9 (Ida Brénnan)");
    CHECK(ward::nameAlertWords({alerts[1][0]}) == "same family name as Bed 7 (BRENNAN, Séan)");
}

namespace {
struct Namesakes : test::WardWorld {
    StayId admitNamed(const std::string& bed, const std::string& name) {
        Stay s;
        s.bed = bed;
        s.name = name;
        s.mrn = "D" + bed;
        s.since = clock.now() - hours(2);
        s.drugs = {Drug::Morphine};
        auto out = ward.admit(s, nurse);
        REQUIRE(out.problems.empty());
        return *out.admitted;
    }
    std::vector<ward::NameMatch> onBoard(const std::string& bed) {
        for (auto& b : ward.board())
            if (b.stay.bed == bed) return b.nameAlert;
        FAIL("no bed " << bed);
        return {};
    }
};
} // namespace

TEST_CASE_METHOD(Namesakes, "the board, the chart and the sheet carry the alert while both stay",
                 "[ward][name-alert]") {
    auto ada = admitNamed("2", "Ada Brennan");
    auto tom = admitNamed("4", "Tom Okafor");
    auto sean = admitNamed("7", "Brennan, Séan");
    REQUIRE(onBoard("2").size() == 1);
    CHECK(onBoard("2")[0].stay == sean);
    CHECK(onBoard("7")[0].stay == ada);
    CHECK(onBoard("4").empty());
    CHECK(ward.chart(ada)->nameAlert.size() == 1);
    CHECK(ward.chart(tom)->nameAlert.empty());
    clock.advance(minutes(1)); // the sheet holds who was admitted before its time
    auto shift = shiftAt(clock.now(), {});
    auto sheet = ward.handoffSheet(shift, "Recovery", "Nurse Okafor");
    REQUIRE(sheet.patients.size() == 3);
    for (auto& p : sheet.patients) {
        INFO(p.stay.bed);
        if (p.stay.bed == "4") CHECK(p.nameAlert.empty());
        if (p.stay.bed == "2") CHECK(p.nameAlert == "same family name as Bed 7 (Brennan, Séan)");
        if (p.stay.bed == "7") CHECK(p.nameAlert == "same family name as Bed 2 (Ada Brennan)");
    }

    // Once one leaves, the other is alone with the name: the alert goes from every surface.
    clock.advance(minutes(30));
    ward.discharge(sean, nurse);
    CHECK(onBoard("2").empty());
    CHECK(ward.chart(ada)->nameAlert.empty());
    CHECK(ward.chart(sean)->nameAlert.empty()); // a discharged stay is not on the unit
    for (auto& p : ward.handoffSheet(shift, "Recovery", "Nurse Okafor").patients)
        CHECK(p.nameAlert.empty());
}
