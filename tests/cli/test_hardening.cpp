// Issue 10: nothing a command does may destroy or leak the record; commands that only read never
// create, migrate or change a file; output that did not arrive is an error. Runs the real binary.
#include "store/database.h"
#include "store/sqlite_engine.h"
#include "store/migrations.h"
#include "support/process.h"
#include "support/temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <SQLiteCpp/Database.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

using namespace vigil;
using test::run;
namespace fs = std::filesystem;

namespace {
const std::string vigilBin = VIGIL_BINARY;

std::string bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}

std::set<std::string> listing(const fs::path& dir) {
    std::set<std::string> out;
    for (auto& e : fs::directory_iterator(dir))
        out.insert(e.path().filename().string());
    return out;
}

// The first admin, "Admin Achterberg", PIN 2468.
void addAdmin(const std::string& db) {
    REQUIRE(run("printf '2468\\n' | " + vigilBin + " staff add --db " + db +
                " --name 'Admin Achterberg' --role admin >/dev/null 2>&1")
                .exitCode == 0);
}

// `count` copies of a `vigil staff add` started together, each fed `pins` (the shell expands $i).
void addAtOnce(int count, const std::string& pins, const std::string& arguments) {
    run(fmt::format("for i in $(seq 1 {}); do printf \"{}\" | {} staff add {} >/dev/null 2>&1 & "
                    "done; wait",
                    count, pins, vigilBin, arguments));
}

// The folder's files other than the record's own (its -wal and -shm come and go with SQLite).
std::set<std::string> outputs(const fs::path& dir) {
    std::set<std::string> out;
    for (auto& name : listing(dir))
        if (name.rfind("w.db", 0) != 0) out.insert(name);
    return out;
}

// A demo ward, checkpointed so that the file alone is the whole record.
std::string demoWard(const test::TempDir& dir, const std::string& name = "w.db") {
    auto db = dir.file(name);
    REQUIRE(run(vigilBin + " demo --db " + db + " --beds 3 --days 1 >/dev/null 2>&1").exitCode ==
            0);
    return db;
}

const std::vector<std::string> kReadCommands{
    "due --db {}",        "summary --db {}",    "audit verify --db {}",
    "audit head --db {}", "staff list --db {}", "handoff --db {} --pdf {}.pdf"};
} // namespace

TEST_CASE("commands that only read refuse a path that does not exist and create nothing",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto typo = dir.file("typo.db");
    for (auto& c : kReadCommands) {
        auto command = fmt::format(fmt::runtime(c), typo, dir.file("out"));
        INFO(command);
        auto r = run(vigilBin + " " + command + " 2>&1");
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.output, Catch::Contains(typo + ": no such database file"));
        CHECK(listing(dir.path()).empty());
    }
}

TEST_CASE("commands that only read never migrate an older file, and say what to run",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = dir.file("old.db");
    int old = store::latestSchemaVersion() - 2;
    {
        SQLite::Database raw(db, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store::migrate(raw, old);
    }
    auto before = bytes(db);
    for (auto& c : kReadCommands) {
        auto command = fmt::format(fmt::runtime(c), db, dir.file("out"));
        INFO(command);
        auto r = run(vigilBin + " " + command + " 2>&1");
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.output, Catch::Contains(fmt::format("is at schema {}", old)));
        CHECK_THAT(r.output, Catch::Contains("vigil db migrate --db " + db));
        CHECK(bytes(db) == before);
    }
    auto migrated = run(vigilBin + " db migrate --db " + db);
    CHECK(migrated.exitCode == 0);
    CHECK_THAT(migrated.output, Catch::Contains(fmt::format("schema {} (was {})",
                                                            store::latestSchemaVersion(), old)));
    CHECK(run(vigilBin + " due --db " + db + " >/dev/null").exitCode == 0);
}

