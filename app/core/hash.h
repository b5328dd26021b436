#pragma once
// SHA-256 (libsodium): identifies a rule set exactly, and chains the audit record.
#include <string>
#include <string_view>

namespace vigil {

std::string sha256Hex(std::string_view bytes);

} // namespace vigil
