// The company operations of SqliteCustomerTx.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/collation.hpp"
#include "store/customer_codec.hpp"
#include "store/record_errors.hpp"
#include "store/search_document.hpp"
#include "store/sqlite/sqlite_customer_store.hpp"
#include "store/sqlite/sqlite_links.hpp"
#include "store/sqlite/sqlite_record_index.hpp"

namespace rapport::store::sqlite {

namespace {

// The columns every read selects (over alias t), in the order read_company expects.
constexpr std::string_view kColumns =
    "t.id, t.name, t.industry, t.owner_id, t.team_id, t.parent_id, t.doc, t.version, "
    "t.created_at, t.created_by, t.updated_at, t.updated_by, t.deleted_at";

const KindTables& tables() {
  static const KindTables kTables(core::describe(core::RecordKind::kCompany));
  return kTables;
}

// The sort value follows kColumns.
constexpr int kSortColumn = 13;

core::Result<core::Company> read_company(const Statement& s) {
  core::Company c;
  c.id = s.int64_at(0);
  c.name = s.text_at(1);
  c.industry = s.text_at(2);
  c.owner_id = s.optional_int64_at(3);
  c.team_id = s.optional_int64_at(4);
  c.parent_id = s.optional_int64_at(5);
  RAPPORT_TRY(read_company_doc(s.text_at(6), c));
  c.meta.version = s.int64_at(7);
  c.meta.created_at = core::from_millis(s.int64_at(8));
  c.meta.created_by = s.optional_int64_at(9);
  c.meta.updated_at = core::from_millis(s.int64_at(10));
  c.meta.updated_by = s.optional_int64_at(11);
  if (auto deleted = s.optional_int64_at(12)) c.meta.deleted_at = core::from_millis(*deleted);
  return c;
}

RecordIndex index_of(const core::Company& c,
                     const std::vector<core::CustomFieldDefinition>& definitions,
                     const std::vector<std::string>& notes) {
  RecordIndex index{c.tags, &c.custom, company_search_body(c, definitions, notes), {}};
  index.grams = search_grams({c.name}, index.body);
  return index;
}

// kInvalid when `parent_id` names no company.
core::Status check_parent(SqliteConnection& conn, const core::Company& c) {
  if (!c.parent_id) return {};
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn.prepare("SELECT 1 FROM companies WHERE id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, *c.parent_id).step());
  if (!row) return missing_parent_company();
  return {};
}

// The sort key of the company's name, which lists sort by. Create and update set it in their
// INSERT and UPDATE; a reindex sets it here (the collation may have changed).
core::Status write_sort_columns(SqliteConnection& conn, core::Id id, const core::Company& c) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn.prepare("UPDATE companies SET name_key = ?2 WHERE id = ?1"));
  return s.bind(1, id).bind(2, core::collation_key(c.name)).run();
}

}  // namespace

core::Result<core::Company> SqliteCustomerTx::create_company(const core::Company& c,
                                                             const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(core::RecordKind::kCompany));
  RAPPORT_TRY(check_parent(conn_, c));
  RAPPORT_TRY(check_unique_custom(conn_, tables(), 0, c.custom, definitions));
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("INSERT INTO companies (name, industry, owner_id, team_id, parent_id, doc, "
                    "version, created_at, created_by, updated_at, updated_by, name_key) VALUES "
                    "(?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, ?8, ?7, ?8, ?9)"));
  s.bind(1, std::string_view(c.name)).bind(2, std::string_view(c.industry)).bind(3, c.owner_id);
  s.bind(4, c.team_id).bind(5, c.parent_id).bind(6, company_doc(c));
  s.bind(7, core::to_millis(stamp.now)).bind(8, stamp.actor);
  RAPPORT_TRY(s.bind(9, core::collation_key(c.name)).run());
  core::Id id = conn_.last_insert_rowid();
  RAPPORT_TRY(write_index(conn_, tables(), id, index_of(c, definitions, {}), definitions, true));
  return get_company(id);
}

