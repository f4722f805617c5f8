// The writer connection, the reader pool and the transaction wrappers.
#include "store/sqlite/sqlite_database.hpp"

namespace rapport::store::sqlite {

namespace {

core::Status in_transaction(SqliteConnection& conn, const char* begin,
                            const SqliteDatabase::Work& work) {
  RAPPORT_TRY(conn.exec(begin));
  conn.search_rows().clear();
  core::Status status = work(conn);
  if (status.ok()) status = conn.search_rows().flush(conn);
  if (!status.ok()) {
    conn.search_rows().clear();
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

// The first waiting thread to take the writer runs every write queued by then; the others find
// theirs done when they get the writer in turn.
core::Status SqliteDatabase::write(const Work& work) {
  PendingWrite mine{&work, {}};
  {
    std::lock_guard queue(queue_mutex_);
    queued_writes_.push_back(&mine);
  }
  std::lock_guard writer(writer_mutex_);
  std::vector<PendingWrite*> group;
  {
    std::lock_guard queue(queue_mutex_);
    if (mine.done) return mine.status;
    group.swap(queued_writes_);
  }
  run_group(group);
  return mine.status;
}

void SqliteDatabase::run_group(const std::vector<PendingWrite*>& group) {
  auto finish = [&](const core::Status& failure) {
    std::lock_guard queue(queue_mutex_);
    for (PendingWrite* pending : group) {
      if (!failure.ok() && pending->status.ok()) pending->status = failure;
      pending->done = true;
    }
  };
  if (group.size() == 1) {
    group.front()->status = in_transaction(*writer_, "BEGIN IMMEDIATE", *group.front()->work);
    finish(core::ok_status());
    return;
  }
  core::Status status =
      in_transaction(*writer_, "BEGIN IMMEDIATE", [&](SqliteConnection& conn) -> core::Status {
        for (PendingWrite* pending : group) {
          RAPPORT_TRY(conn.exec("SAVEPOINT grouped_write"));
          const std::size_t queued = conn.search_rows().mark();
          pending->status = (*pending->work)(conn);
          if (!pending->status.ok()) {
            conn.search_rows().rollback_to(queued);
            RAPPORT_TRY(conn.exec("ROLLBACK TO grouped_write"));
          }
          RAPPORT_TRY(conn.exec("RELEASE grouped_write"));
        }
        return core::ok_status();
      });
  finish(status);
}

core::Status SqliteDatabase::exclusive(const Work& work) {
  std::lock_guard lock(writer_mutex_);
  return work(*writer_);
}

core::Status SqliteDatabase::checkpoint() {
  std::lock_guard lock(writer_mutex_);
  RAPPORT_ASSIGN_OR_RETURN(Statement s, writer_->prepare("PRAGMA wal_checkpoint(TRUNCATE)"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
  // The row is (busy, WAL frames, frames checkpointed); busy = 1 when readers held it back.
  if (!row || s.int64_at(0) != 0) {
    return core::Error::unavailable("the database file could not be checkpointed yet");
  }
  return core::ok_status();
}

core::Status SqliteDatabase::read(const Work& work) {
  if (readers_.empty()) return write(work);
  SqliteConnection* conn = nullptr;
  {
    std::unique_lock lock(readers_mutex_);
    ++waiting_readers_;
    reader_freed_.wait(lock, [&] { return !free_readers_.empty(); });
    --waiting_readers_;
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

SqliteReaderStats SqliteDatabase::reader_stats() {
  std::lock_guard lock(readers_mutex_);
  const int readers = static_cast<int>(readers_.size());
  return {readers, readers - static_cast<int>(free_readers_.size()), waiting_readers_};
}

}  // namespace rapport::store::sqlite
