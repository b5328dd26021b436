// Any bytes as a database file, read by the read-only commands' code: never a crash or a hang.
#include "db_reads.h"

#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const std::string path = "/tmp/vigil-fuzz-db-" + std::to_string(getpid()) + ".db";
    vigil::fuzz::readAsDatabase({reinterpret_cast<const char*>(data), size}, path);
    return 0;
}