TEST_CASE("commands that only read work on a write-protected evidence copy and change nothing",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto live = demoWard(dir);
    fs::create_directory(dir.path() / "evidence");
    auto copy = (dir.path() / "evidence" / "w.db").string();
    fs::copy_file(live, copy);
    auto before = bytes(copy);
    chmod(copy.c_str(), 0444);
    chmod((dir.path() / "evidence").c_str(), 0555);
    chmod(dir.path().c_str(), 0777); // the handoff PDF goes here
    // Root writes through any permission: the copy is read as an unprivileged user would.
    std::string as = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    std::string env = fmt::format("HOME={0} XDG_CONFIG_HOME={0} ", dir.path().string());
    for (auto& c : kReadCommands) {
        auto command = fmt::format(fmt::runtime(c), copy, dir.file("sheet"));
        INFO(command);
        auto r = run(env + as + vigilBin + " " + command + " 2>&1");
        CHECK(r.exitCode == 0);
        CHECK(bytes(copy) == before);
        CHECK(listing(dir.path() / "evidence") == std::set<std::string>{"w.db"});
    }
    auto handoff = run(env + as + vigilBin + " handoff --db " + copy + " --pdf " +
                       dir.file("again.pdf") + " 2>&1");
    CHECK_THAT(handoff.output, Catch::Contains("the export was not recorded"));
    CHECK(fs::exists(dir.file("again.pdf")));
    chmod((dir.path() / "evidence").c_str(), 0755);
}

TEST_CASE("the handoff PDF is never written over the record, directly or through a link",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = demoWard(dir);
    auto before = bytes(db);
    fs::create_symlink(db, dir.file("link.pdf"));
    fs::create_hard_link(db, dir.file("hard.pdf"));
    fs::create_directory(dir.path() / "sub");
    for (const std::string& target :
         {db, db + "-wal", db + "-shm", db + "-journal", dir.file("link.pdf"), dir.file("hard.pdf"),
          (dir.path() / "sub" / ".." / "w.db").string()}) {
        INFO(target);
        auto r = run(vigilBin + " handoff --db " + db + " --pdf " + target + " 2>&1");
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.output, Catch::Contains("refused: that is the ward's record"));
        CHECK(bytes(db) == before);
    }
    CHECK(fs::is_symlink(dir.file("link.pdf")));
    CHECK(run(vigilBin + " audit verify --db " + db).exitCode == 0);
}

TEST_CASE("the handoff PDF is owner-only, never written through a planted link, and whole",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = demoWard(dir);
    auto victim = dir.file("victim.txt");
    std::ofstream(victim) << "not yours";
    fs::create_symlink(victim, dir.file("out.pdf.partial"));
    auto r = run("umask 000; " + vigilBin + " handoff --db " + db + " --pdf " +
                 dir.file("out.pdf") + " 2>&1");
    REQUIRE(r.exitCode == 0);
    CHECK(bytes(victim) == "not yours");
    struct stat st {};
    REQUIRE(lstat(dir.file("out.pdf").c_str(), &st) == 0);
    CHECK(S_ISREG(st.st_mode));
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(bytes(dir.file("out.pdf")).rfind("%PDF", 0) == 0);
    CHECK(outputs(dir.path()) == std::set<std::string>{"out.pdf", "out.pdf.partial", "victim.txt"});
}

TEST_CASE("a killed export leaves nothing behind but a whole PDF or none",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = demoWard(dir);
    auto files = outputs(dir.path());
    for (int delayMs : {0, 15, 30, 45, 60, 75, 90}) { // an export takes about 100 ms
        INFO(delayMs << " ms");
        auto out = dir.file(fmt::format("k{}.pdf", delayMs));
        run(fmt::format("{} handoff --db {} --pdf {} >/dev/null 2>&1 & p=$!; sleep {}; kill -9 $p "
                        "2>/dev/null; wait $p 2>/dev/null; true",
                        vigilBin, db, out, delayMs / 1000.0));
        auto now = outputs(dir.path());
        now.erase(fs::path(out).filename().string()); // whole, if it is there at all
        CHECK(now == files);
        if (fs::exists(out)) {
            CHECK(run("pdfinfo " + out + " >/dev/null 2>&1").exitCode == 0);
            fs::remove(out);
        }
    }
    CHECK(run(vigilBin + " audit verify --db " + db).exitCode == 0);
}

