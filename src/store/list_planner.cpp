// The engine-neutral list planner: filters, sort, scope and keyset cursor from the descriptor;
// the engine's dialect supplies its spelling and its search clause.
#include "store/list_planner.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/timestamp.hpp"
#include "store/cursor.hpp"
#include "store/search_document.hpp"

namespace rapport::store {

namespace {

using core::Error;
using core::FilterOp;

constexpr std::size_t kMaxInValues = 100;
constexpr std::string_view kCustomPrefix = "custom.";
const std::string kAlias = "t";

Error bad_filter(const core::Filter& f, std::string message) {
  return Error::field("filters/" + f.field, std::move(message));
}

core::Status check_arity(const core::Filter& f) {
  std::size_t n = f.values.size();
  if (f.op == FilterOp::kIn) {
    if (n == 0 || n > kMaxInValues) return bad_filter(f, "in takes 1 to 100 values");
    return core::ok_status();
  }
  if (n != 1) return bad_filter(f, "takes exactly one value");
  if (f.op == FilterOp::kEmpty && f.values[0] != "true" && f.values[0] != "false") {
    return bad_filter(f, "empty takes true or false");
  }
  return core::ok_status();
}

core::Result<PlanParam> operand(const core::Filter& f, ValueKind kind, const std::string& v) {
  switch (kind) {
    case ValueKind::kInt: {
      std::int64_t n = 0;
      auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), n);
      if (v.empty() || error != std::errc() || end != v.data() + v.size()) {
        return bad_filter(f, "\"" + v.substr(0, 32) + "\" is not a whole number");
      }
      return PlanParam(n);
    }
    case ValueKind::kTime: {
      auto t = core::parse_timestamp(v);
      if (!t.ok()) return bad_filter(f, "\"" + v.substr(0, 40) + "\" is not an RFC 3339 time");
      return PlanParam(core::to_millis(*t));
    }
    case ValueKind::kText:
      break;
  }
  return PlanParam(v);
}

// A filter on a field with a column of the kind's table.
core::Status column_filter(PlanBuilder& b, const SqlDialect& dialect,
                           const core::FieldDescriptor& field, const core::Filter& f) {
  const ValueKind kind = value_kind(field.type);
  const std::string raw = kAlias + "." + std::string(field.column);
  const std::string col = kind == ValueKind::kText ? dialect.bytewise(raw) : raw;
  if (f.op == FilterOp::kEmpty) {
    std::string is_empty =
        kind == ValueKind::kText ? "(" + col + " IS NULL OR " + col + " = '')" : col + " IS NULL";
    b.where(f.values[0] == "true" ? is_empty : "NOT " + is_empty);
    return core::ok_status();
  }
  if (f.op == FilterOp::kContains) {
    if (kind != ValueKind::kText) return bad_filter(f, "contains applies to text");
    b.where(dialect.contains(raw, b.bind(like_pattern(f.values[0]))));
    return core::ok_status();
  }
  if (f.op == FilterOp::kIn) {
    std::string list;
    for (const auto& v : f.values) {
      RAPPORT_ASSIGN_OR_RETURN(PlanParam p, operand(f, kind, v));
      list += (list.empty() ? "" : ", ") + b.bind(std::move(p));
    }
    b.where(col + " IN (" + list + ")");
    return core::ok_status();
  }
  RAPPORT_ASSIGN_OR_RETURN(PlanParam p, operand(f, kind, f.values[0]));
  const std::string bound = b.bind(std::move(p));
  switch (f.op) {
    case FilterOp::kEq:
      b.where(col + " = " + bound);
      break;
    case FilterOp::kNe:
      b.where(dialect.distinct(col, bound));
      break;
    case FilterOp::kLt:
      b.where(col + " < " + bound);
      break;
    case FilterOp::kGt:
      b.where(col + " > " + bound);
      break;
    default:
      break;
  }
  return core::ok_status();
}

