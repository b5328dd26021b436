#include "cli/demo.h"

#include "core/clock.h"
#include "store/audit.h"
#include "ward/ward.h"

#include <SQLiteCpp/Transaction.h>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fmt/ostream.h>
#include <ostream>
#include <random>
#include <unistd.h>

namespace vigil::cli {

using namespace std::chrono;

namespace {
constexpr std::array kGiven{"Ada",   "Bilal",  "Carmen", "Dmitri", "Efua",    "Fergus",
                            "Grace", "Hiro",   "Ines",   "Jonah",  "Kezia",   "Luca",
                            "Mei",   "Nnamdi", "Olga",   "Priya",  "Quentin", "Rosa",
                            "Sione", "Tamsin", "Umar",   "Vera",   "Wen",     "Yusuf"};
constexpr std::array kFamily{"Achterberg", "Brennan",   "Castillo",  "Dlamini",  "Eriksen",
                             "Fofana",     "Gallagher", "Horvat",    "Iqbal",    "Jansen",
                             "Kowalczyk",  "Lindqvist", "Mensah",    "Novak",    "O'Neill",
                             "Petrova",    "Quinn",     "Rahman",    "Sorensen", "Tanaka",
                             "Urquhart",   "Varga",     "Whitfield", "Zielinski"};

// One synthetic patient: a stable course, or a slow opioid deterioration from some hour on.
struct Course {
    // Side effects belong to the patient, not to each round, so that flags come and go as they
    // would on a ward rather than at random.
    bool postHeadache = false, itchy = false, nauseous = false, swollen = false;
    bool deteriorates = false;
    double onsetHours = 0;
    double baseRr, baseHr, baseSbp, baseSpo2, baseTemp;
};

constexpr std::array kDemoNurses{"Demo nurse Okafor", "Demo nurse Lindgren", "Demo nurse Patel"};
constexpr auto kDemoCharge = "Demo charge nurse Adeyemi";

class Generator {
public:
    Generator(store::Database& db, unsigned seed, TimePoint now)
        : m_clock(now), m_ward(db, m_clock), m_rng(seed), m_now(now) {
        for (auto name : kDemoNurses)
            m_nurses.push_back(m_ward.ensureStaff(name, store::Role::Nurse));
        m_charge = m_ward.ensureStaff(kDemoCharge, store::Role::ChargeNurse);
    }

    DemoStats run(int beds, int days) {
        for (int bed = 1; bed <= beds; ++bed) {
            TimePoint t = m_now - hours(24 * days) + minutes(uniform(0, 240));
            for (;;) {
                if (t >= m_now)
                    t = m_now - minutes(uniform(30, 6 * 60)); // someone is in every bed now
                auto length = minutes(uniform(6 * 60, 40 * 60));
                bool last = t + length >= m_now;
                stay(bed, t, last ? m_now : t + length, !last);
                if (last) break;
                t += length + minutes(uniform(60, 10 * 60));
            }
        }
        return m_stats;
    }

private:
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    double normal(double mean, double sd) {
        return std::normal_distribution<double>(mean, sd)(m_rng);
    }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_rng); }
    StaffId nurse() { return m_nurses[uniform(0, static_cast<int>(m_nurses.size()) - 1)]; }

    void stay(int bed, TimePoint start, TimePoint end, bool discharge) {
        Stay s;
        s.bed = std::to_string(bed);
        s.name = fmt::format("{} {}", kGiven[uniform(0, kGiven.size() - 1)],
                             kFamily[uniform(0, kFamily.size() - 1)]);
        s.mrn = fmt::format("D{:07}", uniform(0, 9'999'999));
        s.dateOfBirth =
            fmt::format("{}-{:02}-{:02}", uniform(1938, 1996), uniform(1, 12), uniform(1, 28));
        int proc = uniform(0, 9);
        s.procedure = proc < 6   ? Procedure::Implant
                      : proc < 8 ? Procedure::Refill
                      : proc < 9 ? Procedure::Revision
                                 : Procedure::Trial;
        s.since = start - minutes(uniform(15, 60));
        int main = uniform(0, 9);
        s.drugs.push_back(main < 5   ? Drug::Morphine
                          : main < 7 ? Drug::Hydromorphone
                          : main < 8 ? Drug::Ziconotide
                                     : Drug::Baclofen);
        if (main < 7 && chance(0.5)) s.drugs.push_back(Drug::Bupivacaine);
        if (main < 7 && chance(0.2)) s.drugs.push_back(Drug::Clonidine);
        // Age over 65 comes from the date of birth; its draw is kept so a seed gives the same
        // ward as before.
        for (auto& r : riskFactors())
            if (chance(0.15) && r.value != RiskFactor::Over65) s.risks.push_back(r.value);
        s.painGoal = uniform(2, 4);

        m_clock.set(start);
        auto admitted = m_ward.admit(s, nurse());
        if (!admitted.admitted) return;
        ++m_stats.stays;
        bool opioid = s.has(Drug::Morphine) || s.has(Drug::Hydromorphone);
        Course c;
        c.deteriorates = opioid && chance(0.3);
        c.onsetHours = uniform(1, 12);
        c.baseRr = normal(15, 2);
        c.baseHr = normal(76, 8);
        c.baseSbp = normal(128, 12);
        c.baseSpo2 = normal(97, 1.2);
        c.baseTemp = normal(36.8, 0.3);
        c.postHeadache = chance(0.1);
        c.itchy = opioid && chance(0.5);
        c.nauseous = chance(0.2);
        c.swollen = chance(0.08);

        for (TimePoint t = start + minutes(uniform(0, 20)); t <= end;) {
            double h = duration<double, std::ratio<3600>>(t - s.since).count();
            round(*admitted.admitted, t, h, c);
            t += h < 12 ? hours(1) : h < 24 ? hours(2) : hours(4);
            t += minutes(uniform(-5, 10));
        }
        if (discharge) {
            m_clock.set(end);
            m_ward.discharge(*admitted.admitted, nurse());
        }
    }

