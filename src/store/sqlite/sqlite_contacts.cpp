// The contact operations of SqliteCustomerTx.
#include <array>
#include <span>

#include "core/collation.hpp"
#include "store/customer_codec.hpp"
#include "store/record_errors.hpp"
#include "store/search_document.hpp"
#include "store/sqlite/sqlite_customer_store.hpp"
#include "store/sqlite/sqlite_links.hpp"
#include "store/sqlite/sqlite_record_index.hpp"

namespace rapport::store::sqlite {

namespace {

// The columns every read selects (over alias t), in the order read_contact expects.
constexpr std::string_view kColumns =
    "t.id, t.given_name, t.family_name, t.display_name, t.lifecycle_stage, t.lead_source, "
    "t.owner_id, t.team_id, t.doc, t.version, t.created_at, t.created_by, t.updated_at, "
    "t.updated_by, t.deleted_at";

const KindTables& tables() { return kind_tables(core::RecordKind::kContact); }

// The sort value follows kColumns.
constexpr int kSortColumn = 15;

core::Result<core::Contact> read_contact(const Statement& s) {
  core::Contact c;
  c.id = s.int64_at(0);
  c.given_name = s.text_at(1);
  c.family_name = s.text_at(2);
  c.display_name = s.text_at(3);
  c.lifecycle_stage = s.text_at(4);
  c.lead_source = s.text_at(5);
  c.owner_id = s.optional_int64_at(6);
  c.team_id = s.optional_int64_at(7);
  RAPPORT_TRY(read_contact_doc(s.text_at(8), c));
  c.meta.version = s.int64_at(9);
  c.meta.created_at = core::from_millis(s.int64_at(10));
  c.meta.created_by = s.optional_int64_at(11);
  c.meta.updated_at = core::from_millis(s.int64_at(12));
  c.meta.updated_by = s.optional_int64_at(13);
  if (auto deleted = s.optional_int64_at(14)) c.meta.deleted_at = core::from_millis(*deleted);
  return c;
}

RecordIndex index_of(const core::Contact& c, std::string body) {
  return {c.tags, c.custom, std::move(body), {c.display_name, c.given_name, c.family_name}};
}

// Replaces contact `id`'s rows in contact_places (`fresh`: it is new, nothing to replace).
core::Status write_places(SqliteConnection& conn, core::Id id, const core::Contact& c,
                          bool fresh) {
  if (!fresh) {
    RAPPORT_ASSIGN_OR_RETURN(Statement d,
                             conn.prepare("DELETE FROM contact_places WHERE record_id = ?1"));
    RAPPORT_TRY(d.bind(1, id).run());
  }
  for (const ContactPlace& place : contact_places(c)) {
    RAPPORT_ASSIGN_OR_RETURN(
        Statement s,
        conn.prepare("INSERT INTO contact_places (record_id, city, country) VALUES (?1, ?2, ?3)"));
    RAPPORT_TRY(s.bind(1, id).bind(2, place.city).bind(3, place.country).run());
  }
  return {};
}

// Binds the derived columns below, in their order, from parameter `first` on.
Statement& bind_sort_columns(Statement& s, int first, const core::Contact& c) {
  s.bind(first, core::collation_key(c.given_name));
  s.bind(first + 1, core::collation_key(c.family_name));
  s.bind(first + 2, core::collation_key(c.display_name));
  return s.bind(first + 3, std::string_view(c.preferred_language))
      .bind(first + 4, std::string_view(c.time_zone));
}

// The columns lists sort and filter on that the program derives from the contact: its names' sort
// keys, its language and its time zone. Create and update set them in their INSERT and UPDATE; a
// reindex sets them here (the collation or the reading of the document may have changed).
core::Status write_sort_columns(SqliteConnection& conn, core::Id id, const core::Contact& c) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn.prepare("UPDATE contacts SET given_key = ?2, family_key = ?3, display_key = ?4, "
                   "preferred_language = ?5, time_zone = ?6 WHERE id = ?1"));
  bind_sort_columns(s.bind(1, id), 2, c);
  return s.run();
}

}  // namespace

core::Result<core::Contact> SqliteCustomerTx::create_contact(const core::Contact& c,
                                                             const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(core::RecordKind::kContact));
  RAPPORT_TRY(check_company_links(conn_, c.companies));
  RAPPORT_TRY(check_unique_custom(conn_, tables(), 0, c.custom, definitions));
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("INSERT INTO contacts (given_name, family_name, display_name, "
                    "lifecycle_stage, lead_source, owner_id, team_id, doc, version, created_at, "
                    "created_by, updated_at, updated_by, given_key, family_key, display_key, "
                    "preferred_language, time_zone) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, "
                    "?10, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"));
  s.bind(1, std::string_view(c.given_name)).bind(2, std::string_view(c.family_name));
  s.bind(3, std::string_view(c.display_name)).bind(4, std::string_view(c.lifecycle_stage));
  s.bind(5, std::string_view(c.lead_source)).bind(6, c.owner_id).bind(7, c.team_id);
  s.bind(8, contact_doc(c)).bind(9, core::to_millis(stamp.now)).bind(10, stamp.actor);
  bind_sort_columns(s, 11, c);
  RAPPORT_TRY(s.run());
  core::Id id = conn_.last_insert_rowid();
  RAPPORT_TRY(write_index(conn_, tables(), id, index_of(c, contact_search_body(c, definitions, {})),
                          definitions, true));
  RAPPORT_TRY(write_company_links(conn_, id, c.companies, true));
  RAPPORT_TRY(write_places(conn_, id, c, true));
  return get_contact(id);
}

