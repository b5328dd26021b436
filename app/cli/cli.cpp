#include "cli/cli.h"

#include "cli/audit_cmd.h"
#include "cli/db_cmd.h"
#include "cli/demo.h"
#include "cli/due.h"
#include "cli/evaluate.h"
#include "cli/events_cmd.h"
#include "cli/fhir_cmd.h"
#include "cli/fhir_send.h"
#include "cli/output.h"
#include "cli/rules_cmd.h"
#include "cli/settings.h"
#include "cli/staff_cmd.h"
#include "cli/summary.h"
#include "cli/version.h"
#include "core/clock.h"
#include "core/rules/shipped.h"
#include "core/timefmt.h"
#include "store/audit.h"
#include "store/database.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <iostream>

namespace vigil::cli {

namespace {
int runCommand(int argc, char** argv, const GuiLauncher& openGui, const PdfWriter& writePdf);

// --shift START..END, or the shift `now` falls in.
std::variant<Shift, std::string> shiftFromOption(const std::string& option, TimePoint now,
                                                 const ShiftPattern& pattern) {
    if (option.empty()) return shiftAt(now, pattern);
    return parseShift(option);
}

// --at TIME: the time given, or now when none was; nothing (said on stderr) when malformed.
std::optional<TimePoint> atOption(const char* command, const std::string& text) {
    if (text.empty()) return SystemClock().now();
    auto at = parseRfc3339(text);
    if (at && *at == TimePoint{}) {
        fmt::print(stderr,
                   "vigil {}: --at \"{}\" is the epoch, which Vigil reads as \"no time\": give "
                   "the time meant, or leave --at out for now\n",
                   command, text);
        return std::nullopt;
    }
    if (!at)
        fmt::print(stderr,
                   "vigil {}: --at \"{}\" is not an RFC 3339 time, e.g. 2026-11-22T07:00:00Z\n",
                   command, text);
    return at;
}
} // namespace

int run(int argc, char** argv, const GuiLauncher& openGui, const PdfWriter& writePdf) {
    // Whatever the command, output that did not reach its reader is an error, not success.
    return withCheckedOutput(runCommand(argc, argv, openGui, writePdf));
}

namespace {
int runCommand(int argc, char** argv, const GuiLauncher& openGui, const PdfWriter& writePdf) {
    CLI::App app{"Vigil: observation rounds and escalation after intrathecal pump implants"};
    app.set_version_flag("--version", versionText); // loads the built-in rules only when asked
    std::string dbPath;
    app.add_option(
        "--db", dbPath,
        "Database file or postgresql:// URI for the GUI (default: the settings' database, else "
        "$XDG_DATA_HOME/vigil/vigil.db)");
    bool quitAfterStart = false;
    app.add_flag("--quit-after-start", quitAfterStart,
                 "Open the ward board, then quit at once (measures start-up; see tests/bench)");

    std::string rulesPath;
    app.add_option("--rules", rulesPath,
                   "Rule file for the GUI (default: the built-in intrathecal-recovery set)");

    auto* evaluate = app.add_subcommand(
        "evaluate", "Score rounds given as JSON Lines on stdin; one JSON line out per line in");
    std::string evaluateRules;
    evaluate->add_option("--rules", evaluateRules,
                         "Rule file (default: the built-in intrathecal-recovery set)");

    auto* rules = app.add_subcommand("rules", "Check a rule file, or run its golden cases");
    rules->require_subcommand(1);
    auto* rulesCheckCmd = rules->add_subcommand("check", "Lint a rule file: exit 0 when it loads");
    std::string checkFile;
    rulesCheckCmd->add_option("FILE", checkFile, "Rule file (TOML)")->required();
    auto* rulesTestCmd = rules->add_subcommand("test", "Run a rule file's golden cases");
    std::string testFile, casesFile;
    rulesTestCmd->add_option("FILE", testFile, "Rule file (TOML)")->required();
    rulesTestCmd->add_option("--cases", casesFile,
                             "Cases file (default: FILE's .cases.toml beside it)");

    auto* demo =
        app.add_subcommand("demo", "Fill a database with realistic synthetic stays and rounds");
    std::string demoDb;
    DemoOptions demoOptions;
    demo->add_option("--db", demoDb, "Database file to fill (created when missing)")->required();
    demo->add_option("--beds", demoOptions.beds, "Beds occupied now")->check(CLI::Range(1, 200));
    demo->add_option("--days", demoOptions.days, "Days of history up to now")
        ->check(CLI::Range(1, 3650));
    demo->add_option("--seed", demoOptions.seed, "Random seed, for repeatable data");

    auto* due =
        app.add_subcommand("due", "Each stay's next round, minutes overdue and open escalations");
    std::string dueDb, dueAt;
    bool dueJson = false;
    due->add_option("--db", dueDb,
                    "Database file or postgresql:// URI (must exist; opened read-only)")
        ->required();
    due->add_option("--at", dueAt, "Time to judge at, RFC 3339 (default: now)");
    due->add_flag("--json", dueJson, "JSON output: {\"at\", \"stays\": [...]}");

    auto* events = app.add_subcommand(
        "events", "The unit's events as lines, oldest first, for paging and messaging systems");
    EventsArgs eventsArgs;
    events
        ->add_option("--db", eventsArgs.db,
                     "Database file or postgresql:// URI (must exist; read-only unless "
                     "--follow, which records the onward cascade too)")
        ->required();
    events->add_flag("--follow", eventsArgs.follow,
                     "Keep printing events as they happen (and as deadlines pass)");
    events->add_option("--since", eventsArgs.since,
                       "Only events after this RFC 3339 time, or after the event with this id");
    events->add_flag("--json", eventsArgs.json,
                     "JSON Lines: {\"at\", \"kind\", \"bed\", \"stay\", ..., \"id\"}");
    events->add_flag("--with-names", eventsArgs.withNames, "Include patient names and MRNs");

    auto* summary = app.add_subcommand(
        "summary", "The charge nurse's shift summary: unit figures and one row per patient");
    std::string summaryDb, summaryShift, summaryAt;
    bool summaryJsonOut = false;
    summary
        ->add_option("--db", summaryDb,
                     "Database file or postgresql:// URI (must exist; opened read-only)")
        ->required();
    summary->add_option("--shift", summaryShift,
                        "START..END, each RFC 3339 (default: the shift now, from the settings)");
    summary->add_option("--at", summaryAt, "Judge as at this RFC 3339 time (default: now)");
    summary->add_flag("--json", summaryJsonOut,
                      "JSON: {\"shift\":{...},\"unit\":{...},\"patients\":[...]}");

    auto* handoff = app.add_subcommand(
        "handoff",
        "The I-PASS handoff sheet as a PDF (no display needed); each export is recorded");
    HandoffArgs handoffArgs;
    std::string handoffShift, handoffAt;
    handoff
        ->add_option("--db", handoffArgs.db,
                     "Database file or postgresql:// URI (must exist; read, never migrated)")
        ->required();
    handoff->add_option("--shift", handoffShift,
                        "START..END, each RFC 3339 (default: the shift now, from the settings)");
    handoff->add_option("--at", handoffAt, "Data as at this RFC 3339 time (default: now)");
    handoff->add_option("--pdf", handoffArgs.pdf, "The PDF file to write")->required();
    handoff->add_option("--paper", handoffArgs.paper, "a4 (default) or letter");
    handoff->add_option("--by", handoffArgs.by,
                        "Name printed in the header (default: the command line and $USER)");

    auto* audit = app.add_subcommand("audit", "The tamper-evident record");
    audit->require_subcommand(1);
    auto* verify = audit->add_subcommand(
        "verify", "Re-hash every row and the chain: exit 0 when intact, 1 when not");
    std::string auditDb, auditHeadText;
    verify
        ->add_option("--db", auditDb,
                     "Database file or postgresql:// URI (must exist; opened read-only)")
        ->required();
    verify->add_option("--head", auditHeadText,
                       "N:HASH from `vigil audit head` or a sheet's footer: exit 1 unless entry N "
                       "still has that hash");
    auto* head = audit->add_subcommand(
        "head", "The chain's head, to keep outside the file; last word N:HASH");
    head->add_option("--db", auditDb,
                     "Database file or postgresql:// URI (must exist; opened read-only)")
        ->required();

    auto* dbCmd = app.add_subcommand("db", "The record's schema; moving a record to the server");
    dbCmd->require_subcommand(1);
    auto* migrateCmd = dbCmd->add_subcommand(
        "migrate", "Create or upgrade the schema of a database file or server database");
    std::string migrateDb, appRole;
    migrateCmd
        ->add_option("--db", migrateDb,
                     "Database file (created when missing) or postgresql:// URI (run as the "
                     "database's owner)")
        ->required();
    migrateCmd->add_option("--app-role", appRole,
                           "Server only: the tablets' role, granted SELECT and INSERT only");
    auto* copyCmd = dbCmd->add_subcommand(
        "copy", "Copy a device's record (every row and the audit chain) into an empty record");
    std::string copyFrom, copyTo;
    copyCmd->add_option("--from", copyFrom, "Database file (read, never changed)")->required();
    copyCmd
        ->add_option("--to", copyTo,
                     "postgresql:// URI (or a new file) that holds no rows yet; the schema is "
                     "created when missing")
        ->required();

    auto* staff =
        app.add_subcommand("staff", "Staff who sign in: add (PINs read from stdin), list");
    staff->require_subcommand(1);
    auto* staffAddCmd = staff->add_subcommand(
        "add", "Add a person with a PIN; the first one must be an admin, later ones need --by");
    StaffAdd staffArgs;
    staffAddCmd->add_option("--db", staffArgs.db, "Database file (created when missing)")
        ->required();
    staffAddCmd->add_option("--name", staffArgs.name, "Full name, as the record will show it")
        ->required();
    staffAddCmd->add_option("--role", staffArgs.role, "nurse, charge_nurse or admin")->required();
    staffAddCmd->add_option("--by", staffArgs.by,
                            "The admin adding them (their PIN is read first)");
    auto* staffListCmd = staff->add_subcommand("list", "Staff numbers, names, roles");
    std::string staffListDb;
    staffListCmd
        ->add_option("--db", staffListDb,
                     "Database file or postgresql:// URI (must exist; opened read-only)")
        ->required();

    auto* exportCmd = app.add_subcommand("export", "Send the record to other systems");
    exportCmd->require_subcommand(1);
    auto* fhirCmd = exportCmd->add_subcommand(
        "fhir", "One FHIR R4 transaction Bundle per round: to files (--out) or a server (--to)");
    FhirExportArgs fhirArgs;
    fhirCmd->add_option("--db", fhirArgs.db, "Database file (must exist; opened read-only)")
        ->required();
    auto* fhirOut = fhirCmd->add_option(
        "--out", fhirArgs.out,
        "Folder for the bundles, one round-ID.json per round (made when missing)");
    auto* fhirTo = fhirCmd->add_option(
        "--to", fhirArgs.to,
        "FHIR server base URL: POST what it has not accepted yet, record each answer");
    auto* fhirPending = fhirCmd->add_flag(
        "--pending", fhirArgs.pending,
        "List the rounds the server (--to, or the last one sent to) has not accepted yet");
    auto* fhirFollow = fhirCmd->add_flag(
        "--follow", fhirArgs.follow,
        "With --to: keep delivering as rounds are saved, until stopped (SIGTERM, Ctrl-C)");
    fhirCmd->add_option("--every", fhirArgs.every, "Seconds between passes with --follow (30)")
        ->check(CLI::Range(1, 3600));
    fhirOut->excludes(fhirTo)->excludes(fhirPending)->excludes(fhirFollow);
    fhirFollow->needs(fhirTo);
    fhirCmd->add_option("--since", fhirArgs.since,
                        "Only rounds where something changed at or after this RFC 3339 time");
    fhirCmd->add_option("--stay", fhirArgs.stay, "Only the rounds of this stay (its number)");

    app.require_subcommand(0, 1);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // A command line that does not parse is a usage error: exit 2, as every command
        // documents (CLI11's own codes, 105 and up, are not part of Vigil's contract).
        return app.exit(e) == 0 ? 0 : 2;
    }

