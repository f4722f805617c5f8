// The PostgreSQL list statement builder: allowlisted fields, bound operands, keyset paging.
#include "store/postgres/pg_list_query.hpp"

#include <charconv>
#include <cmath>
#include <optional>

#include "core/search_text.hpp"
#include "core/timestamp.hpp"
#include "store/cursor.hpp"
#include "store/record_links.hpp"
#include "store/search_document.hpp"

namespace rapport::store::postgres {

namespace {

constexpr std::size_t kMaxInValues = 100;

core::Error bad(std::string_view field, std::string message) {
  return core::Error::field(std::string(field), std::move(message));
}

core::Error bad_filter(const core::Filter& filter, std::string message) {
  return bad("filters/" + filter.field, std::move(message));
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

std::string like_pattern(std::string_view text);

// `expr` with ASCII letters lower-cased only: SQLite's LIKE ignores case for ASCII alone, and
// both engines must match the same rows.
std::string ascii_fold(const std::string& expr) {
  return "translate(" + expr + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
}

// `column` contains `text` ignoring ASCII case, as SQLite's `LIKE '%text%'`.
std::string contains(Builder& builder, const std::string& column, const std::string& text) {
  return ascii_fold(column) + " LIKE " + ascii_fold(builder.bind(like_pattern(text)));
}

core::Result<std::int64_t> to_int(const core::Filter& filter, const std::string& text) {
  std::int64_t number = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return bad_filter(filter, "\"" + text.substr(0, 32) + "\" is not a whole number");
  }
  return number;
}

core::Result<PgParam> operand(const core::Filter& filter, ValueKind kind, const std::string& text) {
  switch (kind) {
    case ValueKind::kInt: {
      RAPPORT_ASSIGN_OR_RETURN(std::int64_t number, to_int(filter, text));
      return PgParam(number);
    }
    case ValueKind::kTime: {
      auto time = core::parse_timestamp(text);
      if (!time.ok()) {
        return bad_filter(filter, "\"" + text.substr(0, 40) + "\" is not an RFC 3339 time");
      }
      return PgParam(core::to_millis(*time));
    }
    case ValueKind::kText:
      break;
  }
  return PgParam(text);
}

core::Status check_arity(const core::Filter& filter) {
  std::size_t count = filter.values.size();
  if (filter.op == core::FilterOp::kIn) {
    if (count == 0 || count > kMaxInValues) return bad_filter(filter, "in takes 1 to 100 values");
    return core::ok_status();
  }
  if (count != 1) return bad_filter(filter, "takes exactly one value");
  if (filter.op == core::FilterOp::kEmpty && filter.values[0] != "true" &&
      filter.values[0] != "false") {
    return bad_filter(filter, "empty takes true or false");
  }
  return core::ok_status();
}

// The field's column as filters compare it: text in byte order, as SQLite compares it, whatever
// the database's collation.
std::string column_expr(const core::FieldDescriptor& field) {
  std::string column = "r." + std::string(field.column);
  return value_kind(field.type) == ValueKind::kText ? column + " COLLATE \"C\"" : column;
}

// What lists order the field by, compared byte-wise when it is text.
std::string sort_expr(const core::FieldDescriptor& field) {
  std::string order = sort_expression(field, "r", "coalesce");
  return value_kind(field.type) == ValueKind::kText ? order + " COLLATE \"C\"" : order;
}

core::Status standard_filter(Builder& builder, const core::FieldDescriptor& field,
                             const core::Filter& filter) {
  const ValueKind kind = value_kind(field.type);
  std::string column = column_expr(field);
  if (filter.op == core::FilterOp::kEmpty) {
    std::string is_empty = kind == ValueKind::kText
                               ? "(" + column + " IS NULL OR " + column + " = '')"
                               : column + " IS NULL";
    builder.where(filter.values[0] == "true" ? is_empty : "NOT " + is_empty);
    return core::ok_status();
  }
  if (filter.op == core::FilterOp::kContains) {
    if (kind != ValueKind::kText) return bad_filter(filter, "contains applies to text");
    builder.where(contains(builder, "r." + std::string(field.column), filter.values[0]));
    return core::ok_status();
  }
  if (filter.op == core::FilterOp::kIn) {
    std::string list;
    for (const std::string& text : filter.values) {
      RAPPORT_ASSIGN_OR_RETURN(PgParam value, operand(filter, kind, text));
      list += (list.empty() ? "" : ", ") + builder.bind(std::move(value));
    }
    builder.where(column + " IN (" + list + ")");
    return core::ok_status();
  }
  RAPPORT_ASSIGN_OR_RETURN(PgParam value, operand(filter, kind, filter.values[0]));
  std::string bound = builder.bind(std::move(value));
  switch (filter.op) {
    case core::FilterOp::kEq:
      builder.where(column + " = " + bound);
      break;
    case core::FilterOp::kNe:
      builder.where(column + " IS DISTINCT FROM " + bound);
      break;
    case core::FilterOp::kLt:
      builder.where(column + " < " + bound);
      break;
    case core::FilterOp::kGt:
      builder.where(column + " > " + bound);
      break;
    default:
      break;
  }
  return core::ok_status();
}

core::Status tag_filter(Builder& builder, const PgRecordTables& tables,
                        const core::Filter& filter) {
  std::string tags(tables.tags);
  std::string in_tags = "r.id IN (SELECT record_id FROM " + tags + " WHERE ";
  switch (filter.op) {
    case core::FilterOp::kEq:
      builder.where(in_tags + "tag = " + builder.bind(filter.values[0]) + ")");
      return core::ok_status();
    case core::FilterOp::kNe:
      builder.where("NOT " + in_tags + "tag = " + builder.bind(filter.values[0]) + ")");
      return core::ok_status();
    case core::FilterOp::kIn: {
      std::string list;
      for (const std::string& tag : filter.values) {
        list += (list.empty() ? "" : ", ") + builder.bind(tag);
      }
      builder.where(in_tags + "tag IN (" + list + "))");
      return core::ok_status();
    }
    case core::FilterOp::kContains:
      builder.where(in_tags + contains(builder, "tag", filter.values[0]) + ")");
      return core::ok_status();
    case core::FilterOp::kEmpty: {
      std::string any = "EXISTS (SELECT 1 FROM " + tags + " g WHERE g.record_id = r.id)";
      builder.where(filter.values[0] == "true" ? "NOT " + any : any);
      return core::ok_status();
    }
    default:
      return bad_filter(filter, "tags take eq, ne, in, contains or empty");
  }
}

// filter[city] and filter[country] on contacts: a contact matches when any of its addresses
// does. Cities compare in their search-normalised form, countries in upper case.
core::Status place_filter(Builder& builder, const core::Filter& filter) {
  const bool city = filter.field == "city";
  auto value = [&](const std::string& v) {
    if (city) return builder.bind(city_key(v));
    std::string code = v;
    for (char& c : code) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return builder.bind(code);
  };
  std::string in_places = std::string("r.id IN (SELECT record_id FROM contact_places WHERE ") +
                          (city ? "city" : "country");
  switch (filter.op) {
    case core::FilterOp::kEq:
      builder.where(in_places + " = " + value(filter.values[0]) + ")");
      return core::ok_status();
    case core::FilterOp::kNe:
      builder.where("NOT " + in_places + " = " + value(filter.values[0]) + ")");
      return core::ok_status();
    case core::FilterOp::kIn: {
      std::string list;
      for (const std::string& v : filter.values) list += (list.empty() ? "" : ", ") + value(v);
      builder.where(in_places + " IN (" + list + "))");
      return core::ok_status();
    }
    default:
      return bad_filter(filter, "city and country take eq, ne or in");
  }
}

bool is_numeric(core::CustomFieldType type) {
  using T = core::CustomFieldType;
  return type == T::kNumber || type == T::kMoney || type == T::kDate || type == T::kDateTime;
}

// A numeric custom operand: dates and times as epoch milliseconds, others as a finite number.
core::Result<PgParam> custom_number(const core::Filter& filter, core::CustomFieldType type,
                                    const std::string& text) {
  double number = 0;
  if (type == core::CustomFieldType::kDate || type == core::CustomFieldType::kDateTime) {
    auto time = core::parse_timestamp(text);
    if (!time.ok()) return bad_filter(filter, "\"" + text.substr(0, 40) + "\" is not a date");
    number = static_cast<double>(core::to_millis(*time));
  } else {
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(number)) {
      return bad_filter(filter, "\"" + text.substr(0, 32) + "\" is not a number");
    }
  }
  char buffer[32];  // shortest text that reads back as the same double
  auto end = std::to_chars(buffer, buffer + sizeof buffer, number).ptr;
  return PgParam(std::string(buffer, end));
}

// What `sort=custom.<key>` orders by: the value's sort key in byte order, empty (first) for
// records without one.
core::Result<std::string> custom_order(
    Builder& builder, const PgRecordTables& tables, const std::string& field,
    const std::vector<core::CustomFieldDefinition>& definitions) {
  std::string key = field.substr(std::string_view("custom.").size());
  bool defined = false;
  for (const auto& candidate : definitions) defined = defined || candidate.key == key;
  if (!defined) return bad("sort", "\"" + field.substr(0, 64) + "\" is not a custom field");
  return "coalesce((SELECT c.sort_key FROM " + std::string(tables.custom) +
         " c WHERE c.record_id = r.id AND c.key = " + builder.bind(key) + "), '') COLLATE \"C\"";
}

core::Status custom_filter(Builder& builder, const PgRecordTables& tables,
                           const core::Filter& filter,
                           const std::vector<core::CustomFieldDefinition>& definitions) {
  std::string key = filter.field.substr(std::string_view("custom.").size());
  const core::CustomFieldDefinition* definition = nullptr;
  for (const auto& candidate : definitions) {
    if (candidate.key == key) definition = &candidate;
  }
  if (definition == nullptr) return bad_filter(filter, "no such custom field");
  std::string custom(tables.custom);
  std::string in_custom =
      "r.id IN (SELECT record_id FROM " + custom + " WHERE key = " + builder.bind(key);
  bool numeric = is_numeric(definition->type);
  std::string column = numeric ? "number" : "value";
  auto value = [&](const std::string& text) -> core::Result<std::string> {
    if (!numeric) return builder.bind(text);
    RAPPORT_ASSIGN_OR_RETURN(PgParam number, custom_number(filter, definition->type, text));
    return builder.bind(std::move(number)) + "::double precision";
  };
  if (definition->type == core::CustomFieldType::kMultiSelect &&
      (filter.op == core::FilterOp::kEq || filter.op == core::FilterOp::kNe ||
       filter.op == core::FilterOp::kIn)) {
    std::string list;
    for (const std::string& text : filter.values) {
      list += (list.empty() ? "" : ", ") + builder.bind(text);
    }
    std::string has = "EXISTS (SELECT 1 FROM " + custom +
                      " c, jsonb_array_elements_text(c.value::jsonb) j WHERE c.record_id = r.id"
                      " AND c.key = " +
                      builder.bind(key) + " AND j IN (" + list + "))";
    builder.where(filter.op == core::FilterOp::kNe ? "NOT " + has : has);
    return core::ok_status();
  }
  std::string text_order = numeric ? "" : " COLLATE \"C\"";
  switch (filter.op) {
    case core::FilterOp::kEq:
    case core::FilterOp::kNe: {
      RAPPORT_ASSIGN_OR_RETURN(std::string bound, value(filter.values[0]));
      std::string condition = in_custom + " AND " + column + " = " + bound + ")";
      builder.where(filter.op == core::FilterOp::kNe ? "NOT " + condition : condition);
      return core::ok_status();
    }
    case core::FilterOp::kLt:
    case core::FilterOp::kGt: {
      RAPPORT_ASSIGN_OR_RETURN(std::string bound, value(filter.values[0]));
      builder.where(in_custom + " AND " + column + text_order +
                    (filter.op == core::FilterOp::kLt ? " < " : " > ") + bound + ")");
      return core::ok_status();
    }
    case core::FilterOp::kIn: {
      std::string list;
      for (const std::string& text : filter.values) {
        RAPPORT_ASSIGN_OR_RETURN(std::string bound, value(text));
        list += (list.empty() ? "" : ", ") + bound;
      }
      builder.where(in_custom + " AND " + column + " IN (" + list + "))");
      return core::ok_status();
    }
    case core::FilterOp::kContains:
      builder.where(in_custom + " AND " + contains(builder, "value", filter.values[0]) + ")");
      return core::ok_status();
    case core::FilterOp::kEmpty:
      builder.where(filter.values[0] == "true" ? "NOT " + in_custom + ")" : in_custom + ")");
      return core::ok_status();
  }
  return core::ok_status();
}

std::string like_pattern(std::string_view phrase) {
  std::string pattern = "%";
  for (char c : phrase) {
    if (c == '%' || c == '_' || c == '\\') pattern += '\\';
    pattern += c;
  }
  return pattern + "%";
}

// The condition that `alias` (a table with owner_id and team_id) lies within `scope`; empty when
// the scope is everything.
std::string scope_condition(Builder& builder, const RecordScope& scope, const std::string& alias) {
  if (scope.kind == RecordScope::Kind::kAll) return "";
  if (scope.ids.empty()) return "FALSE";
  std::string list;
  for (core::Id id : scope.ids) list += (list.empty() ? "" : ", ") + builder.bind(id);
  std::string column = scope.kind == RecordScope::Kind::kOwners ? ".owner_id" : ".team_id";
  std::string in_scope = alias + column + " IN (" + list + ")";
  if (!scope.owner) return in_scope;
  return "(" + in_scope + " OR " + alias + ".owner_id = " + builder.bind(*scope.owner) + ")";
}

// The records of `tables` linked (their "employer" links) to a live company within
// `company_scope` whose normalised name (the first line of its search body, `cs.n`) satisfies
// `name_test`; `companies` selects candidate company ids through an index, and the links are
// reached from the company's end of record_links through its (to_kind, to_id, …) index.
std::string linked_by_company(Builder& builder, const PgRecordTables& tables,
                              const RecordScope& company_scope, const std::string& companies,
                              const std::string& name_test) {
  std::string visible = scope_condition(builder, company_scope, "co");
  std::string link = " l.to_kind = " + builder.bind(core::to_string(core::RecordKind::kCompany)) +
                     " AND l.role = " + builder.bind(kEmployerRole) +
                     " AND l.from_kind = " + builder.bind(core::to_string(tables.entity));
  return "SELECT l.from_id FROM " + std::string(tables.links) +
         " l JOIN companies co ON co.id = l.to_id AND" + link + " JOIN (SELECT record_id,"
         " split_part(body, E'\\n', 1) AS n FROM company_search) cs ON cs.record_id = co.id"
         " WHERE co.deleted_at IS NULL" +
         (visible.empty() ? "" : " AND " + visible) + " AND co.id IN (" + companies + ") AND " +
         name_test;
}

void search_filter(Builder& builder, const PgRecordTables& tables, std::string_view q,
                   const RecordScope& company_scope) {
  SearchPlan plan = plan_search(q);
  std::string search(tables.search), grams(tables.grams);
  // Every phrase is three code points or more, so the trigram index serves each LIKE. Each
  // must occur in the record's own text or in the name of a company it links to.
  for (const std::string& phrase : plan.phrases) {
    std::string own = "SELECT s.record_id FROM " + search + " s WHERE s.body LIKE " +
                      builder.bind(like_pattern(phrase));
    if (tables.links.empty()) {
      builder.where("r.id IN (" + own + ")");
      continue;
    }
    std::string pattern = builder.bind(like_pattern(phrase));
    std::string companies = "SELECT record_id FROM company_search WHERE body LIKE " + pattern;
    builder.where("r.id IN (" + own + " UNION " +
                  linked_by_company(builder, tables, company_scope, companies,
                                    "cs.n LIKE " + pattern) +
                  ")");
  }
  if (!plan.phrases.empty()) return;
  for (const std::string& gram : plan.grams) {
    std::string own = "SELECT g.record_id FROM " + grams + " g WHERE g.gram = " + builder.bind(gram);
    if (tables.links.empty()) {
      builder.where("r.id IN (" + own + ")");
      continue;
    }
    std::string bound = builder.bind(gram);
    std::string companies = "SELECT record_id FROM company_grams WHERE gram = " + bound;
    // A two-code-point gram occurs in the name; a single one starts a word of it.
    std::string test = core::code_point_count(gram) == 1
                           ? "strpos(' ' || cs.n, ' ' || " + bound + ") > 0"
                           : "strpos(cs.n, " + bound + ") > 0";
    builder.where("r.id IN (" + own + " UNION " +
                  linked_by_company(builder, tables, company_scope, companies, test) + ")");
  }
}

}  // namespace

