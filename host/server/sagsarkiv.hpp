#pragma once
// The case store behind /v1/sager (--db FIL): the same SQLite file `kvalitet db` keeps, in WAL
// mode, with one writer. Writes go through one connection behind a lock; reads take a
// connection of their own from a small pool, so a read never waits for a write (WAL) and no
// connection is shared between threads at once.
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/case_store.hpp"

namespace kvalitet::server {

class Sagsarkiv {
public:
    // Opens the file, creating and migrating it as `kvalitet db init` does. Throws
    // InputError in Danish naming the file.
    explicit Sagsarkiv(const std::string& sti);

    struct Gemt {
        StoredCase sag;
        bool ny = false; // no case had this id before
    };
    // Stores one case (insert, or replace the case with its id). The case must be valid
    // under the contract, with an `id` and a `kommune` among `kendte`; otherwise InputError
    // with the kode and field, as `kvalitet db importer` refuses it.
    Gemt gem(std::string_view json, const std::vector<std::string>& kendte);

    std::optional<StoredCase> sag(const std::string& id);
    std::vector<AssessmentRow> vurderinger(const std::string& sag_id);
    // Up to `antal` cases after the case numbered `efter`, in the order they were stored.
    std::vector<StoredCase> liste(const std::string& kommune, std::int64_t efter, std::size_t antal);

    const std::string& sti() const { return sti_; }

private:
    class Laan; // a reading connection borrowed from the pool
    std::string sti_;
    std::mutex skriv_mutex_;
    CaseStore skriver_;
    std::mutex pulje_mutex_;
    std::vector<std::unique_ptr<CaseStore>> pulje_;
};

} // namespace kvalitet::server
