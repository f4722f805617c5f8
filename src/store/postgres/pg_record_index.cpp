// Custom field definitions and index rows shared by every kind of record in PostgreSQL.
#include "store/postgres/pg_record_index.hpp"

#include <charconv>
#include <optional>
#include <set>
#include <vector>

#include "store/customer_codec.hpp"
#include "store/postgres/pg_array.hpp"
#include "store/record_errors.hpp"
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

core::Result<std::vector<core::CustomFieldDefinition>> load_definitions(PgConnection& conn,
                                                                        core::RecordKind entity) {
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

core::Status check_unique_custom(PgConnection& conn, const KindTables& tables, core::Id id,
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
    // The record may be one the caller cannot see: the answer says only that the value is
    // taken, never which record holds it (docs/security.md).
    if (rows.rows() > 0) {
      return core::Error{core::ErrorKind::kConflict,
                         "custom/" + key + ": this value is already in use",
                         {{"custom/" + key, "this value is already in use"}}};
    }
  }
  return core::ok_status();
}

// Two round trips whatever the record holds: one statement removes the old index rows, one
// inserts the new ones, lists passed as arrays. (Per-row statements made a contact create cost
// some twenty round trips.) They cannot share one statement: the sub-statements of a WITH run
// on one snapshot in no set order, so a re-inserted tag could meet its old row.
core::Status write_index(PgConnection& conn, const KindTables& tables, core::Id id,
                         const RecordIndex& index,
                         const std::vector<core::CustomFieldDefinition>& definitions) {
  RAPPORT_TRY(conn.exec(
      sql({"WITH t AS (DELETE FROM ", tables.tags, " WHERE record_id = $1), c AS (DELETE FROM ",
           tables.custom, " WHERE record_id = $1), s AS (DELETE FROM ", tables.search,
           " WHERE record_id = $1) DELETE FROM ", tables.grams, " WHERE record_id = $1"}),
      {id}));
  std::set<std::string> tag_set(index.tags.begin(), index.tags.end());
  std::vector<std::optional<std::string>> tags(tag_set.begin(), tag_set.end());
  std::vector<std::optional<std::string>> keys, values, numbers, sort_keys;
  for (const auto& [key, value] : index.custom) {
    const auto* definition = find_definition(definitions, key);
    if (definition == nullptr) continue;
    keys.emplace_back(key);
    values.emplace_back(custom_index_text(definition->type, value));
    sort_keys.emplace_back(core::custom_sort_key(definition->type, value));
    std::optional<double> number = core::custom_sort_number(definition->type, value);
    if (number) {
      char buffer[32];  // shortest text that reads back as the same double
      auto end = std::to_chars(buffer, buffer + sizeof buffer, *number).ptr;
      numbers.emplace_back(std::string(buffer, end));
    } else {
      numbers.emplace_back(std::nullopt);
    }
  }
  std::set<std::string> gram_set = search_grams(index.names, index.body);
  std::vector<std::optional<std::string>> grams(gram_set.begin(), gram_set.end());
  RAPPORT_TRY(conn.exec(
      sql({"WITH t AS (INSERT INTO ", tables.tags,
           " (tag, record_id) SELECT tag, $1 FROM unnest($2::text[]) AS tag), c AS (INSERT INTO ",
           tables.custom,
           " (record_id, key, value, number, sort_key) SELECT $1, k, v, n, o FROM unnest("
           "$3::text[], $4::text[], $5::float8[], $8::text[]) AS x(k, v, n, o)), g AS (INSERT "
           "INTO ",
           tables.grams, " (gram, record_id) SELECT gram, $1 FROM unnest($6::text[]) AS gram)",
           " INSERT INTO ", tables.search, " (record_id, body) VALUES ($1, $7)"}),
      {id, array_literal(tags), array_literal(keys), array_literal(values), array_literal(numbers),
       array_literal(grams), index.body, array_literal(sort_keys)}));
  if (tables.places.empty()) return core::ok_status();
  std::vector<std::optional<std::string>> cities, countries;
  for (const Place& place : index.places) {
    cities.emplace_back(place.city);
    countries.emplace_back(place.country);
  }
  RAPPORT_TRY(conn.exec(sql({"WITH d AS (DELETE FROM ", tables.places,
                             " WHERE record_id = $1) INSERT INTO ", tables.places,
                             " (record_id, city, country) SELECT $1, c, k"
                             " FROM unnest($2::text[], $3::text[]) AS x(c, k)"}),
                        {id, array_literal(cities), array_literal(countries)}));
  return core::ok_status();
}

core::Status erase_record_rows(PgConnection& conn, const KindTables& tables, core::Id id) {
  for (std::string_view table : {tables.search, tables.grams}) {
    RAPPORT_TRY(conn.exec(sql({"DELETE FROM ", table, " WHERE record_id = $1"}), {id}));
  }
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn.exec(sql({"DELETE FROM ", tables.records, " WHERE id = $1"}), {id}));
  if (rows.affected_rows() == 0) return record_not_found(tables.kind);
  return core::ok_status();
}

}  // namespace rapport::store::postgres
