#include "store/audit.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/sqlite_engine.h"
#include "support/temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

using namespace vigil;

namespace {
std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
int tableCount(SQLite::Database& db) {
    return db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table'").getInt();
}
} // namespace

TEST_CASE("a new database is created, migrated to the newest schema, WAL and owner-only",
          "[store]") {
    test::TempDir dir;
    auto path = dir.file("vigil.db");
    store::Database db(path);
    CHECK(db.schemaVersion() == store::latestSchemaVersion());
    CHECK(store::latestSchemaVersion() == static_cast<int>(store::migrations().size()));
    // Both engines end at the same schema: a device and a server agree on what the record holds.
    REQUIRE_FALSE(store::postgresMigrations().empty());
    CHECK(store::postgresMigrations().back().version == store::latestSchemaVersion());
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(db.execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(db.execAndGet("PRAGMA synchronous").getInt() == 2); // FULL
    struct stat st {};
    REQUIRE(stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
}

TEST_CASE("migrations number 1, 2, 3... with no gaps", "[store][sqlite]") {
    int expected = 1;
    for (auto& m : store::migrations())
        CHECK(m.version == expected++);
}

TEST_CASE("every earlier schema version migrates to the newest", "[store][sqlite]") {
    for (int from = 0; from < store::latestSchemaVersion(); ++from) {
        CAPTURE(from);
        test::TempDir dir;
        auto path = dir.file("old.db");
        {
            SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            store::migrate(raw, from);
            CHECK(raw.execAndGet("PRAGMA user_version").getInt() == from);
        }
        store::Database db(path);
        CHECK(db.schemaVersion() == store::latestSchemaVersion());
        CHECK(tableCount(db.sqlite()) >= 5);
    }
}

TEST_CASE("opening twice does not migrate twice", "[store][sqlite]") {
    test::TempDir dir;
    auto path = dir.file("vigil.db");
    { store::Database db(path); }
    store::Database again(path);
    CHECK(again.schemaVersion() == store::latestSchemaVersion());
}

TEST_CASE("a database from a newer Vigil is refused and left untouched", "[store][sqlite]") {
    test::TempDir dir;
    auto path = dir.file("future.db");
    {
        store::Database db(path);
        db.exec("PRAGMA user_version = 999");
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    auto before = fileBytes(path);
    try {
        store::Database db(path);
        FAIL("opened a database from the future");
    } catch (const store::SchemaTooNew& e) {
        CHECK_THAT(e.what(), Catch::Contains("newer Vigil"));
        CHECK_THAT(e.what(), Catch::Contains("999"));
    }
    CHECK(fileBytes(path) == before);
}

TEST_CASE("a schema-7 file with escalations and steps migrates to 8 and its audit still verifies",
          "[store][audit][sqlite]") {
    // Schema 8 rebuilds escalation_steps (a 'raise' kind) and adds rounds.rash: the rows and their
    // hashes written by the Vigil before must come through unchanged.
    test::TempDir dir;
    auto path = dir.file("schema7.db");
    {
        SQLite::Database raw(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        raw.exec(fileBytes(VIGIL_SOURCE_DIR "/tests/store/data/schema7-demo.sql"));
        REQUIRE(raw.execAndGet("PRAGMA user_version").getInt() == 7);
        REQUIRE(raw.execAndGet("SELECT count(*) FROM escalation_steps").getInt() > 0);
    }
    store::Database db(path);
    CHECK(db.schemaVersion() == store::latestSchemaVersion());
    auto report = store::verifyAudit(db);
    CHECK_FALSE(report.first);
    CHECK(report.entries > 50);
    CHECK(db.execAndGet("SELECT count(*) FROM escalation_steps WHERE level IS NULL").getInt() > 0);
    CHECK(db.execAndGet("SELECT count(*) FROM rounds WHERE rash IS NULL").getInt() > 0);
    CHECK_THROWS(db.exec("DELETE FROM escalation_steps")); // the rebuilt table's triggers
    // An edit of a row written before the rebuild is still caught.
    db.exec("DROP TRIGGER escalation_steps_no_update");
    db.exec("UPDATE escalation_steps SET reason = 'edited' WHERE id = 1");
    CHECK(store::verifyAudit(db).first);
}
