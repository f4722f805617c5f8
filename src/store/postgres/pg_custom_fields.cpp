// Custom field definitions in PostgreSQL (deleting one removes its values everywhere), and the
// organisation's settings.
#include <string>

#include "store/customer_codec.hpp"
#include "store/postgres/pg_customer_store.hpp"
#include "store/constraint_errors.hpp"
#include "store/postgres/pg_record_index.hpp"
#include "store/record_errors.hpp"

namespace rapport::store::postgres {

namespace {

core::Result<core::CustomFieldDefinition> find_definition(PgConnection& conn, core::Id id,
                                                          bool lock) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn.exec(lock ? "SELECT entity FROM custom_fields WHERE id = $1 FOR UPDATE"
                                    : "SELECT entity FROM custom_fields WHERE id = $1",
                               {id}));
  if (rows.rows() == 0) return custom_field_not_found();
  RAPPORT_ASSIGN_OR_RETURN(core::RecordKind entity,
                           core::parse_record_kind(rows.text(0, 0), "entity"));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn, entity));
  for (auto& definition : definitions) {
    if (definition.id == id) return std::move(definition);
  }
  return custom_field_not_found();
}

}  // namespace

core::Result<core::CustomFieldDefinition> PgCustomerTx::create_custom_field(
    const core::CustomFieldDefinition& definition, const Stamp& stamp) {
  std::int64_t now = core::to_millis(stamp.now);
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(
          "INSERT INTO custom_fields (entity, key, doc, version, created_at, updated_at)"
          " VALUES ($1, $2, $3, 1, $4, $4) ON CONFLICT (entity, key) DO NOTHING"
          " RETURNING id",
          {core::to_string(definition.entity), definition.key, custom_field_doc(definition), now}));
  if (rows.rows() == 0) return unique_violation("custom_fields");
  // Read back, as on SQLite: the caller gets what a list returns (stamps at the stored precision).
  return find_definition(conn_, rows.int64(0, 0), false);
}

core::Result<core::CustomFieldDefinition> PgCustomerTx::update_custom_field(
    const core::CustomFieldDefinition& definition, const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(core::CustomFieldDefinition stored,
                           find_definition(conn_, definition.id, true));
  // The same checks in the same order as on SQLite: identity, then version.
  std::vector<core::FieldError> fixed;
  if (stored.entity != definition.entity) fixed.push_back({"entity", "cannot change"});
  if (stored.key != definition.key) fixed.push_back({"key", "cannot change"});
  if (stored.type != definition.type) fixed.push_back({"type", "cannot change"});
  if (!fixed.empty()) return custom_field_identity_changed(std::move(fixed));
  if (stored.version != definition.version) return stale_custom_field();
  stored.label = definition.label;
  stored.options = definition.options;
  stored.required = definition.required;
  stored.unique = definition.unique;
  RAPPORT_TRY(conn_.exec(
      "UPDATE custom_fields SET doc = $2, version = version + 1, updated_at = $3 WHERE id = $1",
      {stored.id, custom_field_doc(stored), core::to_millis(stamp.now)}));
  return find_definition(conn_, stored.id, false);
}

core::Status PgCustomerTx::delete_custom_field(core::Id id, std::int64_t expected_version) {
  RAPPORT_ASSIGN_OR_RETURN(core::CustomFieldDefinition stored, find_definition(conn_, id, true));
  if (stored.version != expected_version) return stale_custom_field();
  const KindTables& tables = kind_tables(stored.entity);
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult holders,
      conn_.exec("SELECT record_id FROM " + std::string(tables.custom) + " WHERE key = $1",
                 {stored.key}));
  // The value lives in each record's document too; remove it there, then its index rows.
  RAPPORT_TRY(conn_.exec("UPDATE " + std::string(tables.records) +
                             " SET doc = (doc::jsonb #- ARRAY['custom', $1::text])::text"
                             " WHERE id IN (SELECT record_id FROM " +
                             std::string(tables.custom) + " WHERE key = $1)",
                         {stored.key}));
  RAPPORT_TRY(
      conn_.exec("DELETE FROM " + std::string(tables.custom) + " WHERE key = $1", {stored.key}));
  RAPPORT_TRY(conn_.exec("DELETE FROM custom_fields WHERE id = $1", {id}));
  // The values were part of each holder's search text: rebuild it without them.
  for (int row = 0; row < holders.rows(); ++row) {
    RAPPORT_TRY(reindex(stored.entity, holders.int64(row, 0)));
  }
  return core::ok_status();
}

core::Result<std::int64_t> PgCustomerTx::count_option_uses(
    const core::CustomFieldDefinition& definition, const std::string& option) {
  // A multi select's value is the JSON array of its choices.
  std::string match = definition.type == core::CustomFieldType::kMultiSelect
                          ? "value::jsonb ? $2"
                          : "value = $2";
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT count(*) FROM " + std::string(kind_tables(definition.entity).custom) +
                     " WHERE key = $1 AND " + match,
                 {definition.key, option}));
  return rows.int64(0, 0);
}

core::Result<std::vector<CustomDuplicate>> PgCustomerTx::custom_duplicates(
    const core::CustomFieldDefinition& definition, int limit) {
  const std::string table(kind_tables(definition.entity).custom);
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT value, record_id FROM " + table +
                     " WHERE key = $1 AND value IN (SELECT value FROM " + table +
                     " WHERE key = $1 GROUP BY value HAVING count(*) > 1 ORDER BY value"
                     " LIMIT $2) ORDER BY value, record_id",
                 {definition.key, static_cast<std::int64_t>(limit)}));
  std::vector<CustomDuplicate> out;
  for (int row = 0; row < rows.rows(); ++row) {
    std::string value(rows.text(row, 0));
    if (out.empty() || out.back().value != value) out.push_back({std::move(value), {}});
    if (out.back().record_ids.size() < CustomDuplicate::kMaxDuplicateIds) {
      out.back().record_ids.push_back(rows.int64(row, 1));
    }
  }
  return out;
}

core::Result<std::vector<core::CustomFieldDefinition>> PgCustomerTx::list_custom_fields(
    core::RecordKind entity) {
  return load_definitions(conn_, entity);
}

core::Result<std::optional<std::string>> PgCustomerTx::get_setting(std::string_view key) {
  RAPPORT_ASSIGN_OR_RETURN(PgResult rows,
                           conn_.exec("SELECT value FROM settings WHERE key = $1", {key}));
  if (rows.rows() == 0) return std::optional<std::string>();
  return std::optional<std::string>(std::string(rows.text(0, 0)));
}

core::Status PgCustomerTx::set_setting(std::string_view key, std::string_view value) {
  RAPPORT_TRY(conn_.exec("INSERT INTO settings (key, value) VALUES ($1, $2)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                         {key, value}));
  return core::ok_status();
}

core::Status PgCustomerTx::erase_setting(std::string_view key) {
  RAPPORT_TRY(conn_.exec("DELETE FROM settings WHERE key = $1", {key}));
  return core::ok_status();
}

}  // namespace rapport::store::postgres