core::Status tags_filter(PlanBuilder& b, const SqlDialect& dialect, const KindTables& t,
                         const core::Filter& f) {
  const std::string in_tags = kAlias + ".id IN (SELECT record_id FROM " + t.tags + " WHERE ";
  switch (f.op) {
    case FilterOp::kEq:
      b.where(in_tags + "tag = " + b.bind(f.values[0]) + ")");
      return core::ok_status();
    case FilterOp::kNe:
      b.where("NOT " + in_tags + "tag = " + b.bind(f.values[0]) + ")");
      return core::ok_status();
    case FilterOp::kIn: {
      std::string list;
      for (const auto& v : f.values) list += (list.empty() ? "" : ", ") + b.bind(v);
      b.where(in_tags + "tag IN (" + list + "))");
      return core::ok_status();
    }
    case FilterOp::kContains:
      b.where(in_tags + dialect.contains("tag", b.bind(like_pattern(f.values[0]))) + ")");
      return core::ok_status();
    case FilterOp::kEmpty: {
      std::string any =
          "EXISTS (SELECT 1 FROM " + t.tags + " g WHERE g.record_id = " + kAlias + ".id)";
      b.where(f.values[0] == "true" ? "NOT " + any : any);
      return core::ok_status();
    }
    default:
      return bad_filter(f, "tags take eq, ne, in, contains or empty");
  }
}

// filter[city] and filter[country]: a record matches when any of its addresses does. Cities
// compare in their search-normalised form, countries in upper case.
core::Status place_filter(PlanBuilder& b, const KindTables& t, const core::Filter& f) {
  const bool city = f.field == "city";
  auto value = [&](const std::string& v) {
    if (city) return b.bind(city_key(v));
    std::string code = v;
    for (char& c : code) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return b.bind(code);
  };
  const std::string in_places = kAlias + ".id IN (SELECT record_id FROM " + t.places + " WHERE " +
                                (city ? "city" : "country");
  switch (f.op) {
    case FilterOp::kEq:
      b.where(in_places + " = " + value(f.values[0]) + ")");
      return core::ok_status();
    case FilterOp::kNe:
      b.where("NOT " + in_places + " = " + value(f.values[0]) + ")");
      return core::ok_status();
    case FilterOp::kIn: {
      std::string list;
      for (const auto& v : f.values) list += (list.empty() ? "" : ", ") + value(v);
      b.where(in_places + " IN (" + list + "))");
      return core::ok_status();
    }
    default:
      return bad_filter(f, "city and country take eq, ne or in");
  }
}

// filter[<link field>]: a record matches when it links (eq, in) or does not link (ne) to the
// record with the given id through that field; empty asks for records with no such link.
core::Status link_filter(PlanBuilder& b, const core::KindDescriptor& kind,
                         const core::FieldDescriptor& field, const core::Filter& f) {
  const std::string links = kAlias + ".id IN (SELECT from_id FROM record_links WHERE from_kind = " +
                            b.bind(std::string(core::to_string(kind.kind))) +
                            " AND role = " + b.bind(std::string(field.name)) +
                            " AND to_kind = " + b.bind(std::string(core::to_string(field.target)));
  auto id = [&](const std::string& v) -> core::Result<std::string> {
    RAPPORT_ASSIGN_OR_RETURN(PlanParam p, operand(f, ValueKind::kInt, v));
    return b.bind(std::move(p));
  };
  switch (f.op) {
    case FilterOp::kEq:
    case FilterOp::kNe: {
      RAPPORT_ASSIGN_OR_RETURN(std::string bound, id(f.values[0]));
      const std::string cond = links + " AND to_id = " + bound + ")";
      b.where(f.op == FilterOp::kNe ? "NOT " + cond : cond);
      return core::ok_status();
    }
    case FilterOp::kIn: {
      std::string list;
      for (const auto& v : f.values) {
        RAPPORT_ASSIGN_OR_RETURN(std::string bound, id(v));
        list += (list.empty() ? "" : ", ") + bound;
      }
      b.where(links + " AND to_id IN (" + list + "))");
      return core::ok_status();
    }
    case FilterOp::kEmpty:
      b.where(f.values[0] == "true" ? "NOT " + links + ")" : links + ")");
      return core::ok_status();
    default:
      return bad_filter(f, "links take eq, ne, in or empty");
  }
}

