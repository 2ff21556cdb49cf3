#pragma once
// Copies a batch writer's WAL into the database file on a thread of its own, beside the
// writing. In `db vurder` the checkpoint SQLite runs when a commit finds the WAL past
// ~16 MB was 40 % of the writer's time, and the writer was what the run waited for.
//
// The writer's connection is prepared with CaseStore::prepare_for_batches(true) (no
// checkpoint of its own), calls committed() after each batch, caught_up() before some of
// them, and finish() after the last: SQLite starts the WAL from its beginning only when a
// write transaction begins after everything in it has been copied, so waiting now and then
// keeps the WAL about as long as what was written between two waits, not as the run.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <string>
#include <thread>

#include "store/case_store.hpp"

namespace kvalitet {

class WalCheckpointer {
public:
    explicit WalCheckpointer(const std::string& db_path);
    // Stops after the pass it is in. Whatever is left in the WAL is copied when the last
    // connection closes (SQLite does that on close).
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    // A batch was committed: copy it when free. Rethrows a pass's error.
    void committed();
    // Waits until everything committed has been copied (one pass more if a reader held
    // part of it back). Rethrows a pass's error.
    void caught_up();
    // At the end of a run: caught_up(), then the WAL's file emptied unless a reader is in
    // it, so a long WAL is not left on disk beside a connection that keeps the file open
    // (SQLite removes it when the last connection closes).
    void finish();

private:
    void run();
    void wait_for_passes(std::unique_lock<std::mutex>& lock);
    CaseStore store_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::uint64_t asked_ = 0, done_ = 0;
    bool complete_ = true; // the last pass copied the whole WAL
    bool stop_ = false;
    std::exception_ptr error_;
    std::thread thread_; // started last, when everything it uses exists; none: copied inline
};

} // namespace kvalitet