core::Result<ListStatement> build_list(
    const ListSpec& spec, int column_count, const core::ListQuery& query, const RecordScope& scope,
    Shelf shelf, const std::vector<core::CustomFieldDefinition>& definitions,
    const RecordScope& company_scope) {
  if (query.limit < 1 || query.limit > core::kMaxPageSize) {
    return bad("limit", "must be between 1 and " + std::to_string(core::kMaxPageSize));
  }
  ListStatement statement;
  statement.limit = query.limit;
  statement.sort_column = column_count;
  statement.sort_field = "id";
  statement.sort_kind = ValueKind::kInt;
  std::string sort_column = "r.id";
  Builder builder;
  if (query.sort && query.sort->field.starts_with("custom.")) {
    RAPPORT_ASSIGN_OR_RETURN(sort_column,
                             custom_order(builder, spec.tables, query.sort->field, definitions));
    statement.sort_field = query.sort->field;
    statement.sort_kind = ValueKind::kText;
  } else if (query.sort && query.sort->field != "id") {
    const core::FieldDescriptor* sort = column_field(spec.kind, query.sort->field, core::kSortable);
    if (sort == nullptr) {
      return bad("sort",
                 "\"" + query.sort->field.substr(0, 64) + "\" is not a field lists can sort on");
    }
    statement.sort_field = query.sort->field;
    statement.sort_kind = value_kind(sort->type);
    sort_column = sort_expr(*sort);
  }
  // Newest first unless the client asks otherwise.
  statement.descending = query.sort ? query.sort->descending : true;

  builder.where(shelf == Shelf::kLive ? "r.deleted_at IS NULL" : "r.deleted_at IS NOT NULL");
  if (std::string in_scope = scope_condition(builder, scope, "r"); !in_scope.empty()) {
    builder.where(in_scope);
  }
  for (const core::Filter& filter : query.filters) {
    RAPPORT_TRY(check_arity(filter));
    const core::FieldDescriptor* field = spec.kind.field(filter.field);
    if (field != nullptr && !field->has(core::kFilterable)) field = nullptr;
    if (filter.field.starts_with("custom.")) {
      RAPPORT_TRY(custom_filter(builder, spec.tables, filter, definitions));
    } else if (field != nullptr && field->type == core::FieldType::kTags) {
      RAPPORT_TRY(tag_filter(builder, spec.tables, filter));
    } else if (field != nullptr && field->type == core::FieldType::kPlace) {
      RAPPORT_TRY(place_filter(builder, filter));
    } else if (field != nullptr && !field->column.empty()) {
      RAPPORT_TRY(standard_filter(builder, *field, filter));
    } else {
      return bad_filter(filter, "is not a field lists can filter on");
    }
  }
  search_filter(builder, spec.tables, query.search, company_scope);

  std::string direction = statement.descending ? " DESC" : "";
  std::string comparison = statement.descending ? " < " : " > ";
  if (!query.after.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(Cursor cursor, decode_cursor(query.after));
    if (cursor.field != statement.sort_field || cursor.descending != statement.descending) {
      return bad("after", "the cursor belongs to another sort order");
    }
    bool text_sort = statement.sort_kind == ValueKind::kText;
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
      builder.where("(" + sort_column + ", r.id)" + comparison + "(" + bound_value + ", " +
                    bound_id + ")");
    }
  }
  std::string order = statement.sort_field == "id" ? "r.id" + direction
                                                   : sort_column + direction + ", r.id" + direction;
  std::string where = builder.where_clause();
  std::string limit = builder.bind(query.limit + 1);
  statement.sql = "SELECT " + std::string(spec.columns) + ", " + sort_column + " FROM " +
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
  if (statement.sort_kind == ValueKind::kText) {
    cursor.value = std::string(rows.text(row, statement.sort_column));
  } else {
    cursor.value = rows.int64(row, statement.sort_column);
  }
  return encode_cursor(cursor);
}

}  // namespace rapport::store::postgres
