#pragma once
// `vigil audit verify --db DB [--head N:HASH]` and `vigil audit head --db DB`:
// the record's integrity.
#include <iosfwd>
#include <optional>
#include <string>

namespace vigil::cli {

// 0 intact, 1 not intact (names the first finding), 2 when the file cannot be read.
// `head`: --head's value when given (an empty value is malformed, not "no head").
int auditVerify(const std::string& db, const std::optional<std::string>& head, std::ostream& out,
                std::ostream& err);
// Prints the number of entries and the head's hash; the last word is `N:HASH`. 0, or 2.
int auditHead(const std::string& db, std::ostream& out);

} // namespace vigil::cli
