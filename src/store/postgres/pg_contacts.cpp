// Contacts in PostgreSQL: rows, their index rows, the trash, erasure and lists.
#include <span>
#include <string>

#include "core/collation.hpp"
#include "store/customer_codec.hpp"
#include "store/postgres/pg_array.hpp"
#include "store/postgres/pg_customer_store.hpp"
#include "store/postgres/pg_dialect.hpp"
#include "store/postgres/pg_links.hpp"
#include "store/postgres/pg_record_index.hpp"
#include "store/record_errors.hpp"
#include "store/search_document.hpp"

namespace rapport::store::postgres {

namespace {

constexpr std::string_view kColumns =
    "t.id, t.given_name, t.family_name, t.display_name, t.lifecycle_stage, t.lead_source,"
    " t.owner_id, t.team_id, t.doc, t.version, t.created_at, t.created_by, t.updated_at,"
    " t.updated_by, t.deleted_at";
constexpr int kColumnCount = 15;

core::Result<core::Contact> contact_at(const PgResult& rows, int row) {
  core::Contact contact;
  contact.id = rows.int64(row, 0);
  contact.given_name = rows.text(row, 1);
  contact.family_name = rows.text(row, 2);
  contact.display_name = rows.text(row, 3);
  contact.lifecycle_stage = rows.text(row, 4);
  contact.lead_source = rows.text(row, 5);
  contact.owner_id = rows.optional_int64(row, 6);
  contact.team_id = rows.optional_int64(row, 7);
  RAPPORT_TRY(read_contact_doc(rows.text(row, 8), contact));
  contact.meta.version = rows.int64(row, 9);
  contact.meta.created_at = core::from_millis(rows.int64(row, 10));
  contact.meta.created_by = rows.optional_int64(row, 11);
  contact.meta.updated_at = core::from_millis(rows.int64(row, 12));
  contact.meta.updated_by = rows.optional_int64(row, 13);
  if (auto deleted = rows.optional_int64(row, 14))
    contact.meta.deleted_at = core::from_millis(*deleted);
  return contact;
}

// `notes`: the bodies of the contact's notes.
core::Status index_contact(PgConnection& conn, const core::Contact& contact,
                           const std::vector<core::CustomFieldDefinition>& definitions,
                           const std::vector<std::string>& notes) {
  const RecordIndex index{contact.tags,
                          contact.custom,
                          contact_search_body(contact, definitions, notes),
                          {contact.given_name, contact.family_name, contact.display_name}};
  RAPPORT_TRY(
      write_index(conn, kind_tables(core::RecordKind::kContact), contact.id, index, definitions));
  std::vector<std::optional<std::string>> cities, countries;
  for (const ContactPlace& place : contact_places(contact)) {
    cities.emplace_back(place.city);
    countries.emplace_back(place.country);
  }
  RAPPORT_TRY(conn.exec("DELETE FROM contact_places WHERE record_id = $1", {contact.id}));
  RAPPORT_TRY(conn.exec("INSERT INTO contact_places (record_id, city, country) SELECT $1, c, k"
                        " FROM unnest($2::text[], $3::text[]) AS x(c, k)",
                        {contact.id, array_literal(cities), array_literal(countries)}));
  return core::ok_status();
}

// The columns lists sort and filter on that the program derives from the contact: its names' sort
// keys, its language and its time zone. Create and update set them in their INSERT and UPDATE; a
// reindex sets them here (the collation or the reading of the document may have changed).
core::Status write_sort_columns(PgConnection& conn, const core::Contact& contact) {
  RAPPORT_TRY(conn.exec(
      "UPDATE contacts SET given_key = $2, family_key = $3, display_key = $4,"
      " preferred_language = $5, time_zone = $6 WHERE id = $1",
      {contact.id, core::collation_key(contact.given_name),
       core::collation_key(contact.family_name), core::collation_key(contact.display_name),
       contact.preferred_language, contact.time_zone}));
  return core::ok_status();
}

}  // namespace

core::Result<core::Contact> PgCustomerTx::create_contact(const core::Contact& contact,
                                                         const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, core::RecordKind::kContact));
  RAPPORT_TRY(check_company_links(conn_, contact.companies));
  RAPPORT_TRY(check_unique_custom(conn_, kind_tables(core::RecordKind::kContact), 0, contact.custom,
                                  definitions));
  std::int64_t now = core::to_millis(stamp.now);
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("INSERT INTO contacts (given_name, family_name, display_name, lifecycle_stage,"
                 " lead_source, owner_id, team_id, doc, version, created_at, created_by,"
                 " updated_at, updated_by, given_key, family_key, display_key, preferred_language,"
                 " time_zone) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $10, $9, $10, $11,"
                 " $12, $13, $14, $15) RETURNING id",
                 {contact.given_name, contact.family_name, contact.display_name,
                  contact.lifecycle_stage, contact.lead_source, contact.owner_id, contact.team_id,
                  contact_doc(contact), now, stamp.actor, core::collation_key(contact.given_name),
                  core::collation_key(contact.family_name),
                  core::collation_key(contact.display_name), contact.preferred_language,
                  contact.time_zone}));
  core::Contact stored = contact;
  stored.id = rows.int64(0, 0);
  stored.meta = core::RecordMeta{1, stamp.now, stamp.actor, stamp.now, stamp.actor, std::nullopt};
  RAPPORT_TRY(index_contact(conn_, stored, definitions, {}));
  RAPPORT_TRY(write_company_links(conn_, stored.id, stored.companies, true));
  // Read back, as on SQLite: the caller gets what a get returns (stamps at the stored precision).
  return get_contact(stored.id);
}

