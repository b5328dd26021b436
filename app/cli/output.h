#pragma once
// Standard output that did not reach its reader (a full disk, a closed pipe's reader gone, a
// redirect to /dev/full) must not end as success: a script would read a short answer as whole.

namespace vigil::cli {

// Flushes std::cout and stdout. Returns `exitCode` when all was written; otherwise says so on
// stderr and returns 2 (or `exitCode` when that already says failure).
int withCheckedOutput(int exitCode);

} // namespace vigil::cli