core::Result<core::Contact> SqliteCustomerTx::get_contact(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("SELECT " + std::string(kColumns) +
                                                      " FROM contacts t WHERE t.id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, id).step());
  if (!row) return record_not_found(core::RecordKind::kContact);
  RAPPORT_ASSIGN_OR_RETURN(core::Contact c, read_contact(s));
  RAPPORT_TRY(read_company_links(conn_, std::span(&c, 1)));
  return c;
}

core::Result<core::Contact> SqliteCustomerTx::update_contact(const core::Contact& c,
                                                             const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(core::RecordKind::kContact));
  RAPPORT_TRY(check_company_links(conn_, c.companies));
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("UPDATE contacts SET given_name = ?2, family_name = ?3, display_name = ?4, "
                    "lifecycle_stage = ?5, lead_source = ?6, owner_id = ?7, team_id = ?8, "
                    "doc = ?9, version = version + 1, updated_at = ?10, updated_by = ?11, "
                    "given_key = ?13, family_key = ?14, display_key = ?15, "
                    "preferred_language = ?16, time_zone = ?17 "
                    "WHERE id = ?1 AND version = ?12 AND deleted_at IS NULL"));
  s.bind(1, c.id).bind(2, std::string_view(c.given_name)).bind(3, std::string_view(c.family_name));
  s.bind(4, std::string_view(c.display_name)).bind(5, std::string_view(c.lifecycle_stage));
  s.bind(6, std::string_view(c.lead_source)).bind(7, c.owner_id).bind(8, c.team_id);
  s.bind(9, contact_doc(c)).bind(10, core::to_millis(stamp.now)).bind(11, stamp.actor);
  bind_sort_columns(s, 13, c);
  RAPPORT_TRY(s.bind(12, c.meta.version).run());
  if (conn_.changes() == 0) {
    return unchanged(core::RecordKind::kContact, c.id, c.meta.version, true);
  }
  RAPPORT_TRY(check_unique_custom(conn_, tables(), c.id, c.custom, definitions));
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies({core::RecordKind::kContact, c.id}));
  RAPPORT_TRY(write_index(conn_, tables(), c.id,
                          index_of(c, contact_search_body(c, definitions, notes)), definitions,
                          false));
  RAPPORT_TRY(write_company_links(conn_, c.id, c.companies, false));
  RAPPORT_TRY(write_places(conn_, c.id, c, false));
  return get_contact(c.id);
}

core::Status SqliteCustomerTx::reindex_contact(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(core::Contact c, get_contact(id));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(core::RecordKind::kContact));
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies({core::RecordKind::kContact, id}));
  RAPPORT_TRY(write_index(conn_, tables(), id,
                          index_of(c, contact_search_body(c, definitions, notes)), definitions,
                          false));
  RAPPORT_TRY(write_places(conn_, id, c, false));
  return write_sort_columns(conn_, id, c);
}

core::Result<core::Contact> SqliteCustomerTx::trash_contact(core::Id id,
                                                            std::int64_t expected_version,
                                                            const Stamp& stamp) {
  RAPPORT_TRY(set_trashed(core::RecordKind::kContact, id, expected_version, stamp, true));
  return get_contact(id);
}

core::Result<core::Contact> SqliteCustomerTx::restore_contact(core::Id id,
                                                              std::int64_t expected_version,
                                                              const Stamp& stamp) {
  RAPPORT_TRY(set_trashed(core::RecordKind::kContact, id, expected_version, stamp, false));
  return get_contact(id);
}

core::Status SqliteCustomerTx::erase_contact(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("DELETE FROM contacts WHERE id = ?1"));
  RAPPORT_TRY(s.bind(1, id).run());
  if (conn_.changes() == 0) return record_not_found(core::RecordKind::kContact);
  RAPPORT_TRY(erase_links(conn_, core::RecordKind::kContact, id));
  RAPPORT_TRY(erase_notes({core::RecordKind::kContact, id}));
  return erase_search_rows(conn_, tables(), id);
}

core::Result<Page<core::Contact>> SqliteCustomerTx::list_contacts(const core::ListQuery& query,
                                                                  const RecordScope& scope,
                                                                  Shelf shelf,
                                                                  const RecordScope& companies) {
  SearchPlan plan = plan_search(query.search);
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, list_custom_fields(core::RecordKind::kContact));
  // A search must see the rows this transaction has queued.
  RAPPORT_TRY(conn_.search_rows().flush(conn_));
  RAPPORT_ASSIGN_OR_RETURN(bool via_companies, company_names_match(conn_, plan, companies));
  RAPPORT_ASSIGN_OR_RETURN(
      ListPlan list,
      plan_list(kSqliteDialect, core::describe(core::RecordKind::kContact), kColumns, query, scope,
                shelf, definitions, via_companies ? &companies : nullptr));
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare(list.sql));
  bind_all(s, list.params);
  Page<core::Contact> page;
  SortValue last_value;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) break;
    if (static_cast<int>(page.items.size()) == list.limit) {
      page.next = next_cursor(list, page.items.back().id, last_value);
      break;
    }
    RAPPORT_ASSIGN_OR_RETURN(core::Contact c, read_contact(s));
    last_value = sort_value_at(s, kSortColumn, list.sort_kind);
    page.items.push_back(std::move(c));
  }
  RAPPORT_TRY(read_company_links(conn_, page.items));
  return page;
}

}  // namespace rapport::store::sqlite
