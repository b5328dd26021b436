// A child process saves rounds as fast as it can and reports each id only after the save
// returned; the parent kills it with SIGKILL at a random moment. Every acknowledged round must be
// there afterwards, and the file must pass PRAGMA integrity_check.
#include "store/database.h"
#include "store/staff.h"
#include "store/stays.h"
#include "support/rounds.h"
#include "support/temp_dir.h"
#include "ward/ward.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <catch2/catch.hpp>
#include <csignal>
#include <random>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace vigil;

TEST_CASE("every acknowledged round survives kill -9", "[store][durability]") {
    test::TempDir dir;
    auto path = dir.file("vigil.db");
    StayId stay;
    StaffId nurse;
    {
        store::Database db(path);
        SystemClock clock;
        ward::Ward ward(db, clock);
        nurse = ward.ensureStaff("Nurse Okafor", store::Role::Nurse);
        Stay s;
        s.bed = "1";
        s.name = "Kill Test";
        s.mrn = "D0000009";
        s.since = clock.now();
        stay = *ward.admit(s, nurse).admitted;
    } // closed before fork: a SQLite connection must not cross fork()

    std::mt19937 rng(std::random_device{}());
    for (int run = 0; run < 5; ++run) {
        int fds[2];
        REQUIRE(pipe(fds) == 0);
        pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            close(fds[0]);
            store::Database db(path);
            SystemClock clock;
            ward::Ward ward(db, clock);
            for (int i = 0;; ++i) {
                auto r = test::normalRound(stay);
                r.rr = 12 + i % 8;
                auto out = ward.recordRound(r, {}, nurse);
                if (out.saved && write(fds[1], &*out.saved, sizeof(RoundId)) != sizeof(RoundId))
                    _exit(3);
            }
        }
        close(fds[1]);
        std::this_thread::sleep_for(
            std::chrono::milliseconds(std::uniform_int_distribution(30, 400)(rng)));
        kill(child, SIGKILL);
        int status = 0;
        waitpid(child, &status, 0);
        CHECK(WIFSIGNALED(status));
        std::vector<RoundId> acknowledged;
        RoundId id;
        while (read(fds[0], &id, sizeof id) == sizeof id)
            acknowledged.push_back(id);
        close(fds[0]);
        CAPTURE(run, acknowledged.size());
        CHECK_FALSE(acknowledged.empty()); // the child did get rounds saved before it died

        store::Database db(path);
        CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
        SQLite::Statement q(db.sqlite(), "SELECT count(*) FROM rounds WHERE id = ?");
        int missing = 0;
        for (RoundId r : acknowledged) {
            q.reset();
            q.bind(1, static_cast<int64_t>(r));
            q.executeStep();
            missing += q.getColumn(0).getInt() == 1 ? 0 : 1;
        }
        CHECK(missing == 0);
    }
}