core::Result<core::Company> SqliteCustomerTx::get_company(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("SELECT " + std::string(kColumns) +
                                                      " FROM companies t WHERE t.id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, id).step());
  if (!row) return record_not_found(core::RecordKind::kCompany);
  return read_company(s);
}

core::Result<core::Company> SqliteCustomerTx::update_company(const core::Company& c,
                                                             const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(core::RecordKind::kCompany));
  RAPPORT_TRY(check_parent(conn_, c));
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("UPDATE companies SET name = ?2, industry = ?3, owner_id = ?4, team_id = ?5, "
                    "parent_id = ?6, doc = ?7, version = version + 1, updated_at = ?8, "
                    "updated_by = ?9, name_key = ?11 WHERE id = ?1 AND version = ?10 AND "
                    "deleted_at IS NULL"));
  s.bind(1, c.id).bind(2, std::string_view(c.name)).bind(3, std::string_view(c.industry));
  s.bind(4, c.owner_id).bind(5, c.team_id).bind(6, c.parent_id).bind(7, company_doc(c));
  s.bind(8, core::to_millis(stamp.now)).bind(9, stamp.actor).bind(11, core::collation_key(c.name));
  RAPPORT_TRY(s.bind(10, c.meta.version).run());
  if (conn_.changes() == 0) {
    return unchanged(core::RecordKind::kCompany, c.id, c.meta.version, true);
  }
  RAPPORT_TRY(check_unique_custom(conn_, tables(), c.id, c.custom, definitions));
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies({core::RecordKind::kCompany, c.id}));
  RAPPORT_TRY(
      write_index(conn_, tables(), c.id, index_of(c, definitions, notes), definitions, false));
  return get_company(c.id);
}

core::Status SqliteCustomerTx::reindex_company(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(core::Company c, get_company(id));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(core::RecordKind::kCompany));
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies({core::RecordKind::kCompany, id}));
  RAPPORT_TRY(
      write_index(conn_, tables(), id, index_of(c, definitions, notes), definitions, false));
  return write_sort_columns(conn_, id, c);
}

core::Result<core::Company> SqliteCustomerTx::trash_company(core::Id id,
                                                            std::int64_t expected_version,
                                                            const Stamp& stamp) {
  RAPPORT_TRY(set_trashed(core::RecordKind::kCompany, id, expected_version, stamp, true));
  return get_company(id);
}

core::Result<core::Company> SqliteCustomerTx::restore_company(core::Id id,
                                                              std::int64_t expected_version,
                                                              const Stamp& stamp) {
  RAPPORT_TRY(set_trashed(core::RecordKind::kCompany, id, expected_version, stamp, false));
  return get_company(id);
}

// The contacts linked to the company lose the link with its row in record_links; nothing of
// theirs holds the company's name, so none of them is rewritten or re-indexed.
core::Status SqliteCustomerTx::erase_company(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("DELETE FROM companies WHERE id = ?1"));
  RAPPORT_TRY(s.bind(1, id).run());
  if (conn_.changes() == 0) return record_not_found(core::RecordKind::kCompany);
  RAPPORT_TRY(erase_links(conn_, core::RecordKind::kCompany, id));
  RAPPORT_TRY(erase_notes({core::RecordKind::kCompany, id}));
  return erase_search_rows(conn_, tables(), id);
}

core::Result<Page<core::Company>> SqliteCustomerTx::list_companies(const core::ListQuery& query,
                                                                   const RecordScope& scope,
                                                                   Shelf shelf) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(core::RecordKind::kCompany));
  // A search must see the rows this transaction has queued.
  RAPPORT_TRY(conn_.search_rows().flush(conn_));
  RAPPORT_ASSIGN_OR_RETURN(
      ListPlan list, plan_list(kSqliteDialect, core::describe(core::RecordKind::kCompany), kColumns,
                               query, scope, shelf, definitions, nullptr));
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare(list.sql));
  bind_all(s, list.params);
  Page<core::Company> page;
  SortValue last_value;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) break;
    if (static_cast<int>(page.items.size()) == list.limit) {
      page.next = next_cursor(list, page.items.back().id, last_value);
      break;
    }
    RAPPORT_ASSIGN_OR_RETURN(core::Company c, read_company(s));
    last_value = sort_value_at(s, kSortColumn, list.sort_kind);
    page.items.push_back(std::move(c));
  }
  return page;
}

}  // namespace rapport::store::sqlite