    void round(StayId stay, TimePoint at, double h, const Course& c) {
        // Sedation creeps in over 6 h, is caught and treated, and wears off over the next 6 h.
        double since = h - c.onsetHours;
        double worse = !c.deteriorates || since < 0 ? 0.0
                       : since < 6                  ? since / 6.0
                                                    : std::max(0.0, 1.0 - (since - 6) / 6.0);
        ObservationRound r;
        r.stay = stay;
        r.takenAt = at;
        r.rr = std::round(std::clamp(normal(c.baseRr - 7 * worse, 1.2), 6.0, 30.0));
        r.spo2 = std::round(std::clamp(normal(c.baseSpo2 - 6 * worse, 0.8), 82.0, 100.0));
        r.onOxygen = worse > 0.5 || chance(0.05);
        if (*r.onOxygen) r.o2Flow = 2;
        r.sbp = std::round(std::clamp(normal(c.baseSbp - 15 * worse, 8), 80.0, 190.0));
        r.dbp = std::round(std::clamp(*r.sbp * normal(0.6, 0.05), 40.0, *r.sbp - 10));
        r.hr = std::round(std::clamp(normal(c.baseHr - 10 * worse, 6), 42.0, 140.0));
        r.temp = std::round(std::clamp(normal(c.baseTemp, 0.25), 35.0, 39.5) * 10) / 10;
        r.acvpu = worse > 0.8 ? Acvpu::Voice : Acvpu::Alert;
        r.poss = worse > 0.8   ? Poss::FrequentlyDrowsy
                 : worse > 0.3 ? Poss::SlightlyDrowsy
                 : chance(0.3) ? Poss::Asleep
                               : Poss::Awake;
        r.pain = uniform(0, 4);
        r.nausea = c.nauseous && h < 12 ? uniform(1, 2) : chance(0.03) ? 3 : 0;
        r.vomits = *r.nausea == 3 ? 1 : 0;
        r.itching = c.itchy ? uniform(0, 2) : 0;
        r.headache = c.postHeadache && h > 6 ? uniform(1, 2) : 0;
        r.headachePostural = *r.headache > 0;
        r.neckStiffness = false;
        r.rass = 0;
        r.bowelsOpened = h > 24 && chance(0.5);
        r.bleeding = chance(0.05) ? Bleeding::Ooze : Bleeding::None;
        r.pocketSwelling = c.swollen ? PocketSwelling::Stable : PocketSwelling::None;
        r.woundLeak = r.newWeakness = r.newNumbness = r.bladderBowelChange = r.rash = false;
        r.bromage = h < 6 ? uniform(0, 1) : 0;
        if (chance(0.04)) { // asleep at night: temperature left for the next round
            r.temp.reset();
            r.partialReason = PartialReason::Asleep;
        }
        m_clock.set(at);
        // The synthetic nurse has re-measured every extreme value.
        static const std::set<std::string> confirmedAll = [] {
            std::set<std::string> all;
            for (auto& f : numberFields())
                all.emplace(f.key);
            all.emplace("pulse_pressure");
            return all;
        }();
        auto out = m_ward.recordRound(r, confirmedAll, nurse());
        if (!out.saved) return;
        ++m_stats.rounds;
        // The synthetic ward acts on its flags, except in the last hour, which stays live.
        if (at > m_now - hours(1)) return;
        for (EscalationId id : out.escalationsOpened)
            act(id, at);
    }

    void act(EscalationId id, TimePoint at) {
        auto e = m_ward.escalation(id);
        if (!e) return;
        auto step = [&](minutes after, EscalationStep s) {
            m_clock.set(at + after);
            // Closing an escalation is the charge nurse's (issue 6).
            s.by = s.kind == StepKind::Resolve ? m_charge : nurse();
            m_ward.escalationStep(id, s);
        };
        step(minutes(uniform(1, 4)), {StepKind::Acknowledge, {}, 0, {}, {}, {}, {}, {}});
        if (e->level() < rules::Level::Urgent) return;
        step(minutes(6),
             {StepKind::Inform, {}, 0, "Dr Mensah", "anaesthetist on call", "bleep", {}, {}});
        step(minutes(15), {StepKind::Respond,
                           {},
                           0,
                           {},
                           {},
                           {},
                           "reviewed at the bedside; plan in the notes",
                           {}});
        step(minutes(40),
             {StepKind::Resolve, {}, 0, {}, {}, {}, {}, "reviewed; observations continue"});
    }