bool numeric(core::CustomFieldType type) {
  using T = core::CustomFieldType;
  return type == T::kNumber || type == T::kMoney || type == T::kDate || type == T::kDateTime;
}

// A numeric custom operand: dates and times as epoch milliseconds, others as a finite number.
core::Result<double> custom_number(const core::Filter& f, core::CustomFieldType type,
                                   const std::string& v) {
  if (type == core::CustomFieldType::kDate || type == core::CustomFieldType::kDateTime) {
    auto t = core::parse_timestamp(v);
    if (!t.ok()) return bad_filter(f, "\"" + v.substr(0, 40) + "\" is not a date");
    return static_cast<double>(core::to_millis(*t));
  }
  double d = 0;
  auto [end, error] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (v.empty() || error != std::errc() || end != v.data() + v.size() || !std::isfinite(d)) {
    return bad_filter(f, "\"" + v.substr(0, 32) + "\" is not a number");
  }
  return d;
}

const core::CustomFieldDefinition* definition_of(
    std::string_view field, const std::vector<core::CustomFieldDefinition>& definitions) {
  const std::string_view key = field.substr(kCustomPrefix.size());
  auto d = std::find_if(definitions.begin(), definitions.end(),
                        [&](const core::CustomFieldDefinition& x) { return x.key == key; });
  return d == definitions.end() ? nullptr : &*d;
}

core::Status custom_filter(PlanBuilder& b, const SqlDialect& dialect, const KindTables& t,
                           const core::Filter& f,
                           const std::vector<core::CustomFieldDefinition>& definitions) {
  const core::CustomFieldDefinition* d = definition_of(f.field, definitions);
  if (d == nullptr) return bad_filter(f, "no such custom field");
  const std::string in_custom =
      kAlias + ".id IN (SELECT record_id FROM " + t.custom + " WHERE key = " + b.bind(d->key);
  const bool num = numeric(d->type);
  const std::string col = num ? "number" : "value";
  auto value = [&](const std::string& v) -> core::Result<std::string> {
    if (!num) return b.bind(v);
    RAPPORT_ASSIGN_OR_RETURN(double n, custom_number(f, d->type, v));
    return dialect.number(b, n);
  };
  if (d->type == core::CustomFieldType::kMultiSelect &&
      (f.op == FilterOp::kEq || f.op == FilterOp::kNe || f.op == FilterOp::kIn)) {
    std::string list;
    for (const auto& v : f.values) list += (list.empty() ? "" : ", ") + b.bind(v);
    std::string holds = dialect.multi_select_holds(t.custom, b.bind(d->key), list);
    b.where(f.op == FilterOp::kNe ? "NOT " + holds : holds);
    return core::ok_status();
  }
  switch (f.op) {
    case FilterOp::kEq:
    case FilterOp::kNe: {
      RAPPORT_ASSIGN_OR_RETURN(std::string bound, value(f.values[0]));
      std::string cond = in_custom + " AND " + col + " = " + bound + ")";
      b.where(f.op == FilterOp::kNe ? "NOT " + cond : cond);
      return core::ok_status();
    }
    case FilterOp::kLt:
    case FilterOp::kGt: {
      RAPPORT_ASSIGN_OR_RETURN(std::string bound, value(f.values[0]));
      b.where(in_custom + " AND " + (num ? col : dialect.bytewise(col)) +
              (f.op == FilterOp::kLt ? " < " : " > ") + bound + ")");
      return core::ok_status();
    }
    case FilterOp::kIn: {
      std::string list;
      for (const auto& v : f.values) {
        RAPPORT_ASSIGN_OR_RETURN(std::string bound, value(v));
        list += (list.empty() ? "" : ", ") + bound;
      }
      b.where(in_custom + " AND " + col + " IN (" + list + "))");
      return core::ok_status();
    }
    case FilterOp::kContains:
      b.where(in_custom + " AND " + dialect.contains("value", b.bind(like_pattern(f.values[0]))) +
              ")");
      return core::ok_status();
    case FilterOp::kEmpty:
      b.where(f.values[0] == "true" ? "NOT " + in_custom + ")" : in_custom + ")");
      return core::ok_status();
  }
  return core::ok_status();
}

