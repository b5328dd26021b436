#include "cli/output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace vigil::cli {

int withCheckedOutput(int exitCode) {
    errno = 0;
    std::cout.flush();
    bool failed = std::cout.fail();
    int saved = errno;
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
        failed = true;
        if (errno) saved = errno;
    }
    if (!failed) return exitCode;
    std::fprintf(stderr, "vigil: the output could not be written: %s\n",
                 saved ? std::strerror(saved) : "write error");
    return exitCode != 0 ? exitCode : 2;
}

} // namespace vigil::cli
