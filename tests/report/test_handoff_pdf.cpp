// Issue 5: the handoff PDF, drawn with no display, read back with pdftotext and pdfinfo.
#include "report/handoff_draw.h"
#include "report/pdf.h"
#include "support/process.h"
#include "support/shift_ward.h"

#include <algorithm>
#include <array>
#include <cairo-pdf.h>
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <wx/dcgraph.h>
#include <wx/graphics.h>

using namespace vigil;

namespace {
std::string output(const std::string& command) {
    return test::run(command).output;
}
int count(const std::string& text, const std::string& what) {
    int n = 0;
    for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1))
        ++n;
    return n;
}

// Lays the sheet out on the same kind of DC the PDF uses, to check every block against the page.
report::Pagination layoutOnPdfSurface(const HandoffSheet& sheet, Paper paper) {
    auto page = report::pageSize(paper);
    cairo_surface_t* surface = cairo_pdf_surface_create(nullptr, page.x, page.y);
    cairo_t* cr = cairo_create(surface);
    cairo_scale(cr, 72.0 / 96, 72.0 / 96);
    report::Pagination layout;
    {
        wxGCDC dc(wxGraphicsRenderer::GetCairoRenderer()->CreateContextFromNativeContext(cr));
        layout = report::paginate(dc, sheet, paper);
    }
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return layout;
}
} // namespace

TEST_CASE_METHOD(test::ShiftWard, "the handoff PDF holds every patient, their flags and due times",
                 "[report][pdf]") {
    auto [patients, paper] = GENERATE(
        table<int, Paper>({{1, Paper::A4}, {12, Paper::A4}, {40, Paper::A4}, {12, Paper::Letter}}));
    fill(patients);
    auto sheet = ward.handoffSheet(day, "Recovery, ward 4", "Charge nurse Adeyemi");
    auto pdf = dir.file("handoff.pdf");
    int pages = report::writeHandoffPdf(sheet, pdf, paper, {});
    INFO(patients << " patients, " << pages << " pages");

    auto info = output("pdfinfo '" + pdf + "'");
    CHECK_THAT(info, Catch::Contains(fmt::format("Pages:           {}\n", pages)));
    CHECK_THAT(info, Catch::Contains(paper == Paper::A4 ? "(A4)" : "(letter)"));
    // Blocks never split: whole blocks per page, at least one per page, every one on the page.
    auto layout = layoutOnPdfSurface(sheet, paper);
    CHECK(static_cast<int>(layout.pages.size()) == pages);
    std::size_t placed = 0;
    for (auto& page : layout.pages) {
        CHECK_FALSE(page.empty());
        for (auto& b : page) {
            CHECK(b.top >= layout.contentTop());
            CHECK(b.top + b.height <= layout.contentBottom());
            ++placed;
        }
    }
    CHECK(placed == sheet.patients.size());
    CHECK(pages >= (patients + 2) / 3); // about two or three to an A4 page, never crammed
    CHECK(pages <= patients);

    auto text = output("pdftotext -layout '" + pdf + "' -");
    CHECK(count(text, "Handoff (I-PASS)") == pages);
    CHECK(count(text, "Recovery, ward 4") == pages);
    CHECK_THAT(text, Catch::Contains("Printed by Charge nurse Adeyemi"));
    CHECK_THAT(text, Catch::Contains("data as of"));
    CHECK_THAT(text, Catch::Contains(fmt::format("Page {} of {}", pages, pages)));
    // Every page anchors the record: the audit head the sheet was drawn at.
    CHECK(count(text, fmt::format("Record {}:{}", sheet.auditEntries,
                                  sheet.auditHash.substr(0, 12))) == pages);
    CHECK(sheet.auditEntries > 0);
    for (auto& p : sheet.patients) {
        INFO(p.stay.name);
        CHECK(count(text, p.stay.name) == 1);
        CHECK_THAT(text, Catch::Contains("MRN " + p.stay.mrn));
        CHECK_THAT(text, Catch::Contains(p.actions.front()));
    }
    // Every fifth patient has an urgent POSS 3 flag: named on the sheet with its state.
    CHECK(count(text, "urgent · POSS 3") == (patients + 4) / 5);
    CHECK(count(text, "WATCHER") == (patients + 4) / 5);
    CHECK(count(text, "Received by") == patients);
}

TEST_CASE("a PDF that cannot be written says where and why, and leaves nothing behind",
          "[report][pdf]") {
    HandoffSheet sheet;
    CHECK_THROWS_WITH(
        report::writeHandoffPdf(sheet, "/no/such/folder/handoff.pdf", Paper::A4, {}),
        Catch::Equals("/no/such/folder/handoff.pdf: the folder /no/such/folder does not exist"));
}

