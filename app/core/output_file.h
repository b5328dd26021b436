#pragma once
// A file Vigil writes for people to take away (the handoff PDF, exports): it holds patient names,
// so it is owner-only, never written over the record, never written through a planted link, and
// appears whole or not at all.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace vigil {

// The output was refused or could not be written; what() names the path and why.
class OutputRefused : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class OutputFile {
public:
    // Refuses a target that is, under any name, one of the databases in `protect` or its -wal,
    // -shm or -journal file, and a target that is a device, FIFO or socket. The content goes to an
    // unnamed file in the target's folder (O_TMPFILE), so a killed export leaves nothing behind;
    // where the file system has no unnamed files, to a new name created exclusively and without
    // following links.
    OutputFile(std::string target, const std::vector<std::string>& protect);
    ~OutputFile(); // never throws: an output not committed is removed
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    // Writes all of `data`; throws OutputRefused (disk full, I/O error) naming the target.
    void write(const void* data, std::size_t size);
    // Flushes to disk and puts the file in place of the target (replacing a link there, never
    // following it). After a failure the target is as it was.
    void commit();
    const std::string& target() const { return m_target; }

private:
    std::string m_target;
    std::string m_folder;
    std::string m_partial; // the named partial file, when the file system has no O_TMPFILE
    int m_fd = -1;
    bool m_committed = false;
};

// Throws OutputRefused when `target` is one of the databases in `records`, or the -wal, -shm or
// -journal beside any name of one (symbolic or hard link).
void refuseIfProtected(const std::string& target, const std::vector<std::string>& records);

} // namespace vigil
