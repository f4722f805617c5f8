// SqliteCustomerStore, custom field definitions and the shared version/trash helpers.
#include "store/sqlite/sqlite_customer_store.hpp"

#include <string>

#include "core/kind_descriptor.hpp"
#include "store/constraint_errors.hpp"
#include "store/customer_codec.hpp"
#include "store/record_errors.hpp"
#include "store/sqlite/sqlite_migrations.hpp"

namespace rapport::store::sqlite {

namespace {

constexpr std::string_view kFieldColumns = "id, entity, key, doc, version, created_at, updated_at";

core::Result<core::CustomFieldDefinition> read_definition(const Statement& s) {
  core::CustomFieldDefinition d;
  d.id = s.int64_at(0);
  RAPPORT_ASSIGN_OR_RETURN(d.entity, core::parse_record_kind(s.text_at(1), "entity"));
  d.key = s.text_at(2);
  RAPPORT_TRY(read_custom_field_doc(s.text_at(3), d));
  d.version = s.int64_at(4);
  d.created_at = core::from_millis(s.int64_at(5));
  d.updated_at = core::from_millis(s.int64_at(6));
  return d;
}

core::Result<core::CustomFieldDefinition> find_definition(SqliteConnection& conn, core::Id id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn.prepare("SELECT " + std::string(kFieldColumns) +
                                                     " FROM custom_fields WHERE id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, id).step());
  if (!row) return custom_field_not_found();
  return read_definition(s);
}

// The table of a kind's custom values: every kind's derived tables are named after it.
std::string custom_table(core::RecordKind kind) {
  return std::string(core::to_string(kind)) + "_custom";
}

}  // namespace

core::Result<std::unique_ptr<SqliteCustomerStore>> SqliteCustomerStore::open(
    const std::string& path) {
  RAPPORT_ASSIGN_OR_RETURN(auto db, SqliteDatabase::open(path));
  return std::unique_ptr<SqliteCustomerStore>(new SqliteCustomerStore(std::move(db)));
}

core::Result<int> SqliteCustomerStore::migrate() {
  int version = 0;
  RAPPORT_TRY(db_->exclusive([&](SqliteConnection& conn) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(version, sqlite::migrate(conn));
    return {};
  }));
  return version;
}

core::Status SqliteCustomerStore::compact() {
  RAPPORT_TRY(db_->exclusive([](SqliteConnection& conn) -> core::Status {
    for (core::RecordKind kind : core::kRecordKinds) {
      const std::string& search = kind_tables(kind).search;
      RAPPORT_TRY(conn.exec("INSERT INTO " + search + "(" + search + ") VALUES ('optimize')"));
    }
    return conn.exec("VACUUM");
  }));
  return db_->checkpoint();
}

core::Result<int> SqliteCustomerStore::schema_version() {
  int version = 0;
  RAPPORT_TRY(db_->exclusive([&](SqliteConnection& conn) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(version, sqlite::schema_version(conn));
    return {};
  }));
  return version;
}

int SqliteCustomerStore::latest_schema_version() const { return sqlite::latest_schema_version(); }

core::Status SqliteCustomerStore::transact(const std::function<core::Status(CustomerTx&)>& work) {
  return db_->write([&](SqliteConnection& conn) {
    SqliteCustomerTx tx(conn);
    return work(tx);
  });
}

core::Status SqliteCustomerStore::read(const std::function<core::Status(CustomerTx&)>& work) {
  return db_->read([&](SqliteConnection& conn) {
    SqliteCustomerTx tx(conn);
    return work(tx);
  });
}

core::Error SqliteCustomerTx::unchanged(core::RecordKind kind, core::Id id,
                                        std::int64_t expected_version, bool want_live) {
  auto s = conn_.prepare("SELECT version FROM " + std::string(core::describe(kind).table) +
                         " WHERE id = ?1");
  if (!s.ok()) return std::move(s).error();
  auto row = s->bind(1, id).step();
  if (!row.ok()) return std::move(row).error();
  return unchanged_record(kind, *row, *row ? s->int64_at(0) : 0, expected_version, want_live);
}

