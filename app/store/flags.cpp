#include "store/flags.h"

#include "store/audit.h"
#include "store/id_list.h"
#include "store/sql_time.h"

namespace vigil::store {

void insertFlags(Database& db, RoundId round, StayId stay, const std::vector<rules::Flag>& flags,
                 const rules::RuleSet& set) {
    auto qHandle = db.prepared(
        "INSERT INTO flags (round_id, stay_id, rule_id, level, raised, message, action, "
        "because, source, last_raised_at, tracked, rule_set_name, rule_set_version, "
        "rule_set_sha256) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING id");
    Statement& q = *qHandle;
    for (const rules::Flag& f : flags) {
        std::string because;
        for (auto& b : f.because)
            because += (because.empty() ? "" : "\n") + b;
        q.reset();
        q.bind(1, static_cast<int64_t>(round));
        q.bind(2, static_cast<int64_t>(stay));
        q.bind(3, f.rule);
        q.bind(4, std::string(rules::levelCode(f.level)));
        q.bind(5, f.raised ? 1 : 0);
        q.bind(6, f.message);
        q.bind(7, f.action);
        q.bind(8, because);
        q.bind(9, f.source);
        q.bind(10, formatUtc(f.lastRaised));
        if (rules::missing(f.tracked))
            q.bind(11);
        else
            q.bind(11, f.tracked);
        q.bind(12, set.name);
        q.bind(13, set.version);
        q.bind(14, set.sha256);
        appendAudit(db, "flags", insertedId(q));
    }
}

namespace {
// Reads the rows of a flags query whose first column is the round.
std::vector<StoredFlag> readFlags(Statement& q) {
    std::vector<StoredFlag> out;
    while (q.executeStep()) {
        StoredFlag s;
        s.round = q.getColumn(0).getInt64();
        rules::Flag& f = s.flag;
        f.rule = q.getColumn(1).getString();
        f.level = rules::levelFromCode(q.getColumn(2).getString()).value_or(rules::Level::Info);
        f.raised = q.getColumn(3).getInt() != 0;
        f.message = q.getColumn(4).getString();
        f.action = q.getColumn(5).getString();
        std::string because = q.getColumn(6).getString();
        for (size_t start = 0; start < because.size();) {
            size_t end = because.find('\n', start);
            if (end == std::string::npos) end = because.size();
            f.because.push_back(because.substr(start, end - start));
            start = end + 1;
        }
        f.source = q.getColumn(7).getString();
        f.lastRaised = readTime(q.getColumn(8));
        f.tracked = q.getColumn(9).isNull() ? rules::kMissing : q.getColumn(9).getDouble();
        s.ruleSetName = q.getColumn(10).getString();
        s.ruleSetVersion = q.getColumn(11).getString();
        s.ruleSetSha256 = q.getColumn(12).getString();
        out.push_back(std::move(s));
    }
    return out;
}
constexpr const char* kFlagColumns =
    "SELECT round_id, rule_id, level, raised, message, action, because, source, last_raised_at, "
    "tracked, rule_set_name, rule_set_version, rule_set_sha256 FROM flags ";
} // namespace

std::vector<StoredFlag> flagsForRound(Database& db, RoundId round) {
    auto qHandle = db.prepared(std::string(kFlagColumns) + "WHERE round_id = ? ORDER BY id");
    Statement& q = *qHandle;
    q.bind(1, static_cast<int64_t>(round));
    return readFlags(q);
}

std::map<RoundId, std::vector<StoredFlag>> flagsForRounds(Database& db,
                                                          const std::vector<RoundId>& rounds) {
    std::map<RoundId, std::vector<StoredFlag>> out;
    if (rounds.empty()) return out;
    auto list = IdList::of({rounds.begin(), rounds.end()});
    auto qHandle = db.prepared(std::string(kFlagColumns) + "WHERE " +
                               list.where("round_id", db.engine()) + " ORDER BY id");
    Statement& q = *qHandle;
    list.bind(q, 1);
    for (auto& f : readFlags(q))
        out[f.round].push_back(std::move(f));
    return out;
}

} // namespace vigil::store