TEST_CASE("vigil demo never writes synthetic patients into a record it did not write",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto ward = dir.file("ward.db");
    addAdmin(ward);
    auto before = bytes(ward);
    auto r = run(vigilBin + " demo --db " + ward + " --beds 2 --days 1 2>&1");
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.output, Catch::Contains("the demo did not write"));
    CHECK_THAT(r.output, Catch::Contains("1 staff"));
    CHECK(bytes(ward) == before);

    auto demo = demoWard(dir, "demo.db");
    auto again = run(vigilBin + " demo --db " + demo + " --beds 2 --days 1 2>&1");
    CHECK(again.exitCode == 2);
    CHECK_THAT(again.output, Catch::Contains("already holds a demo ward"));

    auto empty = dir.file("empty.db");
    REQUIRE(run(vigilBin + " db migrate --db " + empty + " >/dev/null").exitCode == 0);
    CHECK(run(vigilBin + " demo --db " + empty + " --beds 2 --days 1 >/dev/null").exitCode == 0);
}

TEST_CASE("output that cannot be written ends with a message and a non-zero exit",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = demoWard(dir);
    for (std::string command :
         {"evaluate < " + dir.file("in.jsonl"), "due --db " + db, "due --db " + db + " --json",
          "summary --db " + db, "summary --db " + db + " --json", "audit head --db " + db,
          "audit verify --db " + db, "staff list --db " + db,
          std::string("rules check ") + VIGIL_SOURCE_DIR +
              "/resources/rules/intrathecal-recovery.toml"}) {
        std::ofstream(dir.file("in.jsonl")) << R"({"rr":14})"
                                            << "\n";
        INFO(command);
        auto r = run(vigilBin + " " + command + " 2>&1 >/dev/full");
        CHECK(r.exitCode != 0);
        CHECK_THAT(r.output, Catch::Contains("could not be written"));
    }
}

TEST_CASE("a damaged file is a message, never a crash", "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = demoWard(dir);
    {
        // Every page after the first (the schema) overwritten: any read meets the damage.
        std::fstream f(db, std::ios::in | std::ios::out | std::ios::binary);
        f.seekg(0, std::ios::end);
        auto size = static_cast<std::size_t>(f.tellg());
        f.seekp(4096);
        std::string junk(size - 4096, '\xA5');
        f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
    }
    for (std::string command : {"due --db ", "summary --db ", "staff list --db "}) {
        INFO(command);
        auto r = run(vigilBin + " " + command + db + " 2>&1");
        CHECK(r.exitCode == 2); // not 134 (abort) or a signal
        CHECK_THAT(r.output, Catch::Contains(db + " is damaged"));
    }
    auto verify = run(vigilBin + " audit verify --db " + db + " 2>&1");
    CHECK(verify.exitCode == 1);
    CHECK_THAT(verify.output, Catch::Contains("NOT INTACT: the file is damaged"));
    auto missingFolder = run("printf '2468\\n' | " + vigilBin +
                             " staff add --db /no/such/folder/w.db --name A --role admin 2>&1");
    CHECK(missingFolder.exitCode == 2);
    CHECK_THAT(missingFolder.output, Catch::Contains("the folder /no/such/folder does not exist"));
}

TEST_CASE("thirty PIN guesses at once compare no more than five before the lock",
          "[cli][binary][hardening][pin]") {
    test::TempDir dir;
    auto db = dir.file("w.db");
    addAdmin(db);
    // Thirty wrong PINs (1001 to 1030) for the admin, all at once.
    addAtOnce(30, "$((1000 + i))\\n13579\\n",
              "--db " + db + " --name \"Nurse $i\" --role nurse --by 'Admin Achterberg'");
    SQLite::Database check(db);
    auto count = [&](const char* outcome) {
        SQLite::Statement q(check, "SELECT count(*) FROM sign_ins WHERE outcome = ?");
        q.bind(1, outcome);
        q.executeStep();
        return q.getColumn(0).getInt();
    };
    CHECK(count("wrong_pin") == 5);
    CHECK(count("refused_locked") == 25);
    CHECK(count("signed_in") == 0);
    CHECK(check.execAndGet("SELECT count(*) FROM staff").getInt() == 1);
    // Locked now, even for the right PIN.
    auto right = run("printf '2468\\n13579\\n' | " + vigilBin + " staff add --db " + db +
                     " --name 'Nurse Late' --role nurse --by 'Admin Achterberg' 2>&1");
    CHECK(right.exitCode == 1);
    CHECK_THAT(right.output, Catch::Contains("Locked"));
}

