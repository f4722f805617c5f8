// The writer connection, the reader pool and the transaction wrappers.
#include "store/sqlite/sqlite_database.hpp"

namespace rapport::store::sqlite {

namespace {

core::Status in_transaction(SqliteConnection& conn, const char* begin,
                            const SqliteDatabase::Work& work) {
  RAPPORT_TRY(conn.exec(begin));
  core::Status status = work(conn);
  if (!status.ok()) {
    // The work's error is what the caller needs; a failed rollback leaves nothing to add.
    (void)conn.exec("ROLLBACK");
    return status;
  }
  core::Status committed = conn.exec("COMMIT");
  if (!committed.ok()) (void)conn.exec("ROLLBACK");
  return committed;
}

}  // namespace

core::Result<std::unique_ptr<SqliteDatabase>> SqliteDatabase::open(const std::string& path,
                                                                   int readers) {
  std::unique_ptr<SqliteDatabase> db(new SqliteDatabase());
  RAPPORT_ASSIGN_OR_RETURN(db->writer_, SqliteConnection::open(path, false));
  // SQLite's 2 MB default page cache makes index inserts read pages back from the OS once the
  // database outgrows it; the writer touches the most index pages, readers mostly the same hot
  // pages. Together about 130 MB at most, inside the server's memory budget.
  RAPPORT_TRY(db->writer_->exec("PRAGMA cache_size=-65536"));
  for (int i = 0; i < readers; ++i) {
    RAPPORT_ASSIGN_OR_RETURN(auto reader, SqliteConnection::open(path, false));
    // query_only: a reader that is handed a write by mistake fails instead of writing.
    RAPPORT_TRY(reader->exec("PRAGMA query_only=ON; PRAGMA cache_size=-16384"));
    db->free_readers_.push_back(reader.get());
    db->readers_.push_back(std::move(reader));
  }
  return db;
}

core::Status SqliteDatabase::write(const Work& work) {
  std::lock_guard lock(writer_mutex_);
  return in_transaction(*writer_, "BEGIN IMMEDIATE", work);
}

core::Status SqliteDatabase::exclusive(const Work& work) {
  std::lock_guard lock(writer_mutex_);
  return work(*writer_);
}

core::Status SqliteDatabase::read(const Work& work) {
  if (readers_.empty()) return write(work);
  SqliteConnection* conn = nullptr;
  {
    std::unique_lock lock(readers_mutex_);
    reader_freed_.wait(lock, [&] { return !free_readers_.empty(); });
    conn = free_readers_.back();
    free_readers_.pop_back();
  }
  core::Status status = in_transaction(*conn, "BEGIN", work);
  {
    std::lock_guard lock(readers_mutex_);
    free_readers_.push_back(conn);
  }
  reader_freed_.notify_one();
  return status;
}

}  // namespace rapport::store::sqlite
