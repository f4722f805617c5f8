// FTS5 search rows queued during a transaction and written just before it commits, all of one
// table's rows by a single statement.
//
// Why: SQLite 3.40's FTS5 flushes its pending terms into a new index segment at every statement
// savepoint, and most write statements open one. Written in place, a record's search row followed
// by its tags, name grams and audit entry left one segment per statement, which made a contact
// create several times dearer (and merging those segments dearer still). Queued, a transaction
// (a group commit of many creates included) adds one segment per table.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"

namespace rapport::store::sqlite {

class SqliteConnection;

class SearchRowQueue {
 public:
  // Sets the body of row `rowid` of FTS5 table `table`; `fresh`: the record was created in this
  // transaction, so no committed row needs deleting first.
  void put(std::string_view table, core::Id rowid, std::string body, bool fresh);
  // Removes row `rowid` of `table`.
  void remove(std::string_view table, core::Id rowid);

  // Savepoint support: the queue as it was at mark() is restored by rollback_to().
  std::size_t mark() const { return ops_.size(); }
  void rollback_to(std::size_t mark) { ops_.resize(mark); }
  void clear() { ops_.clear(); }

  // Writes the queued rows on `conn` (inside its open transaction) and empties the queue; on
  // error the queue is emptied too, since the transaction is then rolled back.
  core::Status flush(SqliteConnection& conn);

 private:
  struct Op {
    std::string table;
    core::Id rowid;
    std::optional<std::string> body;  // nullopt: remove
    bool fresh;
  };
  std::vector<Op> ops_;
};

}  // namespace rapport::store::sqlite
