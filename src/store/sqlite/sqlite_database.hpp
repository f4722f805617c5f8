// A SQLite database file shared by threads: one writer connection (SQLite allows one writer at a
// time anyway) and a small pool of reader connections, which WAL lets read while the writer
// writes. All access goes through write() and read(), each one transaction.
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

class SqliteDatabase {
 public:
  using Work = std::function<core::Status(SqliteConnection&)>;

  // Opens the file at `path` (created when absent) with one writer and `readers` reader
  // connections. Returns kUnavailable when the file cannot be opened.
  static core::Result<std::unique_ptr<SqliteDatabase>> open(const std::string& path,
                                                            int readers = kDefaultReaders);

  // Runs `work` inside BEGIN IMMEDIATE … COMMIT on the writer connection, one caller at a time:
  // committed when it returns ok, rolled back when it returns an error (which is passed on).
  core::Status write(const Work& work);
  // Runs `work` on the writer connection outside any transaction, one caller at a time: for the
  // migration runner, which opens one transaction per migration itself.
  core::Status exclusive(const Work& work);
  // Runs `work` inside a read transaction (one consistent snapshot) on a free reader connection,
  // waiting for one when all are busy. `work` must not write.
  core::Status read(const Work& work);

 private:
  SqliteDatabase() = default;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex writer_mutex_;
  std::vector<std::unique_ptr<SqliteConnection>> readers_;
  std::vector<SqliteConnection*> free_readers_;
  std::mutex readers_mutex_;
  std::condition_variable reader_freed_;
};

}  // namespace rapport::store::sqlite
