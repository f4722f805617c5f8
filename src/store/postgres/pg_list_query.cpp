// The PostgreSQL list statement builder: allowlisted fields, bound operands, keyset paging.
#include "store/postgres/pg_list_query.hpp"

#include <charconv>
#include <optional>

#include "core/timestamp.hpp"
#include "store/cursor.hpp"
#include "store/search_document.hpp"

namespace rapport::store::postgres {

namespace {

core::Error bad(std::string_view field, std::string message) {
  return core::Error::field(std::string(field), std::move(message));
}

// Collects WHERE conditions and their bound parameters.
class Builder {
 public:
  std::string bind(PgParam param) {
    params_.push_back(std::move(param));
    return "$" + std::to_string(params_.size());
  }
  void where(std::string condition) { conditions_.push_back(std::move(condition)); }
  std::string where_clause() const {
    std::string text;
    for (const std::string& condition : conditions_) {
      text += text.empty() ? " WHERE " : " AND ";
      text += "(" + condition + ")";
    }
    return text;
  }
  std::vector<PgParam> take_params() { return std::move(params_); }

 private:
  std::vector<PgParam> params_;
  std::vector<std::string> conditions_;
};

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return number;
}

// A filter operand as the column's parameter, or kInvalid.
core::Result<PgParam> operand(const ListField& field, const std::string& value) {
  switch (field.kind) {
    case FieldKind::kText:
      return PgParam(value);
    case FieldKind::kId: {
      auto number = parse_integer(value);
      if (!number) return bad("filter", std::string(field.name) + " needs an integer id");
      return PgParam(*number);
    }
    case FieldKind::kMillis: {
      auto time = core::parse_timestamp(value);
      if (!time.ok()) time = core::parse_date(value);
      if (!time.ok()) return bad("filter", std::string(field.name) + " needs an RFC 3339 time");
      return PgParam(core::to_millis(*time));
    }
  }
  return bad("filter", "unsupported field");
}

core::Result<bool> empty_flag(const core::Filter& filter) {
  if (filter.values.size() == 1 && filter.values[0] == "true") return true;
  if (filter.values.size() == 1 && filter.values[0] == "false") return false;
  return bad("filter", filter.field + ": empty takes true or false");
}

core::Status need_values(const core::Filter& filter) {
  if (filter.values.empty()) return bad("filter", filter.field + ": a value is required");
  if (filter.op != core::FilterOp::kIn && filter.values.size() != 1) {
    return bad("filter", filter.field + ": one value expected");
  }
  return core::ok_status();
}

std::string text_expr(const ListField& field) {
  std::string column = "r." + std::string(field.column);
  return field.kind == FieldKind::kText ? column + " COLLATE \"C\"" : column;
}

core::Status standard_filter(Builder& builder, const ListField& field, const core::Filter& filter) {
  std::string column = text_expr(field);
  if (filter.op == core::FilterOp::kEmpty) {
    RAPPORT_ASSIGN_OR_RETURN(bool empty, empty_flag(filter));
    if (field.kind == FieldKind::kText) {
      builder.where(column + (empty ? " = ''" : " <> ''"));
    } else {
      builder.where(column + (empty ? " IS NULL" : " IS NOT NULL"));
    }
    return core::ok_status();
  }
  RAPPORT_TRY(need_values(filter));
  switch (filter.op) {
    case core::FilterOp::kEq:
    case core::FilterOp::kNe:
    case core::FilterOp::kLt:
    case core::FilterOp::kGt: {
      RAPPORT_ASSIGN_OR_RETURN(PgParam value, operand(field, filter.values[0]));
      std::string_view op = filter.op == core::FilterOp::kEq   ? " = "
                            : filter.op == core::FilterOp::kNe ? " IS DISTINCT FROM "
                            : filter.op == core::FilterOp::kLt ? " < "
                                                               : " > ";
      builder.where(column + std::string(op) + builder.bind(std::move(value)));
      return core::ok_status();
    }
    case core::FilterOp::kIn: {
      std::string list;
      for (const std::string& text : filter.values) {
        RAPPORT_ASSIGN_OR_RETURN(PgParam value, operand(field, text));
        list += (list.empty() ? "" : ", ") + builder.bind(std::move(value));
      }
      builder.where(column + " IN (" + list + ")");
      return core::ok_status();
    }
    case core::FilterOp::kContains:
      if (field.kind != FieldKind::kText) {
        return bad("filter", filter.field + ": contains applies to text fields");
      }
      builder.where("strpos(r." + std::string(field.column) + ", " +
                    builder.bind(filter.values[0]) + ") > 0");
      return core::ok_status();
    case core::FilterOp::kEmpty:
      break;
  }
  return bad("filter", filter.field + ": unsupported operator");
}

core::Status tag_filter(Builder& builder, const PgRecordTables& tables,
                        const core::Filter& filter) {
  std::string any = "SELECT 1 FROM " + std::string(tables.tags) + " t WHERE t.record_id = r.id";
  if (filter.op == core::FilterOp::kEmpty) {
    RAPPORT_ASSIGN_OR_RETURN(bool empty, empty_flag(filter));
    builder.where((empty ? "NOT EXISTS (" : "EXISTS (") + any + ")");
    return core::ok_status();
  }
  RAPPORT_TRY(need_values(filter));
  switch (filter.op) {
    case core::FilterOp::kEq:
      builder.where("EXISTS (" + any + " AND t.tag = " + builder.bind(filter.values[0]) + ")");
      return core::ok_status();
    case core::FilterOp::kNe:
      builder.where("NOT EXISTS (" + any + " AND t.tag = " + builder.bind(filter.values[0]) + ")");
      return core::ok_status();
    case core::FilterOp::kIn: {
      std::string list;
      for (const std::string& tag : filter.values)
        list += (list.empty() ? "" : ", ") + builder.bind(tag);
      builder.where("EXISTS (" + any + " AND t.tag IN (" + list + "))");
      return core::ok_status();
    }
    case core::FilterOp::kContains:
      builder.where("EXISTS (" + any + " AND strpos(t.tag, " + builder.bind(filter.values[0]) +
                    ") > 0)");
      return core::ok_status();
    default:
      return bad("filter", "tags: unsupported operator");
  }
}

bool is_numeric(core::CustomFieldType type) {
  using T = core::CustomFieldType;
  return type == T::kNumber || type == T::kMoney || type == T::kDate || type == T::kDateTime;
}

// A custom filter operand in the form the custom index table holds: its number for numeric
// types, otherwise its canonical text.
core::Result<PgParam> custom_operand(const core::CustomFieldDefinition& definition,
                                     const std::string& text, const std::string& field) {
  if (definition.type == core::CustomFieldType::kMoney) {
    auto minor = parse_integer(text);
    if (!minor) return bad("filter", field + ": money filters take minor units");
    return PgParam(*minor);
  }
  if (definition.type == core::CustomFieldType::kMultiSelect) return PgParam(text);
  core::CustomValue value{text, {}, std::nullopt};
  RAPPORT_TRY(core::normalize_custom_value(definition, value, "ZZ", "filter"));
  if (is_numeric(definition.type)) {
    auto number = core::custom_sort_number(definition.type, value);
    if (!number) return bad("filter", field + ": not a number");
    char buffer[32];  // shortest text that reads back as the same double
    auto end = std::to_chars(buffer, buffer + sizeof buffer, *number).ptr;
    return PgParam(std::string(buffer, end));
  }
  return PgParam(custom_index_text(definition.type, value));
}

core::Status custom_filter(Builder& builder, const PgRecordTables& tables,
                           const core::Filter& filter,
                           const std::vector<core::CustomFieldDefinition>& definitions) {
  std::string key = filter.field.substr(std::string_view("custom.").size());
  const core::CustomFieldDefinition* definition = nullptr;
  for (const auto& candidate : definitions) {
    if (candidate.key == key) definition = &candidate;
  }
  if (definition == nullptr) return bad("filter", filter.field + ": no such custom field");
  std::string any = "SELECT 1 FROM " + std::string(tables.custom) +
                    " v WHERE v.record_id = r.id AND v.key = " + builder.bind(key);
  if (filter.op == core::FilterOp::kEmpty) {
    RAPPORT_ASSIGN_OR_RETURN(bool empty, empty_flag(filter));
    builder.where((empty ? "NOT EXISTS (" : "EXISTS (") + any + ")");
    return core::ok_status();
  }
  RAPPORT_TRY(need_values(filter));
  bool numeric = is_numeric(definition->type);
  bool multi = definition->type == core::CustomFieldType::kMultiSelect;
  std::string target = numeric ? "v.number" : "v.value";
  auto match = [&](const std::string& text) -> core::Result<std::string> {
    RAPPORT_ASSIGN_OR_RETURN(PgParam value, custom_operand(*definition, text, filter.field));
    if (multi) return "v.value::jsonb ? " + builder.bind(std::move(value));
    return target + " = " + builder.bind(std::move(value)) + (numeric ? "::double precision" : "");
  };
  switch (filter.op) {
    case core::FilterOp::kEq: {
      RAPPORT_ASSIGN_OR_RETURN(std::string condition, match(filter.values[0]));
      builder.where("EXISTS (" + any + " AND " + condition + ")");
      return core::ok_status();
    }
    case core::FilterOp::kNe: {
      RAPPORT_ASSIGN_OR_RETURN(std::string condition, match(filter.values[0]));
      builder.where("NOT EXISTS (" + any + " AND " + condition + ")");
      return core::ok_status();
    }
    case core::FilterOp::kIn: {
      std::string any_of;
      for (const std::string& text : filter.values) {
        RAPPORT_ASSIGN_OR_RETURN(std::string condition, match(text));
        any_of += (any_of.empty() ? "" : " OR ") + condition;
      }
      builder.where("EXISTS (" + any + " AND (" + any_of + "))");
      return core::ok_status();
    }
    case core::FilterOp::kLt:
    case core::FilterOp::kGt: {
      if (multi || definition->type == core::CustomFieldType::kBoolean) {
        return bad("filter", filter.field + ": no order on this field type");
      }
      RAPPORT_ASSIGN_OR_RETURN(PgParam value,
                               custom_operand(*definition, filter.values[0], filter.field));
      std::string op = filter.op == core::FilterOp::kLt ? " < " : " > ";
      std::string bound = builder.bind(std::move(value));
      builder.where("EXISTS (" + any + " AND " + target + op + bound +
                    (numeric ? "::double precision" : " COLLATE \"C\"") + ")");
      return core::ok_status();
    }
    case core::FilterOp::kContains: {
      if (numeric || multi) return bad("filter", filter.field + ": contains applies to text");
      builder.where("EXISTS (" + any + " AND strpos(v.value, " + builder.bind(filter.values[0]) +
                    ") > 0)");
      return core::ok_status();
    }
    case core::FilterOp::kEmpty:
      break;
  }
  return bad("filter", filter.field + ": unsupported operator");
}

std::string like_pattern(std::string_view phrase) {
  std::string pattern = "%";
  for (char c : phrase) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

core::Status search_filter(Builder& builder, const PgRecordTables& tables, std::string_view q) {
  RAPPORT_ASSIGN_OR_RETURN(SearchPlan plan, plan_search(q));
  if (plan.empty()) return core::ok_status();
  if (!plan.phrases.empty()) {
    // Every phrase is three code points or more, so the trigram index serves each LIKE.
    std::string condition;
    for (const std::string& phrase : plan.phrases) {
      condition += (condition.empty() ? "" : " AND ") + std::string("s.body LIKE ") +
                   builder.bind(like_pattern(phrase));
    }
    builder.where("r.id IN (SELECT s.record_id FROM " + std::string(tables.search) + " s WHERE " +
                  condition + ")");
    return core::ok_status();
  }
  for (const std::string& gram : plan.grams) {
    builder.where("r.id IN (SELECT g.record_id FROM " + std::string(tables.grams) +
                  " g WHERE g.gram = " + builder.bind(gram) + ")");
  }
  return core::ok_status();
}

core::Status scope_filter(Builder& builder, const RecordScope& scope) {
  if (scope.kind == RecordScope::Kind::kAll) return core::ok_status();
  if (scope.ids.empty()) {
    builder.where("FALSE");
    return core::ok_status();
  }
  std::string list;
  for (core::Id id : scope.ids) list += (list.empty() ? "" : ", ") + builder.bind(id);
  std::string column = scope.kind == RecordScope::Kind::kOwners ? "r.owner_id" : "r.team_id";
  builder.where(column + " IN (" + list + ")");
  return core::ok_status();
}

}  // namespace

core::Result<ListStatement> build_list(
    const ListSpec& spec, int column_count, const core::ListQuery& query, const RecordScope& scope,
    Shelf shelf, const std::vector<core::CustomFieldDefinition>& definitions) {
  if (query.limit < 1 || query.limit > core::kMaxPageSize) {
    return bad("limit", "must be between 1 and " + std::to_string(core::kMaxPageSize));
  }
  ListStatement statement;
  statement.limit = query.limit;
  statement.sort_column = column_count;
  statement.sort_field = "id";
  statement.sort_kind = FieldKind::kId;
  std::string sort_expr = "r.id";
  if (query.sort && query.sort->field != "id") {
    const ListField* sort = nullptr;
    for (const ListField& field : spec.fields) {
      if (field.name == query.sort->field && field.sortable) sort = &field;
    }
    if (sort == nullptr) return bad("sort", "cannot sort by " + query.sort->field);
    statement.sort_field = query.sort->field;
    statement.sort_kind = sort->kind;
    sort_expr = text_expr(*sort);
  }
  statement.descending = query.sort && query.sort->descending;

  Builder builder;
  builder.where(shelf == Shelf::kLive ? "r.deleted_at IS NULL" : "r.deleted_at IS NOT NULL");
  RAPPORT_TRY(scope_filter(builder, scope));
  for (const core::Filter& filter : query.filters) {
    if (filter.field == "tags") {
      RAPPORT_TRY(tag_filter(builder, spec.tables, filter));
    } else if (filter.field.starts_with("custom.")) {
      RAPPORT_TRY(custom_filter(builder, spec.tables, filter, definitions));
    } else {
      const ListField* field = nullptr;
      for (const ListField& candidate : spec.fields) {
        if (candidate.name == filter.field) field = &candidate;
      }
      if (field == nullptr) return bad("filter", "cannot filter by " + filter.field);
      RAPPORT_TRY(standard_filter(builder, *field, filter));
    }
  }
  RAPPORT_TRY(search_filter(builder, spec.tables, query.search));

  std::string direction = statement.descending ? " DESC" : "";
  std::string comparison = statement.descending ? " < " : " > ";
  if (!query.after.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(Cursor cursor, decode_cursor(query.after));
    if (cursor.field != statement.sort_field || cursor.descending != statement.descending) {
      return bad("after", "the cursor belongs to another sort order");
    }
    bool text_sort = statement.sort_kind == FieldKind::kText;
    if (text_sort != std::holds_alternative<std::string>(cursor.value)) {
      return bad("after", "the cursor does not fit this sort");
    }
    if (statement.sort_field == "id") {
      builder.where("r.id" + comparison + builder.bind(cursor.id));
    } else {
      PgParam value = text_sort ? PgParam(std::get<std::string>(cursor.value))
                                : PgParam(std::get<std::int64_t>(cursor.value));
      std::string bound_value = builder.bind(std::move(value));
      std::string bound_id = builder.bind(cursor.id);
      // A row-value comparison, which the (column, id) index answers directly.
      builder.where("(" + sort_expr + ", r.id)" + comparison + "(" + bound_value + ", " + bound_id +
                    ")");
    }
  }
  std::string order = statement.sort_field == "id" ? "r.id" + direction
                                                   : sort_expr + direction + ", r.id" + direction;
  std::string where = builder.where_clause();
  std::string limit = builder.bind(query.limit + 1);
  statement.sql = "SELECT " + std::string(spec.columns) + ", " + sort_expr + " FROM " +
                  std::string(spec.tables.records) + " r" + where + " ORDER BY " + order +
                  " LIMIT " + limit;
  statement.params = builder.take_params();
  return statement;
}

std::string next_cursor(const ListStatement& statement, const PgResult& rows, int row) {
  Cursor cursor;
  cursor.field = statement.sort_field;
  cursor.descending = statement.descending;
  cursor.id = rows.int64(row, 0);
  if (statement.sort_kind == FieldKind::kText) {
    cursor.value = std::string(rows.text(row, statement.sort_column));
  } else {
    cursor.value = rows.int64(row, statement.sort_column);
  }
  return encode_cursor(cursor);
}

}  // namespace rapport::store::postgres
