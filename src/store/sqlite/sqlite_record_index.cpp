// Maintains tags, custom value rows and search rows.
#include "store/sqlite/sqlite_record_index.hpp"

#include <algorithm>

#include "store/customer_codec.hpp"
#include "store/search_document.hpp"

namespace rapport::store::sqlite {

namespace {

const core::CustomFieldDefinition* find(const std::vector<core::CustomFieldDefinition>& defs,
                                        const std::string& key) {
  auto it = std::find_if(defs.begin(), defs.end(),
                         [&](const core::CustomFieldDefinition& d) { return d.key == key; });
  return it == defs.end() ? nullptr : &*it;
}

// The text stored in the `value` column: choices as a JSON array, money as its minor units and
// code, everything else its canonical text.
std::string stored_value(const core::CustomFieldDefinition& d, const core::CustomValue& v) {
  if (d.type == core::CustomFieldType::kMultiSelect) return choices_json(v.choices);
  if (d.type == core::CustomFieldType::kMoney && v.money) {
    return std::to_string(v.money->minor_units) + " " + v.money->currency;
  }
  return v.text;
}

core::Status exec_for_id(SqliteConnection& conn, const std::string& sql, core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn.prepare(sql));
  return s.bind(1, id).run();
}

}  // namespace

core::Status check_unique_custom(SqliteConnection& conn, const KindTables& tables, core::Id id,
                                 const core::CustomValues& values,
                                 const std::vector<core::CustomFieldDefinition>& definitions) {
  for (const auto& [key, value] : values) {
    const auto* d = find(definitions, key);
    if (d == nullptr || !d->unique) continue;
    RAPPORT_ASSIGN_OR_RETURN(
        Statement s, conn.prepare("SELECT 1 FROM " + std::string(tables.custom) +
                                  " WHERE key = ?1 AND value = ?2 AND record_id <> ?3 LIMIT 1"));
    RAPPORT_ASSIGN_OR_RETURN(
        bool taken,
        s.bind(1, std::string_view(key)).bind(2, stored_value(*d, value)).bind(3, id).step());
    // The record may be one the caller cannot see: the answer says only that the value is
    // taken, never which record holds it (docs/security.md).
    if (taken) {
      return core::Error{core::ErrorKind::kConflict,
                         "custom/" + key + ": this value is already in use",
                         {{"custom/" + key, "this value is already in use"}}};
    }
  }
  return {};
}

core::Status write_index(SqliteConnection& conn, const KindTables& tables, core::Id id,
                         const RecordIndex& index,
                         const std::vector<core::CustomFieldDefinition>& definitions, bool fresh) {
  std::string tags(tables.tags), custom(tables.custom), search(tables.search), grams(tables.grams);
  if (!fresh) {
    RAPPORT_TRY(exec_for_id(conn, "DELETE FROM " + tags + " WHERE record_id = ?1", id));
    RAPPORT_TRY(exec_for_id(conn, "DELETE FROM " + custom + " WHERE record_id = ?1", id));
    RAPPORT_TRY(erase_search_rows(conn, tables, id));
    if (!tables.places.empty()) {
      RAPPORT_TRY(exec_for_id(conn, "DELETE FROM " + tables.places + " WHERE record_id = ?1", id));
    }
  }
  for (const auto& tag : index.tags) {
    RAPPORT_ASSIGN_OR_RETURN(
        Statement s, conn.prepare("INSERT INTO " + tags + " (tag, record_id) VALUES (?1, ?2)"));
    RAPPORT_TRY(s.bind(1, std::string_view(tag)).bind(2, id).run());
  }
  for (const auto& [key, value] : index.custom) {
    const auto* d = find(definitions, key);
    if (d == nullptr) continue;
    RAPPORT_ASSIGN_OR_RETURN(
        Statement s,
        conn.prepare("INSERT INTO " + custom +
                     " (record_id, key, value, number, sort_key) VALUES (?1, ?2, ?3, ?4, ?5)"));
    s.bind(1, id).bind(2, std::string_view(key)).bind(3, stored_value(*d, value));
    s.bind(5, core::custom_sort_key(d->type, value));
    if (auto n = core::custom_sort_number(d->type, value))
      s.bind(4, *n);
    else
      s.bind_null(4);
    RAPPORT_TRY(s.run());
  }
  conn.search_rows().put(search, id, index.body, fresh);
  for (const auto& gram : search_grams(index.names, index.body)) {
    RAPPORT_ASSIGN_OR_RETURN(
        Statement s, conn.prepare("INSERT INTO " + grams + " (gram, record_id) VALUES (?1, ?2)"));
    RAPPORT_TRY(s.bind(1, std::string_view(gram)).bind(2, id).run());
  }
  for (const Place& place : index.places) {
    RAPPORT_ASSIGN_OR_RETURN(Statement s, conn.prepare("INSERT INTO " + tables.places +
                                                       " (record_id, city, country) VALUES "
                                                       "(?1, ?2, ?3)"));
    RAPPORT_TRY(s.bind(1, id).bind(2, place.city).bind(3, place.country).run());
  }
  return {};
}

core::Status erase_search_rows(SqliteConnection& conn, const KindTables& tables, core::Id id) {
  conn.search_rows().remove(tables.search, id);
  return exec_for_id(conn, "DELETE FROM " + std::string(tables.grams) + " WHERE record_id = ?1",
                     id);
}

}  // namespace rapport::store::sqlite
