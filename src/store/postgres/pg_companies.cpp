// Companies in PostgreSQL: rows, their index rows, the trash, erasure and lists.
#include <string>
#include <vector>

#include "core/collation.hpp"
#include "store/customer_codec.hpp"
#include "store/postgres/pg_customer_store.hpp"
#include "store/postgres/pg_dialect.hpp"
#include "store/postgres/pg_links.hpp"
#include "store/postgres/pg_record_index.hpp"
#include "store/record_errors.hpp"
#include "store/search_document.hpp"

namespace rapport::store::postgres {

namespace {

constexpr std::string_view kColumns =
    "t.id, t.name, t.industry, t.owner_id, t.team_id, t.parent_id, t.doc, t.version,"
    " t.created_at, t.created_by, t.updated_at, t.updated_by, t.deleted_at";
constexpr int kColumnCount = 13;

core::Result<core::Company> company_at(const PgResult& rows, int row) {
  core::Company company;
  company.id = rows.int64(row, 0);
  company.name = rows.text(row, 1);
  company.industry = rows.text(row, 2);
  company.owner_id = rows.optional_int64(row, 3);
  company.team_id = rows.optional_int64(row, 4);
  company.parent_id = rows.optional_int64(row, 5);
  RAPPORT_TRY(read_company_doc(rows.text(row, 6), company));
  company.meta.version = rows.int64(row, 7);
  company.meta.created_at = core::from_millis(rows.int64(row, 8));
  company.meta.created_by = rows.optional_int64(row, 9);
  company.meta.updated_at = core::from_millis(rows.int64(row, 10));
  company.meta.updated_by = rows.optional_int64(row, 11);
  if (auto deleted = rows.optional_int64(row, 12))
    company.meta.deleted_at = core::from_millis(*deleted);
  return company;
}

// `notes`: the bodies of the company's notes.
core::Status index_company(PgConnection& conn, const core::Company& company,
                           const std::vector<core::CustomFieldDefinition>& definitions,
                           const std::vector<std::string>& notes) {
  RecordIndex index;
  index.tags = company.tags;
  index.custom = &company.custom;
  index.search_body = company_search_body(company, definitions, notes);
  index.names = {company.name};
  return write_index(conn, kCompanyTables, company.id, index, definitions);
}

// The sort key of the name, which lists sort by. Create and update set it in their INSERT and
// UPDATE; a reindex sets it here (the collation may have changed).
core::Status write_sort_columns(PgConnection& conn, const core::Company& company) {
  RAPPORT_TRY(conn.exec("UPDATE companies SET name_key = $2 WHERE id = $1",
                        {company.id, core::collation_key(company.name)}));
  return core::ok_status();
}

// kInvalid when `parent_id` names no company, checked before the write as on SQLite rather than
// left to the foreign key. The parent stays locked against erasure (FOR KEY SHARE) until commit.
core::Status check_parent(PgConnection& conn, const core::Company& company) {
  if (!company.parent_id) return core::ok_status();
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn.exec("SELECT 1 FROM companies WHERE id = $1 FOR KEY SHARE", {*company.parent_id}));
  if (rows.rows() == 0) return missing_parent_company();
  return core::ok_status();
}

}  // namespace

core::Result<core::Company> PgCustomerTx::create_company(const core::Company& company,
                                                         const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, core::RecordKind::kCompany));
  RAPPORT_TRY(check_parent(conn_, company));
  RAPPORT_TRY(check_unique_custom(conn_, kCompanyTables, 0, company.custom, definitions));
  std::int64_t now = core::to_millis(stamp.now);
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("INSERT INTO companies (name, industry, owner_id, team_id, parent_id, doc,"
                 " version, created_at, created_by, updated_at, updated_by, name_key)"
                 " VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8, $7, $8, $9) RETURNING id",
                 {company.name, company.industry, company.owner_id, company.team_id,
                  company.parent_id, company_doc(company), now, stamp.actor,
                  core::collation_key(company.name)}));
  core::Company stored = company;
  stored.id = rows.int64(0, 0);
  stored.meta = core::RecordMeta{1, stamp.now, stamp.actor, stamp.now, stamp.actor, std::nullopt};
  RAPPORT_TRY(index_company(conn_, stored, definitions, {}));
  // Read back, as on SQLite: the caller gets what a get returns (stamps at the stored precision).
  return get_company(stored.id);
}

core::Result<core::Company> PgCustomerTx::get_company(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT " + std::string(kColumns) + " FROM companies t WHERE t.id = $1", {id}));
  if (rows.rows() == 0) return record_not_found(core::RecordKind::kCompany);
  return company_at(rows, 0);
}

