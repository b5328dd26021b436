#include "core/hash.h"

#include <fmt/format.h>
#include <sodium.h>
#include <stdexcept>

namespace vigil {

std::string sha256Hex(std::string_view bytes) {
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium could not start");
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    std::string hex;
    hex.reserve(sizeof out * 2);
    for (unsigned char c : out)
        hex += fmt::format("{:02x}", c);
    return hex;
}

} // namespace vigil
