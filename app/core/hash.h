#pragma once
// SHA-256 (libsodium): identifies a rule set exactly, and chains the audit record.
#include <string>
#include <string_view>

namespace vigil {

std::string sha256Hex(std::string_view bytes);
// 128 random bits as 32 hex digits (libsodium): a key a device gives what it saves.
std::string randomKey();

} // namespace vigil