// What `sort=custom.<key>` orders by: the value's sort key, empty (first) for records without
// one.
core::Result<std::string> custom_order(
    PlanBuilder& b, const SqlDialect& dialect, const KindTables& t, const std::string& field,
    const std::vector<core::CustomFieldDefinition>& definitions) {
  const core::CustomFieldDefinition* d = definition_of(field, definitions);
  if (d == nullptr)
    return Error::field("sort", "\"" + field.substr(0, 64) + "\" is not a custom field");
  return dialect.bytewise(std::string(dialect.if_null()) + "((SELECT c.sort_key FROM " + t.custom +
                          " c WHERE c.record_id = " + kAlias + ".id AND c.key = " + b.bind(d->key) +
                          "), '')");
}

core::Status add_filter(PlanBuilder& b, const SqlDialect& dialect, const KindTables& tables,
                        const core::KindDescriptor& kind, const core::Filter& f,
                        const std::vector<core::CustomFieldDefinition>& definitions) {
  RAPPORT_TRY(check_arity(f));
  if (f.field.starts_with(kCustomPrefix)) return custom_filter(b, dialect, tables, f, definitions);
  const core::FieldDescriptor* field = kind.field(f.field);
  if (field == nullptr || !field->has(core::kFilterable)) {
    return bad_filter(f, "is not a field lists can filter on");
  }
  if (field->type == core::FieldType::kTags) return tags_filter(b, dialect, tables, f);
  if (field->type == core::FieldType::kPlace) return place_filter(b, tables, f);
  if (core::is_link(field->type)) return link_filter(b, kind, *field, f);
  if (field->column.empty()) return bad_filter(f, "is not a field lists can filter on");
  return column_filter(b, dialect, *field, f);
}

}  // namespace

std::string PlanBuilder::bind(PlanParam value) {
  params_.push_back(std::move(value));
  return dialect_.placeholder(params_.size());
}

std::string PlanBuilder::where_clause() const {
  std::string out;
  for (const auto& c : conditions_) out += (out.empty() ? " WHERE (" : " AND (") + c + ")";
  return out;
}

KindTables::KindTables(const core::KindDescriptor& descriptor) : kind(descriptor.kind) {
  const std::string name(core::to_string(kind));
  records = std::string(descriptor.table);
  tags = name + "_tags";
  custom = name + "_custom";
  search = name + "_search";
  grams = name + "_grams";
  for (const core::FieldDescriptor& f : descriptor.fields) {
    if (f.type == core::FieldType::kPlace) places = name + "_places";
    if (core::is_link(f.type) && f.target == core::RecordKind::kCompany &&
        f.has(core::kSearchable)) {
      company_role = std::string(f.name);
    }
  }
}

const KindTables& kind_tables(core::RecordKind kind) {
  static const auto all = [] {
    std::vector<KindTables> out;
    for (core::RecordKind k : core::kRecordKinds) out.emplace_back(core::describe(k));
    return out;
  }();
  return all[static_cast<std::size_t>(kind)];
}

std::string scope_condition(PlanBuilder& b, const RecordScope& scope, const std::string& alias) {
  if (scope.kind == RecordScope::Kind::kAll) return "";
  if (scope.ids.empty()) return std::string(b.dialect().false_literal());
  std::string list;
  for (core::Id id : scope.ids) list += (list.empty() ? "" : ", ") + b.bind(id);
  const char* col = scope.kind == RecordScope::Kind::kOwners ? ".owner_id" : ".team_id";
  std::string in_scope = alias + col + " IN (" + list + ")";
  if (!scope.owner) return in_scope;
  return "(" + in_scope + " OR " + alias + ".owner_id = " + b.bind(*scope.owner) + ")";
}

std::string like_pattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