    try {
        // The settings file names a hospital's rule file; --rules on the command line wins.
        auto settings = loadSettings();
        bool rulesFromCommandLine = !rulesPath.empty();
        if (rulesPath.empty()) rulesPath = settings.rulesPath;
        if (evaluateRules.empty()) evaluateRules = settings.rulesPath;
        if (*evaluate) {
            auto set = rulesOrReport(evaluateRules, std::cerr);
            if (!set) return 2;
            return runEvaluate(std::cin, std::cout, set);
        }
        if (*due) {
            auto at = atOption("due", dueAt);
            if (!at) return 2;
            return runDue(dueDb, dueAt.empty() ? std::nullopt : at, dueJson, std::cout);
        }
        if (*events) {
            auto set = rulesPath.empty() ? vigil::rules::shippedRuleSet()
                                         : rulesOrReport(rulesPath, std::cerr);
            if (!set) return 2;
            return runEvents(eventsArgs, set, std::cout, std::cerr);
        }
        if (*summary) {
            auto at = atOption("summary", summaryAt);
            if (!at) return 2;
            TimePoint now = *at;
            auto shift = shiftFromOption(summaryShift, now, settings.shifts);
            if (auto* error = std::get_if<std::string>(&shift)) {
                fmt::print(stderr, "vigil summary: {}\n", *error);
                return 2;
            }
            return runSummary(summaryDb, std::get<Shift>(shift), now, summaryJsonOut, std::cout);
        }
        if (*handoff) {
            auto at = atOption("handoff", handoffAt);
            if (!at) return 2;
            handoffArgs.now = *at;
            if (!handoffShift.empty()) {
                auto shift = parseShift(handoffShift);
                if (auto* error = std::get_if<std::string>(&shift)) {
                    fmt::print(stderr, "vigil handoff: {}\n", *error);
                    return 2;
                }
                handoffArgs.shift = std::get<Shift>(shift);
            }
            return runHandoff(handoffArgs, settings.shifts, settings.unit, writePdf, std::cout,
                              std::cerr);
        }
        if (*verify)
            return auditVerify(auditDb,
                               verify->get_option("--head")->count()
                                   ? std::optional<std::string>(auditHeadText)
                                   : std::nullopt,
                               std::cout, std::cerr);
        if (*head) return auditHead(auditDb, std::cout);
        if (*migrateCmd) return dbMigrate(migrateDb, appRole, std::cout);
        if (*copyCmd) return dbCopy(copyFrom, copyTo, std::cout);
        if (*staffAddCmd) return staffAdd(staffArgs, std::cin, std::cout, std::cerr);
        if (*staffListCmd) return staffList(staffListDb, std::cout);
        if (*rulesCheckCmd) return rulesCheck(checkFile, std::cout, std::cerr);
        if (*rulesTestCmd) return rulesTest(testFile, casesFile, std::cout, std::cerr);
        if (*fhirCmd) {
            if (fhirArgs.pending) return runFhirPending(fhirArgs, settings, std::cout, std::cerr);
            if (!fhirArgs.to.empty()) return runFhirSend(fhirArgs, settings, std::cout, std::cerr);
            if (fhirArgs.out.empty()) {
                fmt::print(stderr, "vigil export fhir: say where the bundles go: --out DIR "
                                   "(files) or --to BASE_URL (a FHIR server)\n");
                return 2;
            }
            return runFhirExport(fhirArgs, settings, std::cout, std::cerr);
        }
        if (*demo) return runDemo(demoDb, demoOptions, std::cout, std::cerr);
        if (dbPath.empty()) dbPath = settings.database;
        return openGui({dbPath.empty() ? store::defaultDatabasePath() : dbPath, rulesPath,
                        rulesFromCommandLine, settings.idleLockMinutes, settings.shifts,
                        settings.unit, quitAfterStart});
    } catch (const std::exception& e) {
        fmt::print(stderr, "vigil: {}\n", e.what());
        return 2;
    }
}
} // namespace

} // namespace vigil::cli