TEST_CASE_METHOD(test::ShiftWard, "a clinician's looser observation frequency is on the sheet",
                 "[report][pdf]") {
    fill(1); // POSS 3 at the last round: an urgent escalation keeps rounds hourly
    ObservationFrequency f;
    f.stay = stays[0];
    f.every = std::chrono::hours(2);
    f.clinician = "Dr Mensah";
    f.reason = "reviewed, comfortable";
    f.expires = clock.now() + std::chrono::hours(12);
    REQUIRE_FALSE(ward.setObservationFrequency(f, charge));
    auto sheet = ward.handoffSheet(day, "Recovery, ward 4", "Charge nurse Adeyemi");
    auto pdf = dir.file("handoff.pdf");
    report::writeHandoffPdf(sheet, pdf, Paper::A4, {});
    auto text = output("pdftotext '" + pdf + "' -");
    std::replace(text.begin(), text.end(), '\n', ' '); // lines break where the page is narrow
    CHECK_THAT(text, Catch::Contains("Observations:") &&
                         Catch::Contains("every 2 h, looser than the schedule") &&
                         Catch::Contains("Dr Mensah: reviewed, comfortable"));
}

TEST_CASE_METHOD(test::ShiftWard,
                 "the sheet's contingencies are in clinical words, never rule code, and its key "
                 "explains 0+",
                 "[report][pdf]") {
    fill(1);
    auto r = test::normalRound(stays[0]);
    r.temp.reset(); // not measured: NEWS2 reads "0+", at least 0
    r.partialReason = PartialReason::Asleep;
    clock.advance(std::chrono::minutes(30));
    REQUIRE(ward.recordRound(r, {}, nurse).saved);
    auto sheet = ward.handoffSheet(day, "Recovery, ward 4", "Charge nurse Adeyemi");
    REQUIRE(sheet.patients.size() == 1);
    REQUIRE(sheet.patients[0].contingencies.size() >= 3);
    auto pdf = dir.file("handoff.pdf");
    report::writeHandoffPdf(sheet, pdf, Paper::A4, {});
    auto text = output("pdftotext '" + pdf + "' -");
    std::replace(text.begin(), text.end(), '\n', ' '); // lines break where the page is narrow
    CHECK_THAT(
        text, Catch::Contains("If Respiration rate 8/min or less \u2192 Clinician at the bedside"));
    for (auto& line : sheet.patients[0].contingencies) {
        INFO(line);
        CHECK_THAT(line, !Catch::Contains("==") && !Catch::Contains("<=") &&
                             !Catch::Contains(">=") && !Catch::Contains("spo2_scale"));
    }
    // No rule's condition anywhere on the sheet.
    for (auto& rule : ward.rules().rules) {
        INFO(rule.id);
        CHECK_THAT(text, !Catch::Contains(std::string(rule.when->text)));
        if (rule.level >= rules::Level::Urgent) CHECK_FALSE(rule.summary.empty());
    }
    CHECK_THAT(text, !Catch::Contains("<=") && !Catch::Contains("=="));
    // The grid's "0+" is explained on the page.
    CHECK(count(text, "0+") >= 2);
    CHECK_THAT(text, Catch::Contains("not every vital sign was measured"));
}

TEST_CASE_METHOD(test::ShiftWard, "two patients with one family name both carry a name alert",
                 "[report][pdf][name-alert]") {
    fill(2);
    for (auto [bed, name] : {std::pair{"7", "Ada Brennan"}, std::pair{"9", "BRENNAN, Séan"}}) {
        Stay s;
        s.bed = bed;
        s.name = name;
        s.mrn = std::string("D900000") + bed;
        s.since = clock.now() - std::chrono::hours(1);
        s.drugs = {Drug::Morphine};
        REQUIRE(ward.admit(s, nurse).admitted);
    }
    clock.advance(std::chrono::minutes(1));
    auto sheet = ward.handoffSheet(day, "Recovery, ward 4", "Charge nurse Adeyemi");
    auto pdf = dir.file("handoff.pdf");
    report::writeHandoffPdf(sheet, pdf, Paper::A4, {});
    // VIGIL_SCREENSHOTS=dir: the sheet's pages as PNG, to look at.
    if (const char* shots = std::getenv("VIGIL_SCREENSHOTS"))
        output(fmt::format("pdftoppm -r 80 -png '{}' '{}/handoff-name-alert'", pdf, shots));
    auto text = output("pdftotext '" + pdf + "' -");
    std::replace(text.begin(), text.end(), '\n', ' ');
    CHECK(count(text, "NAME ALERT") == 2); // the two Brennans, not beds 1 and 2
    CHECK_THAT(text, Catch::Contains("same family name as Bed 9 (BRENNAN, Séan)"));
    CHECK_THAT(text, Catch::Contains("same family name as Bed 7 (Ada Brennan)"));
}