TEST_CASE("first admins and names added at once are checked inside the write",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = dir.file("w.db");
    addAtOnce(4, "2468\\n", "--db " + db + " --name \"Admin $i\" --role admin");
    std::string admin;
    {
        SQLite::Database check(db);
        CHECK(check.execAndGet("SELECT count(*) FROM staff WHERE role = 'admin'").getInt() == 1);
        admin = check.execAndGet("SELECT name FROM staff").getString();
    }
    addAtOnce(4, "2468\\n1357\\n",
              "--db " + db + " --name 'Nurse Same' --role nurse --by '" + admin + "'");
    SQLite::Database check(db);
    CHECK(check.execAndGet("SELECT count(*) FROM staff WHERE name = 'Nurse Same'").getInt() == 1);
}

TEST_CASE("the record's companions are refused under any name of the record, and devices too",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = demoWard(dir);
    // A -wal holding committed rows exists only while another connection keeps it from being
    // folded back: hold one, as a second tablet would.
    SQLite::Database other(db, SQLite::OPEN_READWRITE);
    other.exec("PRAGMA wal_autocheckpoint = 0");
    REQUIRE(run(vigilBin + " handoff --db " + db + " --pdf " + dir.file("a.pdf") + " >/dev/null")
                .exitCode == 0);
    fs::create_symlink(db, dir.file("link.db"));
    fs::create_hard_link(db, dir.file("hard.db"));
    for (const std::string& via : {dir.file("link.db"), dir.file("hard.db")}) {
        INFO(via);
        auto r = run(vigilBin + " handoff --db " + via + " --pdf " + db + "-wal 2>&1");
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.output, Catch::Contains("refused: that is the ward's record"));
    }
    auto device = run(vigilBin + " handoff --db " + db + " --pdf /dev/null 2>&1");
    CHECK(device.exitCode == 2);
    CHECK_THAT(device.output, Catch::Contains("/dev/null is not a regular file"));
    struct stat st {};
    REQUIRE(stat("/dev/null", &st) == 0);
    CHECK(S_ISCHR(st.st_mode));
    CHECK(other.execAndGet("SELECT count(*) FROM handoff_prints").getInt() == 1);
    CHECK(run(vigilBin + " audit verify --db " + db).exitCode == 0);
}

TEST_CASE("an evidence copy with its write-ahead log is read whole and left as it was",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto live = demoWard(dir);
    fs::create_directory(dir.path() / "evidence");
    auto copy = (dir.path() / "evidence" / "w.db").string();
    {
        // A reader holds the log open, so the admin added next lives only in the -wal.
        SQLite::Database reader(live, SQLite::OPEN_READONLY);
        SQLite::Statement hold(reader, "SELECT count(*) FROM staff");
        hold.executeStep();
        REQUIRE(run("printf '2468\\n' | " + vigilBin + " staff add --db " + live +
                    " --name 'Admin Walonly' --role admin >/dev/null 2>&1")
                    .exitCode == 0);
        fs::copy_file(live, copy);
        fs::copy_file(live + "-wal", copy + "-wal");
    }
    auto before = bytes(copy) + bytes(copy + "-wal");
    chmod(copy.c_str(), 0444);
    chmod((copy + "-wal").c_str(), 0444);
    chmod((dir.path() / "evidence").c_str(), 0555);
    chmod(dir.path().c_str(), 0777);
    std::string as = geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : "";
    std::string env = fmt::format("HOME={0} XDG_CONFIG_HOME={0} ", dir.path().string());
    auto list = run(env + as + vigilBin + " staff list --db " + copy + " 2>&1");
    CHECK(list.exitCode == 0);
    CHECK_THAT(list.output, Catch::Contains("Admin Walonly"));
    CHECK(run(env + as + vigilBin + " audit verify --db " + copy).exitCode == 0);
    CHECK(bytes(copy) + bytes(copy + "-wal") == before);
    CHECK(listing(dir.path() / "evidence") == std::set<std::string>{"w.db", "w.db-wal"});
    chmod((dir.path() / "evidence").c_str(), 0755);
}

