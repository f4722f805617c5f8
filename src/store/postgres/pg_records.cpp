// The record operations of PgCustomerTx, for every kind of record from its
// descriptor (store/record_sql.hpp builds the statements).
#include <string>
#include <vector>

#include "store/list_fields.hpp"
#include "store/postgres/pg_customer_store.hpp"
#include "store/postgres/pg_dialect.hpp"
#include "store/postgres/pg_links.hpp"
#include "store/postgres/pg_record_index.hpp"
#include "store/record_errors.hpp"
#include "store/record_sql.hpp"

namespace rapport::store::postgres {

namespace {

std::vector<PgParam> pg_cells(const std::vector<Cell>& cells) {
  std::vector<PgParam> out;
  out.reserve(cells.size());
  for (const Cell& cell : cells) {
    if (const auto* number = std::get_if<std::int64_t>(&cell)) {
      out.emplace_back(*number);
    } else if (const auto* text = std::get_if<std::string>(&cell)) {
      out.emplace_back(*text);
    } else {
      out.emplace_back();
    }
  }
  return out;
}

core::Result<PgResult> run(PgConnection& conn, const RecordStatement& statement) {
  return conn.exec(statement.sql, pg_cells(statement.params));
}

// What a read of `kind` selects: select_columns(), then links_column().
std::string pg_select_columns(core::RecordKind kind) {
  return select_columns(kind) + ", " + links_column(kind);
}
// Where a list's sort value follows them.
int pg_selected_column_count(core::RecordKind kind) { return selected_column_count(kind) + 1; }

// Row `r` of `rows`, whose columns pg_select_columns() named.
core::Result<RecordRow> row_at(const PgResult& rows, int r, core::RecordKind kind) {
  RecordRow row(kind);
  row.id = rows.int64(r, 0);
  const auto fields = stored_fields(kind);
  int c = 1;
  for (std::size_t i = 0; i < fields.size(); ++i, ++c) {
    if (rows.is_null(r, c)) continue;
    if (value_kind(fields[i]->type) == ValueKind::kText) {
      row.cells[i] = std::string(rows.text(r, c));
    } else {
      row.cells[i] = rows.int64(r, c);
    }
  }
  row.doc = std::string(rows.text(r, c));
  row.meta.version = rows.int64(r, c + 1);
  row.meta.created_at = core::from_millis(rows.int64(r, c + 2));
  row.meta.created_by = rows.optional_int64(r, c + 3);
  row.meta.updated_at = core::from_millis(rows.int64(r, c + 4));
  row.meta.updated_by = rows.optional_int64(r, c + 5);
  if (auto deleted = rows.optional_int64(r, c + 6))
    row.meta.deleted_at = core::from_millis(*deleted);
  if (!rows.is_null(r, c + kTrailingColumns)) {
    RAPPORT_TRY(parse_links(row, rows.text(r, c + kTrailingColumns)));
  }
  return row;
}

// The records `row` refers to exist (live or in the trash): its reference columns, then links.
// Those found stay locked against erasure (FOR KEY SHARE) until commit.
core::Status check_references(PgConnection& conn, const RecordRow& row) {
  for (const Reference& r : references(row)) {
    RAPPORT_ASSIGN_OR_RETURN(
        PgResult found,
        conn.exec("SELECT 1 FROM " + std::string(core::describe(r.field->target).table) +
                      " WHERE id = $1 FOR KEY SHARE",
                  {r.id}));
    if (found.rows() == 0) return missing_reference(*r.field);
  }
  return check_links(conn, row);
}

// Why a versioned write of record `id` changed no row.
core::Error unchanged(PgConnection& conn, core::RecordKind kind, core::Id id,
                      std::int64_t expected_version, bool want_live) {
  auto rows = conn.exec(
      "SELECT version FROM " + std::string(core::describe(kind).table) + " WHERE id = $1", {id});
  if (!rows.ok()) return std::move(rows).error();
  const bool found = rows->rows() > 0;
  return unchanged_record(kind, found, found ? rows->int64(0, 0) : 0, expected_version, want_live);
}

}  // namespace

core::Result<RecordRow> PgCustomerTx::insert_record(const RecordRow& row, const Stamp& stamp) {
  const KindTables& tables = kind_tables(row.kind);
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, row.kind));
  RAPPORT_TRY(check_references(conn_, row));
  RAPPORT_ASSIGN_OR_RETURN(RecordIndex index, index_row(row, definitions, {}));
  RAPPORT_TRY(check_unique_custom(conn_, tables, 0, index.custom, definitions));
  RAPPORT_ASSIGN_OR_RETURN(PgResult inserted, run(conn_, insert_statement(kPgDialect, row, stamp)));
  RecordRow stored = row;
  stored.id = inserted.int64(0, 0);
  RAPPORT_TRY(write_links(conn_, stored, true));
  RAPPORT_TRY(write_index(conn_, tables, stored.id, index, definitions));
  // Read back: the caller gets what a get returns (stamps at the stored precision).
  return get_record(row.kind, stored.id);
}

