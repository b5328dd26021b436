#include "cli/fhir_cmd.h"

#include "cli/fhir_records.h"
#include "core/output_file.h"
#include "core/timefmt.h"
#include "store/database.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/ostream.h>
#include <ostream>
#include <sys/stat.h>

namespace vigil::cli {

namespace {

// The folder the bundles go to: made owner-only when missing (bundles name patients by MRN);
// anything there that is not a folder is refused.
std::optional<std::string> prepareFolder(const std::string& dir) {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto status = fs::status(dir, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status)) return fmt::format("--out \"{}\" is not a folder", dir);
        return std::nullopt;
    }
    fs::path p(dir);
    if (p.has_parent_path() && !fs::is_directory(p.parent_path()))
        return fmt::format("--out \"{}\": the folder {} does not exist", dir,
                           p.parent_path().string());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
        return fmt::format("--out \"{}\" could not be made: {}", dir, std::strerror(errno));
    return std::nullopt;
}

} // namespace

bool fhirSystemsReady(const Settings& settings, std::ostream& err) {
    auto problem = fhir::checkSystems(settings.fhir);
    if (!problem) return true;
    fmt::print(err, "vigil export fhir: {} (in the [fhir] table of {})\n", *problem,
               settings.source.empty()
                   ? "$XDG_CONFIG_HOME/vigil/settings.toml, ~/.config/vigil/settings.toml "
                     "by default, not there yet"
                   : settings.source);
    return false;
}

int runFhirExport(const FhirExportArgs& args, const Settings& settings, std::ostream& out,
                  std::ostream& err) {
    if (!fhirSystemsReady(settings, err)) return 2;
    RoundSelection selection;
    selection.stay = args.stay;
    if (!args.since.empty()) {
        selection.since = parseRfc3339(args.since);
        if (!selection.since) {
            fmt::print(err,
                       "vigil export fhir: --since \"{}\" is not an RFC 3339 time, e.g. "
                       "2026-11-22T07:00:00Z\n",
                       args.since);
            return 2;
        }
    }
    if (auto problem = prepareFolder(args.out)) {
        fmt::print(err, "vigil export fhir: {}\n", *problem);
        return 2;
    }
    store::Database db(args.db, store::Durability::Full, store::Access::ReadOnly);
    int bundles = 0;
    std::size_t resources = 0;
    try {
        forEachRound(db, selection, [&](const fhir::RoundRecord& record) {
            auto bundle = fhir::roundBundle(record, settings.fhir);
            resources += bundle["entry"].size();
            auto target = (std::filesystem::path(args.out) /
                           fmt::format("round-{}.json", record.round->original.id))
                              .string();
            OutputFile file(target, {args.db});
            auto text = bundle.dump(1) + "\n";
            file.write(text.data(), text.size());
            file.commit();
            ++bundles;
        });
    } catch (const OutputRefused& e) {
        fmt::print(err, "vigil export fhir: {} ({} bundles written before it)\n", e.what(),
                   bundles);
        return 2;
    }
    fmt::print(out, "{}: {} {}, {} resources\n", args.out, bundles,
               bundles == 1 ? "round" : "rounds", resources);
    return 0;
}

} // namespace vigil::cli