core::Result<ListPlan> plan_list(const SqlDialect& dialect, const core::KindDescriptor& kind,
                                 std::string_view columns, const core::ListQuery& query,
                                 const RecordScope& scope, Shelf shelf,
                                 const std::vector<core::CustomFieldDefinition>& definitions,
                                 const RecordScope* company_scope) {
  if (query.limit < 1 || query.limit > core::kMaxPageSize) {
    return Error::field("limit", "must be between 1 and " + std::to_string(core::kMaxPageSize));
  }
  const KindTables& tables = kind_tables(kind.kind);
  PlanBuilder b(dialect);
  ListPlan plan;
  plan.limit = query.limit;
  // Newest first unless the client asks otherwise.
  plan.descending = query.sort ? query.sort->descending : true;
  std::string sort_col;
  if (query.sort && query.sort->field.starts_with(kCustomPrefix)) {
    RAPPORT_ASSIGN_OR_RETURN(sort_col,
                             custom_order(b, dialect, tables, query.sort->field, definitions));
    plan.sort_field = query.sort->field;
    plan.sort_kind = ValueKind::kText;
  } else {
    const core::FieldDescriptor* sort =
        column_field(kind, query.sort ? std::string_view(query.sort->field) : kind.default_sort,
                     core::kSortable);
    if (sort == nullptr) {
      return Error::field("sort", "\"" + (query.sort ? query.sort->field.substr(0, 64) : "") +
                                      "\" is not a field lists can sort on");
    }
    plan.sort_field = std::string(sort->name);
    plan.sort_kind = value_kind(sort->type);
    sort_col = sort_expression(*sort, kAlias, dialect.if_null());
    if (plan.sort_kind == ValueKind::kText) sort_col = dialect.bytewise(sort_col);
  }
  b.where(kAlias + (shelf == Shelf::kLive ? ".deleted_at IS NULL" : ".deleted_at IS NOT NULL"));
  if (std::string in_scope = scope_condition(b, scope, kAlias); !in_scope.empty()) {
    b.where(in_scope);
  }
  for (const core::Filter& f : query.filters) {
    RAPPORT_TRY(add_filter(b, dialect, tables, kind, f, definitions));
  }
  const bool by_id = plan.sort_field == "id";
  const SqlDialect::SearchFrom searched =
      dialect.search(b, tables, plan_search(query.search), by_id,
                     tables.company_role.empty() ? nullptr : company_scope);
  const std::string id_col = searched.id_column.empty() ? kAlias + ".id" : searched.id_column;
  if (by_id) sort_col = id_col;
  const char* cmp = plan.descending ? " < " : " > ";
  if (!query.after.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(Cursor c, decode_cursor(query.after));
    const bool text_value = std::holds_alternative<std::string>(c.value);
    if (c.field != plan.sort_field || c.descending != plan.descending ||
        text_value != (plan.sort_kind == ValueKind::kText)) {
      return Error::field("after", "the cursor belongs to a different sort order");
    }
    if (by_id) {
      b.where(id_col + cmp + b.bind(c.id));
    } else {
      PlanParam v = text_value ? PlanParam(std::get<std::string>(c.value))
                               : PlanParam(std::get<std::int64_t>(c.value));
      const std::string bound_value = b.bind(std::move(v));
      // A row-value comparison, which the (column, id) index answers directly.
      b.where("(" + sort_col + ", " + kAlias + ".id)" + cmp + "(" + bound_value + ", " +
              b.bind(c.id) + ")");
    }
  }
  const char* dir = plan.descending ? " DESC" : " ASC";
  const std::string order = by_id ? id_col + dir : sort_col + dir + ", " + kAlias + ".id" + dir;
  const std::string from = searched.from.empty() ? tables.records + " " + kAlias : searched.from;
  const std::string where = b.where_clause();
  plan.sql = "SELECT " + std::string(columns) + ", " + sort_col + " FROM " + from + where +
             " ORDER BY " + order + " LIMIT " + b.bind(std::int64_t{query.limit + 1});
  plan.params = b.take_params();
  return plan;
}

std::string next_cursor(const ListPlan& plan, core::Id id, const SortValue& value) {
  return encode_cursor(Cursor{plan.sort_field, plan.descending, value, id});
}

}  // namespace rapport::store
