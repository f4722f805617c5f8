// State checks and index rows shared by PostgreSQL contacts and companies.
#include "store/postgres/pg_record_index.hpp"

#include <charconv>
#include <set>

#include "store/customer_codec.hpp"
#include "store/search_document.hpp"

namespace rapport::store::postgres {

namespace {

std::string sql(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (std::string_view part : parts) text += part;
  return text;
}

const core::CustomFieldDefinition* find_definition(
    const std::vector<core::CustomFieldDefinition>& definitions, const std::string& key) {
  for (const auto& definition : definitions) {
    if (definition.key == key) return &definition;
  }
  return nullptr;
}

}  // namespace

core::Status check_writable(PgConnection& conn, const PgRecordTables& tables, core::Id id,
                            std::int64_t expected_version, RecordState required) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn.exec(sql({"SELECT version, deleted_at IS NOT NULL FROM ", tables.records,
                                    " WHERE id = $1 FOR UPDATE"}),
                               {id}));
  std::string noun(tables.noun);
  if (rows.rows() == 0) return core::Error::not_found(noun + " not found");
  bool trashed = rows.boolean(0, 1);
  if (required == RecordState::kLive && trashed) {
    return core::Error::conflict(noun + " is in the trash; restore it first");
  }
  if (required == RecordState::kTrashed && !trashed) {
    return core::Error::conflict(noun + " is not in the trash");
  }
  if (rows.int64(0, 0) != expected_version) {
    return core::Error::stale(noun + " was changed by someone else");
  }
  return core::ok_status();
}

core::Result<std::vector<core::CustomFieldDefinition>> load_definitions(PgConnection& conn,
                                                                        core::CustomEntity entity) {
  RAPPORT_ASSIGN_OR_RETURN(PgResult rows,
                           conn.exec("SELECT id, key, doc, version, created_at, updated_at"
                                     " FROM custom_fields WHERE entity = $1 ORDER BY id",
                                     {core::to_string(entity)}));
  std::vector<core::CustomFieldDefinition> definitions;
  definitions.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row) {
    core::CustomFieldDefinition definition;
    definition.id = rows.int64(row, 0);
    definition.entity = entity;
    definition.key = rows.text(row, 1);
    RAPPORT_TRY(read_custom_field_doc(rows.text(row, 2), definition));
    definition.version = rows.int64(row, 3);
    definition.created_at = core::from_millis(rows.int64(row, 4));
    definition.updated_at = core::from_millis(rows.int64(row, 5));
    definitions.push_back(std::move(definition));
  }
  return definitions;
}

std::string custom_index_text(core::CustomFieldType type, const core::CustomValue& value) {
  if (type == core::CustomFieldType::kMultiSelect) return choices_json(value.choices);
  if (type == core::CustomFieldType::kMoney && value.money) {
    return std::to_string(value.money->minor_units) + " " + value.money->currency;
  }
  return value.text;
}

core::Status check_unique_custom(PgConnection& conn, const PgRecordTables& tables, core::Id id,
                                 const core::CustomValues& values,
                                 const std::vector<core::CustomFieldDefinition>& definitions) {
  for (const auto& [key, value] : values) {
    const auto* definition = find_definition(definitions, key);
    if (definition == nullptr || !definition->unique) continue;
    RAPPORT_ASSIGN_OR_RETURN(
        PgResult rows,
        conn.exec(sql({"SELECT 1 FROM ", tables.custom,
                       " WHERE key = $1 AND value = $2 AND record_id <> $3 LIMIT 1"}),
                  {key, custom_index_text(definition->type, value), id}));
    if (rows.rows() > 0) {
      return core::Error{core::ErrorKind::kConflict,
                         "custom/" + key + ": another record already has this value",
                         {{"custom/" + key, "another record already has this value"}}};
    }
  }
  return core::ok_status();
}

core::Status write_index(PgConnection& conn, const PgRecordTables& tables, core::Id id,
                         const RecordIndex& index,
                         const std::vector<core::CustomFieldDefinition>& definitions) {
  for (std::string_view table : {tables.tags, tables.custom, tables.search, tables.grams}) {
    RAPPORT_TRY(conn.exec(sql({"DELETE FROM ", table, " WHERE record_id = $1"}), {id}));
  }
  std::set<std::string> tags(index.tags.begin(), index.tags.end());
  for (const std::string& tag : tags) {
    RAPPORT_TRY(conn.exec(sql({"INSERT INTO ", tables.tags, " (tag, record_id) VALUES ($1, $2)"}),
                          {tag, id}));
  }
  if (index.custom != nullptr) {
    for (const auto& [key, value] : *index.custom) {
      const auto* definition = find_definition(definitions, key);
      if (definition == nullptr) continue;
      std::optional<double> number = core::custom_sort_number(definition->type, value);
      PgParam number_param;
      if (number) {
        char buffer[32];  // shortest text that reads back as the same double
        auto end = std::to_chars(buffer, buffer + sizeof buffer, *number).ptr;
        number_param = PgParam(std::string(buffer, end));
      }
      RAPPORT_TRY(conn.exec(sql({"INSERT INTO ", tables.custom,
                                 " (record_id, key, value, number) VALUES ($1, $2, $3, $4)"}),
                            {id, key, custom_index_text(definition->type, value), number_param}));
    }
  }
  RAPPORT_TRY(conn.exec(sql({"INSERT INTO ", tables.search, " (record_id, body) VALUES ($1, $2)"}),
                        {id, index.search_body}));
  for (const std::string& gram : name_grams(index.names)) {
    RAPPORT_TRY(conn.exec(sql({"INSERT INTO ", tables.grams, " (gram, record_id) VALUES ($1, $2)"}),
                          {gram, id}));
  }
  return core::ok_status();
}

core::Status erase_record(PgConnection& conn, const PgRecordTables& tables, core::Id id) {
  for (std::string_view table : {tables.search, tables.grams}) {
    RAPPORT_TRY(conn.exec(sql({"DELETE FROM ", table, " WHERE record_id = $1"}), {id}));
  }
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn.exec(sql({"DELETE FROM ", tables.records, " WHERE id = $1"}), {id}));
  if (rows.affected_rows() == 0) {
    return core::Error::not_found(std::string(tables.noun) + " not found");
  }
  return core::ok_status();
}

}  // namespace rapport::store::postgres
