// A SQLite database file shared by threads: one writer connection (SQLite allows one writer at a
// time anyway) and a small pool of reader connections, which WAL lets read while the writer
// writes. All access goes through write() and read(). Concurrent writes are grouped into one
// transaction (group commit), each inside its own savepoint, because a commit's cost (the WAL
// frames of every touched page, FTS5's segment flush) barely grows with the rows it carries.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace rapport::store::sqlite {

inline constexpr int kDefaultReaders = 4;

// The reader connections, for /metrics.
struct SqliteReaderStats {
  int readers = 0;  // reader connections open
  int in_use = 0;   // lent to a read now
  int waiting = 0;  // reads waiting for a free reader now
};

class SqliteDatabase {
 public:
  using Work = std::function<core::Status(SqliteConnection&)>;

  // Opens the file at `path` (created when absent) with one writer and `readers` reader
  // connections. Returns kUnavailable when the file cannot be opened.
  static core::Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path,
                                                            int readers = kDefaultReaders);

  // Runs `work` on the writer connection inside a savepoint of a BEGIN IMMEDIATE … COMMIT
  // transaction that may also carry other threads' concurrent writes, one work at a time. Its
  // changes are rolled back when it returns an error (which is passed on) and do not disturb the
  // others'. Returns only after the commit, so an ok status means the write is durable; a failed
  // commit fails every work of the group.
  core::Status write(const Work& work);
  // Runs `work` on the writer connection outside any transaction, one caller at a time: for the
  // migration runner, which opens one transaction per migration itself.
  core::Status exclusive(const Work& work);
  // Copies every committed page from the WAL into the main file and truncates the WAL to zero
  // bytes, waiting (up to the busy timeout) for readers still on older snapshots: after an erase,
  // so that the erased rows' old pages do not linger in the WAL. kUnavailable when readers kept
  // it from finishing.
  core::Status checkpoint();
  // Runs `work` inside a read transaction (one consistent snapshot) on a free reader connection,
  // waiting for one when all are busy. `work` must not write.
  core::Status read(const Work& work);

  SqliteReaderStats reader_stats();

 private:
  // A write waiting for the writer; `done` and `status` are set by the thread that ran it.
  struct PendingWrite {
    const Work* work;
    core::Status status;
    bool done = false;
  };

  SqliteDatabase() = default;
  void run_group(const std::vector<PendingWrite*>& group);

  std::unique_ptr<SqliteConnection> writer_;
  std::mutex writer_mutex_;
  std::vector<PendingWrite*> queued_writes_;  // guarded by queue_mutex_
  std::mutex queue_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
  std::vector<SqliteConnection*> free_readers_;
  int waiting_readers_ = 0;  // guarded by readers_mutex_
  std::mutex readers_mutex_;
  std::condition_variable reader_freed_;
};

}  // namespace rapport::store::sqlite
