// The record operations of SqliteCustomerTx, for every kind of record from its
// descriptor (store/record_sql.hpp builds the statements).
#include <string>
#include <vector>

#include "store/list_fields.hpp"
#include "store/record_errors.hpp"
#include "store/record_sql.hpp"
#include "store/search_document.hpp"
#include "store/sqlite/sqlite_customer_store.hpp"
#include "store/sqlite/sqlite_links.hpp"
#include "store/sqlite/sqlite_record_index.hpp"

namespace rapport::store::sqlite {

namespace {

void bind_cells(Statement& s, const std::vector<Cell>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const int n = static_cast<int>(i) + 1;
    if (const auto* number = std::get_if<std::int64_t>(&cells[i])) {
      s.bind(n, *number);
    } else if (const auto* text = std::get_if<std::string>(&cells[i])) {
      s.bind(n, std::string_view(*text));
    } else {
      s.bind_null(n);
    }
  }
}

// The row whose columns select_columns() named, from the statement's current row.
RecordRow read_row(const Statement& s, core::RecordKind kind) {
  RecordRow row(kind);
  row.id = s.int64_at(0);
  const auto fields = stored_fields(kind);
  int c = 1;
  for (std::size_t i = 0; i < fields.size(); ++i, ++c) {
    if (s.is_null(c)) continue;
    if (value_kind(fields[i]->type) == ValueKind::kText) {
      row.cells[i] = s.text_at(c);
    } else {
      row.cells[i] = s.int64_at(c);
    }
  }
  row.doc = s.text_at(c);
  row.meta.version = s.int64_at(c + 1);
  row.meta.created_at = core::from_millis(s.int64_at(c + 2));
  row.meta.created_by = s.optional_int64_at(c + 3);
  row.meta.updated_at = core::from_millis(s.int64_at(c + 4));
  row.meta.updated_by = s.optional_int64_at(c + 5);
  if (auto deleted = s.optional_int64_at(c + 6)) row.meta.deleted_at = core::from_millis(*deleted);
  return row;
}

core::Status run(SqliteConnection& conn, const RecordStatement& statement) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn.prepare(statement.sql));
  bind_cells(s, statement.params);
  return s.run();
}

// The records `row` refers to exist (live or in the trash): its reference columns, then links.
core::Status check_references(SqliteConnection& conn, const RecordRow& row) {
  for (const Reference& r : references(row)) {
    RAPPORT_ASSIGN_OR_RETURN(
        Statement s,
        conn.prepare("SELECT 1 FROM " + std::string(core::describe(r.field->target).table) +
                     " WHERE id = ?1"));
    RAPPORT_ASSIGN_OR_RETURN(bool found, s.bind(1, r.id).step());
    if (!found) return missing_reference(*r.field);
  }
  return check_links(conn, row);
}

}  // namespace

core::Result<RecordRow> SqliteCustomerTx::insert_record(const RecordRow& row, const Stamp& stamp) {
  const KindTables& tables = kind_tables(row.kind);
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(row.kind));
  RAPPORT_TRY(check_references(conn_, row));
  RAPPORT_ASSIGN_OR_RETURN(RecordIndex index, index_row(row, definitions, {}));
  RAPPORT_TRY(check_unique_custom(conn_, tables, 0, index.custom, definitions));
  const RecordStatement insert = insert_statement(kSqliteDialect, row, stamp);
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare(insert.sql));
  bind_cells(s, insert.params);
  RAPPORT_ASSIGN_OR_RETURN(bool inserted, s.step());
  if (!inserted) return core::Error::internal("an insert returned no id");
  RecordRow stored = row;
  stored.id = s.int64_at(0);
  RAPPORT_TRY(write_links(conn_, stored, true));
  RAPPORT_TRY(write_index(conn_, tables, stored.id, index, definitions, true));
  return get_record(row.kind, stored.id);
}