    ManualClock m_clock;
    ward::Ward m_ward;
    std::mt19937 m_rng;
    TimePoint m_now;
    std::vector<StaffId> m_nurses;
    StaffId m_charge = 0;
    DemoStats m_stats;
};
} // namespace

std::optional<std::string> demoRefusal(store::Database& db) {
    std::string held;
    for (auto& [table, rows] : store::rowCounts(db))
        if (rows > 0) held += fmt::format("{}{} {}", held.empty() ? "" : ", ", rows, table);
    if (held.empty()) return std::nullopt;
    // Only the demo's own staff, none of whom can sign in: an earlier demo wrote everything.
    bool demoOnly = true;
    for (auto& s : store::listStaff(db))
        demoOnly = demoOnly && !s.hasPin &&
                   (s.name == kDemoCharge ||
                    std::find(kDemoNurses.begin(), kDemoNurses.end(), s.name) != kDemoNurses.end());
    if (demoOnly)
        return fmt::format("{} already holds a demo ward ({}): the demo fills a new, empty "
                           "record only. Give a new file name",
                           db.path(), held);
    return fmt::format("{} holds a ward's record that the demo did not write ({}): the demo never "
                       "adds synthetic patients to a real record. Give a new file name",
                       db.path(), held);
}

int runDemo(const std::string& path, const DemoOptions& options, std::ostream& out,
            std::ostream& err) {
    namespace fs = std::filesystem;
    if (store::isServerUri(path)) {
        // The server's record is filled in place, only while it holds nothing: there is no file
        // to build beside it. Each generated round is its own transaction, as a nurse's is.
        store::Database db(path);
        if (auto refusal = demoRefusal(db)) {
            fmt::print(err, "vigil demo: {}\n", *refusal);
            return 2;
        }
        auto stats = fillDemo(db, options, SystemClock().now());
        fmt::print(out, "{}: {} stays, {} rounds over {} days, {} beds occupied now\n", path,
                   stats.stays, stats.rounds, options.days, options.beds);
        return 0;
    }
    bool existed = fs::exists(path);
    if (existed) {
        store::Database db(path);
        if (auto refusal = demoRefusal(db)) {
            fmt::print(err, "vigil demo: {}\n", *refusal);
            return 2;
        }
    }
    fs::path target(path);
    fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string building = (folder / ("." + target.filename().string() + ".demo-XXXXXX")).string();
    int fd = mkstemp(building.data()); // owner-only, a name nobody else has
    if (fd < 0) {
        fmt::print(err, "vigil demo: cannot write in {}: {}\n", folder.string(),
                   std::strerror(errno));
        return 2;
    }
    close(fd);
    auto cleanUp = [&] {
        for (auto suffix : {"", "-wal", "-shm", "-journal"})
            fs::remove(building + suffix);
    };
    DemoStats stats;
    try {
        store::Database db(building, store::Durability::Relaxed);
        stats = fillDemo(db, options, SystemClock().now());
        // Relaxed durability while generating; a checkpoint makes the result whole on disk.
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (...) {
        cleanUp();
        throw;
    }
    if (int file = ::open(building.c_str(), O_RDONLY | O_CLOEXEC); file >= 0) {
        ::fsync(file); // whole on disk before it takes the record's name
        ::close(file);
    }
    std::string problem;
    if (!existed) {
        // link() never replaces: a file that appeared meanwhile is left alone.
        if (::link(building.c_str(), path.c_str()) != 0)
            problem = errno == EEXIST ? fmt::format("{} appeared while the demo was being made: "
                                                    "it was left alone",
                                                    path)
                                      : std::strerror(errno);
    } else {
        // Still empty, checked under an exclusive lock held until the demo is in its place.
        store::Database db(path);
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); // no log of the old file outlives it
        SQLite::Transaction lock(db.sqlite(), SQLite::TransactionBehavior::EXCLUSIVE);
        if (auto refusal = demoRefusal(db))
            problem = *refusal;
        else if (::rename(building.c_str(), path.c_str()) != 0)
            problem = std::strerror(errno);
    }
    cleanUp();
    if (!problem.empty()) {
        fmt::print(err, "vigil demo: {}\n", problem);
        return 2;
    }
    fmt::print(out, "{}: {} stays, {} rounds over {} days, {} beds occupied now\n", path,
               stats.stays, stats.rounds, options.days, options.beds);
    return 0;
}

DemoStats fillDemo(store::Database& db, const DemoOptions& options, TimePoint now) {
    return Generator(db, options.seed, now).run(options.beds, options.days);
}

} // namespace vigil::cli