core::Result<core::Contact> PgCustomerTx::get_contact(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT " + std::string(kColumns) + " FROM contacts t WHERE t.id = $1", {id}));
  if (rows.rows() == 0) return record_not_found(core::RecordKind::kContact);
  RAPPORT_ASSIGN_OR_RETURN(core::Contact contact, contact_at(rows, 0));
  RAPPORT_TRY(read_company_links(conn_, std::span(&contact, 1)));
  return contact;
}

core::Result<core::Contact> PgCustomerTx::update_contact(const core::Contact& contact,
                                                         const Stamp& stamp) {
  // The links first, as on SQLite (record_errors.hpp): a link to no company is the answer even
  // when the version is stale too.
  RAPPORT_TRY(check_company_links(conn_, contact.companies));
  RAPPORT_TRY(check_writable(conn_, kind_tables(core::RecordKind::kContact), contact.id,
                             contact.meta.version, RecordState::kLive));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, core::RecordKind::kContact));
  RAPPORT_TRY(check_unique_custom(conn_, kind_tables(core::RecordKind::kContact), contact.id,
                                  contact.custom, definitions));
  RAPPORT_TRY(
      conn_.exec("UPDATE contacts SET given_name = $2, family_name = $3, display_name = $4,"
                 " lifecycle_stage = $5, lead_source = $6, owner_id = $7, team_id = $8, doc = $9,"
                 " version = version + 1, updated_at = $10, updated_by = $11, given_key = $12,"
                 " family_key = $13, display_key = $14, preferred_language = $15,"
                 " time_zone = $16 WHERE id = $1",
                 {contact.id, contact.given_name, contact.family_name, contact.display_name,
                  contact.lifecycle_stage, contact.lead_source, contact.owner_id, contact.team_id,
                  contact_doc(contact), core::to_millis(stamp.now), stamp.actor,
                  core::collation_key(contact.given_name),
                  core::collation_key(contact.family_name),
                  core::collation_key(contact.display_name), contact.preferred_language,
                  contact.time_zone}));
  RAPPORT_ASSIGN_OR_RETURN(auto notes,
                           note_bodies(conn_, {core::RecordKind::kContact, contact.id}));
  RAPPORT_TRY(index_contact(conn_, contact, definitions, notes));
  RAPPORT_TRY(write_company_links(conn_, contact.id, contact.companies, false));
  return get_contact(contact.id);
}

core::Status PgCustomerTx::reindex_contact(core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(core::Contact contact, get_contact(id));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, core::RecordKind::kContact));
  RAPPORT_ASSIGN_OR_RETURN(auto notes, note_bodies(conn_, {core::RecordKind::kContact, id}));
  RAPPORT_TRY(index_contact(conn_, contact, definitions, notes));
  return write_sort_columns(conn_, contact);
}

core::Result<core::Contact> PgCustomerTx::trash_contact(core::Id id, std::int64_t expected_version,
                                                        const Stamp& stamp) {
  RAPPORT_TRY(check_writable(conn_, kind_tables(core::RecordKind::kContact), id, expected_version,
                             RecordState::kLive));
  RAPPORT_TRY(
      conn_.exec("UPDATE contacts SET deleted_at = $2, version = version + 1, updated_at = $2,"
                 " updated_by = $3 WHERE id = $1",
                 {id, core::to_millis(stamp.now), stamp.actor}));
  return get_contact(id);
}

core::Result<core::Contact> PgCustomerTx::restore_contact(core::Id id,
                                                          std::int64_t expected_version,
                                                          const Stamp& stamp) {
  RAPPORT_TRY(check_writable(conn_, kind_tables(core::RecordKind::kContact), id, expected_version,
                             RecordState::kTrashed));
  RAPPORT_TRY(
      conn_.exec("UPDATE contacts SET deleted_at = NULL, version = version + 1, updated_at = $2,"
                 " updated_by = $3 WHERE id = $1",
                 {id, core::to_millis(stamp.now), stamp.actor}));
  return get_contact(id);
}

core::Status PgCustomerTx::erase_contact(core::Id id) {
  RAPPORT_TRY(erase_record_rows(conn_, kind_tables(core::RecordKind::kContact), id));
  RAPPORT_TRY(erase_links(conn_, core::RecordKind::kContact, id));
  return erase_notes({core::RecordKind::kContact, id});
}

core::Result<Page<core::Contact>> PgCustomerTx::list_contacts(const core::ListQuery& query,
                                                              const RecordScope& scope,
                                                              Shelf shelf,
                                                              const RecordScope& companies) {
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn_, core::RecordKind::kContact));
  RAPPORT_ASSIGN_OR_RETURN(
      ListPlan list, plan_list(kPgDialect, core::describe(core::RecordKind::kContact), kColumns,
                               query, scope, shelf, definitions, &companies));
  RAPPORT_ASSIGN_OR_RETURN(PgResult rows, conn_.exec(list.sql, pg_params(list.params)));
  Page<core::Contact> page;
  int count = std::min(rows.rows(), list.limit);
  page.items.reserve(count);
  for (int row = 0; row < count; ++row) {
    RAPPORT_ASSIGN_OR_RETURN(core::Contact contact, contact_at(rows, row));
    page.items.push_back(std::move(contact));
  }
  if (rows.rows() > list.limit) page.next = next_cursor(list, rows, count - 1, kColumnCount);
  RAPPORT_TRY(read_company_links(conn_, page.items));
  return page;
}

}  // namespace rapport::store::postgres