core::Status SqliteCustomerTx::set_trashed(core::RecordKind kind, core::Id id,
                                           std::int64_t expected_version, const Stamp& stamp,
                                           bool trash) {
  std::string sql = "UPDATE " + std::string(core::describe(kind).table) +
                    " SET deleted_at = ?1, version = version + 1, updated_at = ?2, "
                    "updated_by = ?3 WHERE id = ?4 AND version = ?5 AND deleted_at IS " +
                    (trash ? "NULL" : "NOT NULL");
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare(sql));
  if (trash)
    s.bind(1, core::to_millis(stamp.now));
  else
    s.bind_null(1);
  s.bind(2, core::to_millis(stamp.now)).bind(3, stamp.actor).bind(4, id).bind(5, expected_version);
  RAPPORT_TRY(s.run());
  if (conn_.changes() == 0) return unchanged(kind, id, expected_version, trash);
  return {};
}

core::Result<core::CustomFieldDefinition> SqliteCustomerTx::create_custom_field(
    const core::CustomFieldDefinition& d, const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("INSERT INTO custom_fields (entity, key, doc, version, "
                                         "created_at, updated_at) VALUES (?1, ?2, ?3, 1, ?4, ?4)"));
  s.bind(1, core::to_string(d.entity)).bind(2, std::string_view(d.key));
  s.bind(3, custom_field_doc(d)).bind(4, core::to_millis(stamp.now));
  core::Status inserted = s.run();
  if (!inserted.ok()) {
    if (inserted.error().kind == core::ErrorKind::kConflict) {
      return unique_violation("custom_fields");
    }
    return std::move(inserted).error();
  }
  return find_definition(conn_, conn_.last_insert_rowid());
}

core::Result<core::CustomFieldDefinition> SqliteCustomerTx::update_custom_field(
    const core::CustomFieldDefinition& d, const Stamp& stamp) {
  RAPPORT_ASSIGN_OR_RETURN(core::CustomFieldDefinition current, find_definition(conn_, d.id));
  std::vector<core::FieldError> fixed;
  if (current.entity != d.entity) fixed.push_back({"entity", "cannot change"});
  if (current.key != d.key) fixed.push_back({"key", "cannot change"});
  if (current.type != d.type) fixed.push_back({"type", "cannot change"});
  if (!fixed.empty()) return custom_field_identity_changed(std::move(fixed));
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("UPDATE custom_fields SET doc = ?1, version = version + "
                                         "1, updated_at = ?2 WHERE id = ?3 AND version = ?4"));
  s.bind(1, custom_field_doc(d)).bind(2, core::to_millis(stamp.now)).bind(3, d.id);
  RAPPORT_TRY(s.bind(4, d.version).run());
  if (conn_.changes() == 0) return stale_custom_field();
  return find_definition(conn_, d.id);
}