core::Result<RecordRow> SqliteCustomerTx::get_record(core::RecordKind kind, core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("SELECT " + select_columns(kind) + " FROM " +
                                 std::string(core::describe(kind).table) + " t WHERE t.id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool found, s.bind(1, id).step());
  if (!found) return record_not_found(kind);
  RecordRow row = read_row(s, kind);
  RAPPORT_TRY(read_links(conn_, std::span<RecordRow>(&row, 1)));
  return row;
}

core::Result<RecordRow> SqliteCustomerTx::update_record(const RecordRow& row, const Stamp& stamp) {
  const KindTables& tables = kind_tables(row.kind);
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(row.kind));
  RAPPORT_TRY(check_references(conn_, row));
  RAPPORT_TRY(run(conn_, update_statement(kSqliteDialect, row, stamp)));
  if (conn_.changes() == 0) return unchanged(row.kind, row.id, row.meta.version, true);
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies({row.kind, row.id}));
  RAPPORT_ASSIGN_OR_RETURN(RecordIndex index, index_row(row, definitions, notes));
  RAPPORT_TRY(check_unique_custom(conn_, tables, row.id, index.custom, definitions));
  RAPPORT_TRY(write_links(conn_, row, false));
  RAPPORT_TRY(write_index(conn_, tables, row.id, index, definitions, false));
  return get_record(row.kind, row.id);
}

core::Result<RecordRow> SqliteCustomerTx::move_record(core::RecordKind kind, core::Id id,
                                                      std::int64_t expected_version, Shelf to,
                                                      const Stamp& stamp) {
  RAPPORT_TRY(set_trashed(kind, id, expected_version, stamp, to == Shelf::kTrash));
  return get_record(kind, id);
}

core::Status SqliteCustomerTx::erase_record(core::RecordKind kind, core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("DELETE FROM " + std::string(core::describe(kind).table) + " WHERE id = ?1"));
  RAPPORT_TRY(s.bind(1, id).run());
  if (conn_.changes() == 0) return record_not_found(kind);
  RAPPORT_TRY(erase_links(conn_, kind, id));
  RAPPORT_TRY(erase_notes({kind, id}));
  return erase_search_rows(conn_, kind_tables(kind), id);
}

core::Result<Page<RecordRow>> SqliteCustomerTx::list_records(core::RecordKind kind,
                                                             const core::ListQuery& query,
                                                             const RecordScope& scope, Shelf shelf,
                                                             const RecordScope& companies) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(kind));
  // A search must see the rows this transaction has queued.
  RAPPORT_TRY(conn_.search_rows().flush(conn_));
  // The search joins the links to companies only when some company's name matches at all: the
  // union would otherwise keep SQLite from walking the kind's own search index alone.
  bool via_companies = false;
  if (!kind_tables(kind).company_role.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(via_companies,
                             company_names_match(conn_, plan_search(query.search), companies));
  }
  RAPPORT_ASSIGN_OR_RETURN(
      ListPlan list, plan_list(kSqliteDialect, core::describe(kind), select_columns(kind), query,
                               scope, shelf, definitions, via_companies ? &companies : nullptr));
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare(list.sql));
  bind_all(s, list.params);
  const int sort_column = selected_column_count(kind);
  Page<RecordRow> page;
  SortValue last_value;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool more, s.step());
    if (!more) break;
    if (static_cast<int>(page.items.size()) == list.limit) {
      page.next = next_cursor(list, page.items.back().id, last_value);
      break;
    }
    page.items.push_back(read_row(s, kind));
    last_value = sort_value_at(s, sort_column, list.sort_kind);
  }
  RAPPORT_TRY(read_links(conn_, page.items));
  return page;
}

// Rebuilds the index rows and the columns derived from the record (sort keys, copies of its
// document such as a contact's language), e.g. after an upgrade or a new ICU version.
core::Status SqliteCustomerTx::reindex(core::RecordKind kind, core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(RecordRow stored, get_record(kind, id));
  RAPPORT_ASSIGN_OR_RETURN(RecordRow row, rederive_row(stored));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(kind));
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies({kind, id}));
  RAPPORT_ASSIGN_OR_RETURN(RecordIndex index, index_row(row, definitions, notes));
  RAPPORT_TRY(write_index(conn_, kind_tables(kind), id, index, definitions, false));
  const RecordStatement columns = derived_columns_statement(kSqliteDialect, row);
  if (columns.sql.empty()) return {};
  return run(conn_, columns);
}

}  // namespace rapport::store::sqlite