TEST_CASE("a head given empty or short is checked, never skipped", "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = demoWard(dir);
    auto headLine = run(vigilBin + " audit head --db " + db).output;
    auto head = headLine.substr(headLine.rfind(' ') + 1);
    head.pop_back(); // the newline
    auto colon = head.find(':');
    auto empty = run(vigilBin + " audit verify --db " + db + " --head '' 2>&1");
    CHECK(empty.exitCode == 2);
    CHECK_THAT(empty.output, Catch::Contains("is not a head"));
    // The sheet's footer prints 12 hex digits: enough to check against.
    auto footer = head.substr(0, colon + 13);
    CHECK(run(vigilBin + " audit verify --db " + db + " --head " + footer).exitCode == 0);
    auto wrong = footer;
    wrong.back() = wrong.back() == '0' ? '1' : '0';
    auto r = run(vigilBin + " audit verify --db " + db + " --head " + wrong);
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.output, Catch::Contains("no longer has the hash"));
}

TEST_CASE("a foreign SQLite file is never written to, and usage errors exit 2",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto foreign = dir.file("other.db");
    {
        SQLite::Database f(foreign, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        f.exec("CREATE TABLE patients (name TEXT); INSERT INTO patients VALUES ('Real Person')");
    }
    auto before = bytes(foreign);
    for (std::string command :
         {"demo --db " + foreign + " --beds 1 --days 1", "db migrate --db " + foreign}) {
        INFO(command);
        auto r = run(vigilBin + " " + command + " 2>&1");
        CHECK(r.exitCode == 2);
        CHECK_THAT(r.output, Catch::Contains("is an SQLite file that is not a Vigil record"));
        CHECK(bytes(foreign) == before);
    }
    for (std::string usage :
         {"due", "due --db x --bogus", "demo --db x --beds 0", "demo --db x --seed abc"}) {
        INFO(usage);
        CHECK(run(vigilBin + " " + usage + " >/dev/null 2>&1").exitCode == 2);
    }
}

TEST_CASE("a demo being made and a real record started meanwhile never mix",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto db = dir.file("q.db");
    // The demo takes seconds; the admin is added while it is still being made.
    auto r = run(fmt::format("{0} demo --db {1} --beds 40 --days 20 >/dev/null 2>&1 & d=$!; sleep "
                             "0.3; printf '2468\\n' | {0} staff add --db {1} --name 'Admin Real' "
                             "--role admin >/dev/null 2>&1; wait $d; echo demo=$?",
                             vigilBin, db));
    SQLite::Database check(db, SQLite::OPEN_READONLY);
    CHECK(check.execAndGet("SELECT count(*) FROM staff").getInt() == 1);
    CHECK(check.execAndGet("SELECT count(*) FROM stays").getInt() == 0);
    CHECK_THAT(r.output, Catch::Contains("demo=2"));
    for (auto& name : listing(dir.path())) // no half-made demo left beside it
        CHECK(name.find(".demo-") == std::string::npos);
}

TEST_CASE("evaluate refuses a NUL byte, lines out of time order and a fill after the round",
          "[cli][binary][hardening]") {
    test::TempDir dir;
    auto input = dir.file("in.jsonl");
    std::ofstream(input, std::ios::binary)
        << std::string("{\"rr\":18}\0{\"rr\":5}\n", 19)
        << R"({"patient":"a","rr":12,"at":"2026-11-22T10:00:00Z"})"
        << "\n"
        << R"({"patient":"a","rr":12,"at":"2026-11-22T09:00:00Z"})"
        << "\n"
        << R"({"rr":12,"at":"2026-11-22T09:00:00Z","stay":{"since":"2026-11-22T11:00:00Z"}})"
        << "\n";
    auto r = run(vigilBin + " evaluate < " + input);
    CHECK(r.exitCode == 1);
    std::istringstream lines(r.output);
    std::vector<nlohmann::json> out;
    for (std::string l; std::getline(lines, l);)
        out.push_back(nlohmann::json::parse(l));
    REQUIRE(out.size() == 4);
    CHECK_THAT(out[0]["error"]["message"].get<std::string>(),
               Catch::Contains("NUL byte at byte 10"));
    CHECK(out[1].contains("news2"));
    CHECK(out[2]["error"]["field"] == "at");
    CHECK(out[3]["error"]["field"] == "stay.since");
}
