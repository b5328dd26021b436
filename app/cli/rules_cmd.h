#pragma once
// `vigil rules check FILE` lints a rule file; `vigil rules test FILE` runs its golden cases.
#include "core/rules/ruleset.h"

#include <iosfwd>
#include <string>

namespace vigil::cli {

int rulesCheck(const std::string& path, std::ostream& out, std::ostream& err);
// `cases` defaults to FILE with ".toml" replaced by ".cases.toml".
int rulesTest(const std::string& path, std::string cases, std::ostream& out, std::ostream& err);

// Loads FILE, or the shipped set when FILE is empty; on errors prints them and returns null.
std::shared_ptr<const rules::RuleSet> rulesOrReport(const std::string& path, std::ostream& err);

} // namespace vigil::cli
