#include "core/output_file.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

namespace vigil {

namespace fs = std::filesystem;

namespace {
std::string errnoText(int e) {
    return e == ENOSPC ? "the disk is full" : std::strerror(e);
}

// The same file as `b`: same inode, or (for a file that does not exist yet, such as a -wal)
// the same canonical path.
bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
    auto ca = fs::weakly_canonical(a, ec);
    if (ec) return false;
    auto cb = fs::weakly_canonical(b, ec);
    return !ec && ca == cb;
}

constexpr std::string_view kCompanions[] = {"-wal", "-shm", "-journal"};

// Whether `target` is the record `db` or one of its companion files, under any name: the
// database through a link, or `X-wal` where X is any name (symbolic or hard link) of the
// database, since SQLite keeps the companions beside the name it was opened by.
std::optional<std::string> recordFileAt(const fs::path& target, const fs::path& db) {
    if (sameFile(target, db)) return db.string();
    std::error_code ec;
    for (const fs::path& spelling : {target, fs::weakly_canonical(target, ec)}) {
        std::string t = spelling.string();
        for (auto suffix : kCompanions) {
            if (t.size() <= suffix.size() || !t.ends_with(suffix)) continue;
            fs::path base = t.substr(0, t.size() - suffix.size());
            if (sameFile(base, db) || sameFile(spelling, db.string() + std::string(suffix)))
                return db.string() + std::string(suffix);
        }
    }
    return std::nullopt;
}
} // namespace

void refuseIfProtected(const std::string& target, const std::vector<std::string>& records) {
    for (const auto& db : records)
        if (auto which = recordFileAt(target, db))
            throw OutputRefused(fmt::format(
                "{}: refused: that is the ward's record ({}), which would be destroyed. Give "
                "another file name",
                target, *which));
}

OutputFile::OutputFile(std::string target, const std::vector<std::string>& protect)
    : m_target(std::move(target)) {
    if (m_target.empty()) throw OutputRefused("the output file name is empty");
    refuseIfProtected(m_target, protect);
    std::error_code ec;
    if (fs::is_directory(m_target, ec))
        throw OutputRefused(fmt::format("{} is a folder: give a file name", m_target));
    // A device, a FIFO or a socket is not a file to replace (as root, /dev/null would be).
    auto kind = fs::symlink_status(m_target, ec).type();
    if (kind != fs::file_type::not_found && kind != fs::file_type::regular &&
        kind != fs::file_type::symlink)
        throw OutputRefused(fmt::format(
            "{} is not a regular file (a device, pipe or socket): give a file name", m_target));
    fs::path folder = fs::path(m_target).parent_path();
    m_folder = folder.empty() ? "." : folder.string();
    if (!fs::is_directory(m_folder, ec))
        throw OutputRefused(fmt::format("{}: the folder {} does not exist", m_target, m_folder));
    // Owner-only whatever the umask: the file holds patient names.
    m_fd = ::open(m_folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
    if (m_fd >= 0) return;
    if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        throw OutputRefused(
            fmt::format("{}: cannot write in {}: {}", m_target, m_folder, errnoText(errno)));
    // No unnamed files here: a fresh name, created exclusively, never through a link.
    std::random_device rd;
    for (int attempt = 0; attempt < 16 && m_fd < 0; ++attempt) {
        m_partial = fmt::format("{}/.{}.{:08x}.partial", m_folder,
                                fs::path(m_target).filename().string(), rd());
        m_fd =
            ::open(m_partial.c_str(), O_CREAT | O_EXCL | O_NOFOLLOW | O_WRONLY | O_CLOEXEC, 0600);
        if (m_fd < 0 && errno != EEXIST)
            throw OutputRefused(
                fmt::format("{}: cannot write in {}: {}", m_target, m_folder, errnoText(errno)));
    }
    if (m_fd < 0)
        throw OutputRefused(fmt::format("{}: no free name for the partial file", m_target));
}

OutputFile::~OutputFile() {
    if (m_fd >= 0) ::close(m_fd);
    if (!m_committed && !m_partial.empty()) ::unlink(m_partial.c_str());
}

void OutputFile::write(const void* data, std::size_t size) {
    const char* p = static_cast<const char*>(data);
    while (size > 0) {
        ssize_t n = ::write(m_fd, p, size);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0)
            throw OutputRefused(fmt::format("{} could not be written: {}", m_target,
                                            errnoText(n < 0 ? errno : EIO)));
        p += n;
        size -= static_cast<std::size_t>(n);
    }
}

void OutputFile::commit() {
    if (::fsync(m_fd) != 0)
        throw OutputRefused(fmt::format("{} could not be written: {}", m_target, errnoText(errno)));
    std::string named = m_partial;
    if (named.empty()) {
        // Give the unnamed file a fresh name in the folder, then rename it over the target.
        std::random_device rd;
        std::string self = fmt::format("/proc/self/fd/{}", m_fd);
        for (int attempt = 0; attempt < 16; ++attempt) {
            named = fmt::format("{}/.{}.{:08x}.partial", m_folder,
                                fs::path(m_target).filename().string(), rd());
            if (::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, named.c_str(), AT_SYMLINK_FOLLOW) == 0)
                break;
            if (errno != EEXIST)
                throw OutputRefused(
                    fmt::format("{} could not be put in place: {}", m_target, errnoText(errno)));
            named.clear();
        }
        if (named.empty())
            throw OutputRefused(fmt::format("{}: no free name for the partial file", m_target));
    }
    // rename() replaces a link at the target itself; it never writes through it.
    if (::rename(named.c_str(), m_target.c_str()) != 0) {
        int e = errno;
        ::unlink(named.c_str());
        throw OutputRefused(
            fmt::format("{} could not be put in place: {}", m_target, errnoText(e)));
    }
    m_committed = true;
    if (int dir = ::open(m_folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

} // namespace vigil