core::Result<core::Company> PgCustomerTx::update_company(const core::Company& company,
                                                         const Stamp& stamp) {
  // The parent first, as on SQLite (record_errors.hpp): a parent that does not exist is the
  // answer even when the version is stale too.
  RAPPORT_TRY(check_parent(conn_, company));
  RAPPORT_TRY(
      check_writable(conn_, kCompanyTables, company.id, company.meta.version, RecordState::kLive));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, core::RecordKind::kCompany));
  RAPPORT_TRY(check_unique_custom(conn_, kCompanyTables, company.id, company.custom, definitions));
  RAPPORT_TRY(conn_.exec(
      "UPDATE companies SET name = $2, industry = $3, owner_id = $4, team_id = $5,"
      " parent_id = $6, doc = $7, version = version + 1, updated_at = $8, updated_by = $9,"
      " name_key = $10 WHERE id = $1",
      {company.id, company.name, company.industry, company.owner_id, company.team_id,
       company.parent_id, company_doc(company), core::to_millis(stamp.now), stamp.actor,
       core::collation_key(company.name)}));
  RAPPORT_ASSIGN_OR_RETURN(auto notes,
                           note_bodies(conn_, {core::RecordKind::kCompany, company.id}));
  RAPPORT_TRY(index_company(conn_, company, definitions, notes));
  return get_company(company.id);
}

core::Status PgCustomerTx::reindex_company(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(core::Company company, get_company(id));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, core::RecordKind::kCompany));
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies(conn_, {core::RecordKind::kCompany, id}));
  RAPPORT_TRY(index_company(conn_, company, definitions, notes));
  return write_sort_columns(conn_, company);
}

core::Result<core::Company> PgCustomerTx::trash_company(core::Id id, std::int64_t expected_version,
                                                        const Stamp& stamp) {
  RAPPORT_TRY(check_writable(conn_, kCompanyTables, id, expected_version, RecordState::kLive));
  RAPPORT_TRY(
      conn_.exec("UPDATE companies SET deleted_at = $2, version = version + 1, updated_at = $2,"
                 " updated_by = $3 WHERE id = $1",
                 {id, core::to_millis(stamp.now), stamp.actor}));
  return get_company(id);
}

core::Result<core::Company> PgCustomerTx::restore_company(core::Id id,
                                                          std::int64_t expected_version,
                                                          const Stamp& stamp) {
  RAPPORT_TRY(check_writable(conn_, kCompanyTables, id, expected_version, RecordState::kTrashed));
  RAPPORT_TRY(
      conn_.exec("UPDATE companies SET deleted_at = NULL, version = version + 1, updated_at = $2,"
                 " updated_by = $3 WHERE id = $1",
                 {id, core::to_millis(stamp.now), stamp.actor}));
  return get_company(id);
}

// The company's row goes first: a writer linking a contact to it holds the row (FOR KEY SHARE,
// pg_links.hpp) until it commits, so when the links are removed next, its link is among them.
// The linked contacts lose the link with its row in record_links; nothing of theirs holds the
// company's name, so none of them is rewritten or re-indexed.
core::Status PgCustomerTx::erase_company(core::Id id) {
  RAPPORT_TRY(erase_record(conn_, kCompanyTables, id));
  RAPPORT_TRY(erase_links(conn_, core::RecordKind::kCompany, id));
  return erase_notes({core::RecordKind::kCompany, id});
}

core::Result<Page<core::Company>> PgCustomerTx::list_companies(const core::ListQuery& query,
                                                               const RecordScope& scope,
                                                               Shelf shelf) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, core::RecordKind::kCompany));
  RAPPORT_ASSIGN_OR_RETURN(
      ListPlan list, plan_list(kPgDialect, core::describe(core::RecordKind::kCompany), kColumns,
                               query, scope, shelf, definitions, nullptr));
  RAPPORT_ASSIGN_OR_RETURN(PgResult rows, conn_.exec(list.sql, pg_params(list.params)));
  Page<core::Company> page;
  int count = std::min(rows.rows(), list.limit);
  page.items.reserve(count);
  for (int row = 0; row < count; ++row) {
    RAPPORT_ASSIGN_OR_RETURN(core::Company company, company_at(rows, row));
    page.items.push_back(std::move(company));
  }
  if (rows.rows() > list.limit) page.next = next_cursor(list, rows, count - 1, kColumnCount);
  return page;
}

}  // namespace rapport::store::postgres
