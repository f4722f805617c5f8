// Custom field definitions in PostgreSQL; deleting one removes its values everywhere.
#include <string>

#include "store/customer_codec.hpp"
#include "store/postgres/pg_customer_store.hpp"
#include "store/postgres/pg_record_index.hpp"

namespace rapport::store::postgres {

namespace {

const PgRecordTables& tables_of(core::CustomEntity entity) {
  return entity == core::CustomEntity::kContact ? kContactTables : kCompanyTables;
}

core::Result<core::CustomFieldDefinition> find_definition(PgConnection& conn, core::Id id,
                                                          bool lock) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn.exec(lock ? "SELECT entity FROM custom_fields WHERE id = $1 FOR UPDATE"
                                    : "SELECT entity FROM custom_fields WHERE id = $1",
                               {id}));
  if (rows.rows() == 0) return core::Error::not_found("custom field not found");
  RAPPORT_ASSIGN_OR_RETURN(core::CustomEntity entity, core::parse_custom_entity(rows.text(0, 0)));
  RAPPORT_ASSIGN_OR_RETURN(auto definitions, load_definitions(conn, entity));
  for (auto& definition : definitions) {
    if (definition.id == id) return std::move(definition);
  }
  return core::Error::not_found("custom field not found");
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
  if (rows.rows() == 0) {
    return core::Error{core::ErrorKind::kConflict,
                       "key: a custom field with this key exists",
                       {{"key", "a custom field with this key exists"}}};
  }
  core::CustomFieldDefinition stored = definition;
  stored.id = rows.int64(0, 0);
  stored.version = 1;
  stored.created_at = stamp.now;
  stored.updated_at = stamp.now;
  return stored;
}

core::Result<core::CustomFieldDefinition> PgCustomerTx::update_custom_field(
    const core::CustomFieldDefinition& definition, const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(core::CustomFieldDefinition stored,
                           find_definition(conn_, definition.id, true));
  if (stored.version != definition.version) {
    return core::Error::stale("custom field was changed by someone else");
  }
  const PgRecordTables& tables = tables_of(stored.entity);
  if (definition.unique && !stored.unique) {
    // Turning uniqueness on must not leave two records sharing a value.
    RAPPORT_ASSIGN_OR_RETURN(
        PgResult duplicates,
        conn_.exec("SELECT 1 FROM " + std::string(tables.custom) +
                       " WHERE key = $1 GROUP BY value HAVING count(*) > 1 LIMIT 1",
                   {stored.key}));
    if (duplicates.rows() > 0) {
      return core::Error{core::ErrorKind::kConflict,
                         "unique: records already share values",
                         {{"unique", "records already share values of this field"}}};
    }
  }
  stored.label = definition.label;
  stored.options = definition.options;
  stored.required = definition.required;
  stored.unique = definition.unique;
  stored.version += 1;
  stored.updated_at = stamp.now;
  RAPPORT_TRY(conn_.exec(
      "UPDATE custom_fields SET doc = $2, version = $3, updated_at = $4 WHERE id = $1",
      {stored.id, custom_field_doc(stored), stored.version, core::to_millis(stamp.now)}));
  return stored;
}

core::Status PgCustomerTx::delete_custom_field(core::Id id, std::int64_t expected_version) {
  RAPPORT_ASSIGN_OR_RETURN(core::CustomFieldDefinition stored, find_definition(conn_, id, true));
  if (stored.version != expected_version) {
    return core::Error::stale("custom field was changed by someone else");
  }
  const PgRecordTables& tables = tables_of(stored.entity);
  // The value lives in each record's document too; remove it there, then its index rows.
  RAPPORT_TRY(conn_.exec("UPDATE " + std::string(tables.records) +
                             " SET doc = (doc::jsonb #- ARRAY['custom', $1::text])::text"
                             " WHERE id IN (SELECT record_id FROM " +
                             std::string(tables.custom) + " WHERE key = $1)",
                         {stored.key}));
  RAPPORT_TRY(
      conn_.exec("DELETE FROM " + std::string(tables.custom) + " WHERE key = $1", {stored.key}));
  RAPPORT_TRY(conn_.exec("DELETE FROM custom_fields WHERE id = $1", {id}));
  return core::ok_status();
}

core::Result<std::vector<core::CustomFieldDefinition>> PgCustomerTx::list_custom_fields(
    core::CustomEntity entity) {
  return load_definitions(conn_, entity);
}

}  // namespace rapport::store::postgres
