#pragma once
// Only one `db vurder` at a time per database: an exclusive flock() on "<db>.laas"; and
// only one `db importer`, on "<db>.import.laas" (an import also commits batch by batch: two
// at once mixed their batches, a blend of both files). One of each may run side by side.
//
// Why flock on a side file: the kernel drops the lock when the process ends however it
// ends (kill -9 included), so a crash never leaves it held and there is no pid to check
// for liveness. Not an fcntl lock on the database file itself: POSIX locks belong to the
// process and closing any descriptor of the file drops them all, SQLite's own included;
// and SQLite's write lock alone is not enough, because a run commits batch by batch.
// The side file is left in place: deleting it would race with a process about to lock it.
#include <fmt/format.h>

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/file.h>
#include <unistd.h>

#include "lua/error.hpp"

namespace kvalitet {

class RunLock {
public:
    // Beside the database file itself, whatever name it is reached by (a symbolic link, a
    // path through another folder): one lock per file, not per spelling of its path.
    enum class Run { Vurder, Importer };
    static std::string lock_path(const std::string& db_path, Run run = Run::Vurder) {
        std::error_code ec;
        const auto real = std::filesystem::weakly_canonical(db_path, ec);
        return (ec ? db_path : real.string()) + (run == Run::Vurder ? ".laas" : ".import.laas");
    }

    // Takes the lock or throws InputError (Danish, naming the database) when another
    // process holds it: a second run is refused, not queued, so nobody waits unknowingly.
    explicit RunLock(const std::string& db_path, Run run = Run::Vurder) : path_(lock_path(db_path, run)) {
        fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ < 0)
            throw InputError(fmt::format("{}: kan ikke oprette låsefilen ({}); kræver skriveadgang til mappen",
                                         path_, errno == EACCES || errno == EROFS ? "ingen skriveadgang"
                                                                                  : fmt::format("fejl {}", errno)));
        int rc;
        do rc = ::flock(fd_, LOCK_EX | LOCK_NB);
        while (rc != 0 && errno == EINTR);
        if (rc != 0) {
            const int err = errno;
            const std::string holder = read_holder();
            ::close(fd_);
            if (err == EWOULDBLOCK)
                throw InputError(fmt::format("{}: en anden kørsel af 'db {}' er i gang på databasen{}; vent, "
                                             "til den er færdig (eller stop den), og kør så igen",
                                             db_path, run == Run::Vurder ? "vurder" : "importer",
                                             holder.empty() ? "" : fmt::format(" (proces {})", holder)));
            throw InputError(fmt::format("{}: kan ikke låse ({})", path_, fmt::format("fejl {}", err)));
        }
        write_holder();
    }
    ~RunLock() { ::close(fd_); } // closing the descriptor releases the lock
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;

private:
    // The holder's pid, for the message only: the lock itself is the flock.
    std::string read_holder() const {
        char buf[32] = {};
        const ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
        std::string s(buf, n > 0 ? std::size_t(n) : 0);
        while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
        return s.find_first_not_of("0123456789") == std::string::npos ? s : std::string();
    }
    void write_holder() const {
        const std::string pid = fmt::format("{}\n", ::getpid());
        if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, pid.data(), pid.size(), 0);
    }

    std::string path_;
    int fd_ = -1;
};

} // namespace kvalitet