core::Status SqliteCustomerTx::delete_custom_field(core::Id id, std::int64_t expected_version) {
  RAPPORT_ASSIGN_OR_RETURN(core::CustomFieldDefinition d, find_definition(conn_, id));
  if (d.version != expected_version) return stale_custom_field();
  std::string records(core::describe(d.entity).table);
  std::string values = custom_table(d.entity);
  std::vector<core::Id> holders;
  {
    RAPPORT_ASSIGN_OR_RETURN(Statement s,
                             conn_.prepare("SELECT record_id FROM " + values + " WHERE key = ?1"));
    s.bind(1, std::string_view(d.key));
    for (;;) {
      RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
      if (!row) break;
      holders.push_back(s.int64_at(0));
    }
  }
  // Keys are [a-z0-9_], so the JSON path needs no quoting.
  RAPPORT_ASSIGN_OR_RETURN(
      Statement strip,
      conn_.prepare("UPDATE " + records + " SET doc = json_remove(doc, ?1) WHERE id IN (SELECT " +
                    "record_id FROM " + values + " WHERE key = ?2)"));
  RAPPORT_TRY(strip.bind(1, "$.custom." + d.key).bind(2, std::string_view(d.key)).run());
  RAPPORT_ASSIGN_OR_RETURN(Statement drop,
                           conn_.prepare("DELETE FROM " + values + " WHERE key = ?1"));
  RAPPORT_TRY(drop.bind(1, std::string_view(d.key)).run());
  RAPPORT_ASSIGN_OR_RETURN(Statement del, conn_.prepare("DELETE FROM custom_fields WHERE id = ?1"));
  RAPPORT_TRY(del.bind(1, id).run());
  // The values were part of each holder's search text: rebuild it without them.
  for (core::Id holder : holders) {
    RAPPORT_TRY(reindex(d.entity, holder));
  }
  return {};
}

core::Result<std::int64_t> SqliteCustomerTx::count_option_uses(
    const core::CustomFieldDefinition& d, const std::string& option) {
  std::string values = custom_table(d.entity);
  // A multi select's value is the JSON array of its choices. The alias matters: inside the
  // subquery an unqualified `value` would be json_each's own column.
  std::string match =
      d.type == core::CustomFieldType::kMultiSelect
          ? "EXISTS (SELECT 1 FROM json_each(v.value) AS choice WHERE choice.value = ?2)"
          : "v.value = ?2";
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("SELECT count(*) FROM " + values + " AS v WHERE v.key = ?1 AND " + match));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, std::string_view(d.key)).bind(2, option).step());
  return row ? s.int64_at(0) : 0;
}

core::Result<std::vector<CustomDuplicate>> SqliteCustomerTx::custom_duplicates(
    const core::CustomFieldDefinition& d, int limit) {
  std::string values = custom_table(d.entity);
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("SELECT value, record_id FROM " + values +
                    " WHERE key = ?1 AND value IN (SELECT value FROM " + values +
                    " WHERE key = ?1 GROUP BY value HAVING count(*) > 1 ORDER BY value LIMIT ?2)"
                    " ORDER BY value, record_id"));
  s.bind(1, std::string_view(d.key)).bind(2, static_cast<std::int64_t>(limit));
  std::vector<CustomDuplicate> out;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return out;
    std::string value = s.text_at(0);
    if (out.empty() || out.back().value != value) out.push_back({std::move(value), {}});
    if (out.back().record_ids.size() < CustomDuplicate::kMaxDuplicateIds) {
      out.back().record_ids.push_back(s.int64_at(1));
    }
  }
}

core::Result<std::vector<core::CustomFieldDefinition>> SqliteCustomerTx::list_custom_fields(
    core::RecordKind entity) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("SELECT " + std::string(kFieldColumns) +
                                         " FROM custom_fields WHERE entity = ?1 ORDER BY id"));
  s.bind(1, core::to_string(entity));
  std::vector<core::CustomFieldDefinition> out;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return out;
    RAPPORT_ASSIGN_OR_RETURN(core::CustomFieldDefinition d, read_definition(s));
    out.push_back(std::move(d));
  }
}

core::Result<std::optional<std::string>> SqliteCustomerTx::get_setting(std::string_view key) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("SELECT value FROM settings WHERE key = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, key).step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(s.text_at(0));
}

core::Status SqliteCustomerTx::set_setting(std::string_view key, std::string_view value) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("INSERT INTO settings (key, value) VALUES (?1, ?2)"
                                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
  return s.bind(1, key).bind(2, value).run();
}

core::Status SqliteCustomerTx::erase_setting(std::string_view key) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("DELETE FROM settings WHERE key = ?1"));
  return s.bind(1, key).run();
}

}  // namespace rapport::store::sqlite
