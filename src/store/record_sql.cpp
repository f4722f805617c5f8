// The generic record statements, spelled from the descriptor with the engine's placeholders.
#include "store/record_sql.hpp"

#include "core/collation.hpp"
#include "core/timestamp.hpp"

namespace rapport::store {

namespace {

constexpr std::string_view kTrailing =
    "t.doc, t.version, t.created_at, t.created_by, t.updated_at, t.updated_by, t.deleted_at";

std::string table_of(core::RecordKind kind) { return std::string(core::describe(kind).table); }

Cell actor_cell(const Stamp& stamp) { return stamp.actor ? Cell(*stamp.actor) : Cell(); }

// Appends `value` to the statement's parameters; returns its placeholder.
std::string add(RecordStatement& statement, const SqlDialect& dialect, Cell value) {
  statement.params.push_back(std::move(value));
  return dialect.placeholder(statement.params.size());
}

// "column = placeholder" for every stored column of `row` and the sort key of each that has
// one, in stored_fields() order.
std::vector<std::pair<std::string, std::string>> assignments(RecordStatement& statement,
                                                             const SqlDialect& dialect,
                                                             const RecordRow& row) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto fields = stored_fields(row.kind);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out.emplace_back(std::string(fields[i]->column), add(statement, dialect, row.cells[i]));
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i]->sort_column.empty()) continue;
    std::string key = core::collation_key(row.text(fields[i]->name));
    out.emplace_back(std::string(fields[i]->sort_column), add(statement, dialect, std::move(key)));
  }
  return out;
}

}  // namespace

std::string select_columns(core::RecordKind kind) {
  std::string out = "t.id";
  for (const core::FieldDescriptor* f : stored_fields(kind)) out += ", t." + std::string(f->column);
  return out + ", " + std::string(kTrailing);
}

int selected_column_count(core::RecordKind kind) {
  return 1 + static_cast<int>(stored_fields(kind).size()) + kTrailingColumns;
}

RecordStatement insert_statement(const SqlDialect& dialect, const RecordRow& row,
                                 const Stamp& stamp) {
  RecordStatement s;
  std::string columns, values;
  for (auto& [column, placeholder] : assignments(s, dialect, row)) {
    columns += column + ", ";
    values += placeholder + ", ";
  }
  const std::string doc = add(s, dialect, row.doc);
  const std::string now = add(s, dialect, core::to_millis(stamp.now));
  const std::string actor = add(s, dialect, actor_cell(stamp));
  s.sql = "INSERT INTO " + table_of(row.kind) + " (" + columns +
          "doc, version, created_at, created_by, updated_at, updated_by) VALUES (" + values + doc +
          ", 1, " + now + ", " + actor + ", " + now + ", " + actor + ") RETURNING id";
  return s;
}

RecordStatement update_statement(const SqlDialect& dialect, const RecordRow& row,
                                 const Stamp& stamp) {
  RecordStatement s;
  std::string sets;
  for (auto& [column, placeholder] : assignments(s, dialect, row)) {
    sets += column + " = " + placeholder + ", ";
  }
  sets += "doc = " + add(s, dialect, row.doc);
  sets += ", version = version + 1, updated_at = " + add(s, dialect, core::to_millis(stamp.now));
  sets += ", updated_by = " + add(s, dialect, actor_cell(stamp));
  const std::string id = add(s, dialect, row.id);
  const std::string version = add(s, dialect, row.meta.version);
  s.sql = "UPDATE " + table_of(row.kind) + " SET " + sets + " WHERE id = " + id +
          " AND version = " + version + " AND deleted_at IS NULL";
  return s;
}

RecordStatement move_statement(const SqlDialect& dialect, core::RecordKind kind, core::Id id,
                               std::int64_t expected_version, Shelf to, const Stamp& stamp) {
  RecordStatement s;
  const bool to_trash = to == Shelf::kTrash;
  const std::string now = add(s, dialect, core::to_millis(stamp.now));
  const std::string actor = add(s, dialect, actor_cell(stamp));
  const std::string key = add(s, dialect, id);
  const std::string version = add(s, dialect, expected_version);
  s.sql = "UPDATE " + table_of(kind) + " SET deleted_at = " + (to_trash ? now : "NULL") +
          ", version = version + 1, updated_at = " + now + ", updated_by = " + actor +
          " WHERE id = " + key + " AND version = " + version + " AND deleted_at IS " +
          (to_trash ? "NULL" : "NOT NULL");
  return s;
}

RecordStatement derived_columns_statement(const SqlDialect& dialect, const RecordRow& row) {
  RecordStatement s;
  std::string sets;
  for (auto& [column, placeholder] : assignments(s, dialect, row)) {
    sets += (sets.empty() ? "" : ", ") + column + " = " + placeholder;
  }
  if (sets.empty()) return s;
  s.sql =
      "UPDATE " + table_of(row.kind) + " SET " + sets + " WHERE id = " + add(s, dialect, row.id);
  return s;
}

std::vector<Reference> references(const RecordRow& row) {
  std::vector<Reference> out;
  const auto fields = stored_fields(row.kind);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i]->type != core::FieldType::kRecord) continue;
    if (const auto* id = std::get_if<std::int64_t>(&row.cells[i])) out.push_back({fields[i], *id});
  }
  return out;
}

}  // namespace rapport::store
