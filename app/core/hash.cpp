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

std::string randomKey() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not start");
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
    }
    return out;
}

} // namespace vigil