core::Result<RecordRow> PgCustomerTx::get_record(core::RecordKind kind, core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn_.exec("SELECT " + pg_select_columns(kind) + " FROM " +
                                    std::string(core::describe(kind).table) + " t WHERE t.id = $1",
                                {id}));
  if (rows.rows() == 0) return record_not_found(kind);
  return row_at(rows, 0, kind);
}

core::Result<RecordRow> PgCustomerTx::update_record(const RecordRow& row, const Stamp& stamp) {
  const KindTables& tables = kind_tables(row.kind);
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, row.kind));
  RAPPORT_TRY(check_references(conn_, row));
  RAPPORT_ASSIGN_OR_RETURN(PgResult updated, run(conn_, update_statement(kPgDialect, row, stamp)));
  if (updated.affected_rows() == 0) {
    return unchanged(conn_, row.kind, row.id, row.meta.version, true);
  }
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies(conn_, {row.kind, row.id}));
  RAPPORT_ASSIGN_OR_RETURN(RecordIndex index, index_row(row, definitions, notes));
  RAPPORT_TRY(check_unique_custom(conn_, tables, row.id, index.custom, definitions));
  RAPPORT_TRY(write_links(conn_, row, false));
  RAPPORT_TRY(write_index(conn_, tables, row.id, index, definitions));
  return get_record(row.kind, row.id);
}

core::Result<RecordRow> PgCustomerTx::move_record(core::RecordKind kind, core::Id id,
                                                  std::int64_t expected_version, Shelf to,
                                                  const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(PgResult moved, run(conn_, move_statement(kPgDialect, kind, id,
                                                                     expected_version, to, stamp)));
  if (moved.affected_rows() == 0) {
    return unchanged(conn_, kind, id, expected_version, to == Shelf::kTrash);
  }
  return get_record(kind, id);
}

// The record's row goes first: a writer linking to it holds the row (FOR KEY SHARE) until it
// commits, so when the links are removed next, its link is among them.
core::Status PgCustomerTx::erase_record(core::RecordKind kind, core::Id id) {
  RAPPORT_TRY(erase_record_rows(conn_, kind_tables(kind), id));
  RAPPORT_TRY(erase_links(conn_, kind, id));
  return erase_notes({kind, id});
}

core::Result<Page<RecordRow>> PgCustomerTx::list_records(core::RecordKind kind,
                                                         const core::ListQuery& query,
                                                         const RecordScope& scope, Shelf shelf,
                                                         const RecordScope& companies) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, kind));
  RAPPORT_ASSIGN_OR_RETURN(
      ListPlan list, plan_list(kPgDialect, core::describe(kind), pg_select_columns(kind), query,
                               scope, shelf, definitions, &companies));
  RAPPORT_ASSIGN_OR_RETURN(PgResult rows, conn_.exec(list.sql, pg_params(list.params)));
  Page<RecordRow> page;
  const int count = std::min(rows.rows(), list.limit);
  page.items.reserve(count);
  for (int r = 0; r < count; ++r) {
    RAPPORT_ASSIGN_OR_RETURN(RecordRow row, row_at(rows, r, kind));
    page.items.push_back(std::move(row));
  }
  if (rows.rows() > list.limit) {
    page.next = next_cursor(list, rows, count - 1, pg_selected_column_count(kind));
  }
  return page;
}

// Rebuilds the index rows and the columns derived from the record (sort keys, copies of its
// document such as a contact's language), e.g. after an upgrade or a new ICU version.
core::Status PgCustomerTx::reindex(core::RecordKind kind, core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(RecordRow stored, get_record(kind, id));
  RAPPORT_ASSIGN_OR_RETURN(RecordRow row, rederive_row(stored));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, kind));
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies(conn_, {kind, id}));
  RAPPORT_ASSIGN_OR_RETURN(RecordIndex index, index_row(row, definitions, notes));
  RAPPORT_TRY(write_index(conn_, kind_tables(kind), id, index, definitions));
  const RecordStatement columns = derived_columns_statement(kPgDialect, row);
  if (columns.sql.empty()) return core::ok_status();
  RAPPORT_TRY(run(conn_, columns));
  return core::ok_status();
}

}  // namespace rapport::store::postgres
