// The list query builder: every column name comes from the allowlist, every value is a bound
// parameter.
#include "store/sqlite/sqlite_list_sql.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "core/search_text.hpp"
#include "core/timestamp.hpp"
#include "store/cursor.hpp"
#include "store/record_links.hpp"

namespace rapport::store::sqlite {

namespace {

using core::Error;
using core::FilterOp;

constexpr std::size_t kMaxInValues = 100;
constexpr std::string_view kCustomPrefix = "custom.";

class Builder {
 public:
  // Appends a parameter and returns its placeholder.
  std::string param(SqlParam value) {
    params_.push_back(std::move(value));
    return "?" + std::to_string(params_.size());
  }
  void where(std::string condition) { conditions_.push_back(std::move(condition)); }
  std::string where_clause() const {
    std::string out;
    for (const auto& c : conditions_) out += (out.empty() ? " WHERE " : " AND ") + c;
    return out;
  }
  std::vector<SqlParam> take_params() { return std::move(params_); }

 private:
  std::vector<SqlParam> params_;
  std::vector<std::string> conditions_;
};

Error bad_filter(const core::Filter& f, std::string message) {
  return Error::field("filters/" + f.field, std::move(message));
}

std::string like_pattern(std::string_view text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

core::Result<std::int64_t> to_int(const core::Filter& f, const std::string& v) {
  std::int64_t out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size()) {
    return bad_filter(f, "\"" + v.substr(0, 32) + "\" is not a whole number");
  }
  return out;
}

core::Result<SqlParam> typed_value(const core::Filter& f, ValueKind kind, const std::string& v) {
  switch (kind) {
    case ValueKind::kInt: {
      RAPPORT_ASSIGN_OR_RETURN(std::int64_t n, to_int(f, v));
      return SqlParam(n);
    }
    case ValueKind::kTime: {
      auto t = core::parse_timestamp(v);
      if (!t.ok()) return bad_filter(f, "\"" + v.substr(0, 40) + "\" is not an RFC 3339 time");
      return SqlParam(core::to_millis(*t));
    }
    case ValueKind::kText:
      return SqlParam(v);
  }
  return SqlParam(v);
}

core::Status check_arity(const core::Filter& f) {
  std::size_t n = f.values.size();
  if (f.op == FilterOp::kIn) {
    if (n == 0 || n > kMaxInValues) return bad_filter(f, "in takes 1 to 100 values");
    return {};
  }
  if (n != 1) return bad_filter(f, "takes exactly one value");
  if (f.op == FilterOp::kEmpty && f.values[0] != "true" && f.values[0] != "false") {
    return bad_filter(f, "empty takes true or false");
  }
  return {};
}

core::Status standard_filter(Builder& b, const core::FieldDescriptor& field,
                             const core::Filter& f) {
  std::string col = "t." + std::string(field.column);
  const ValueKind kind = value_kind(field.type);
  if (f.op == FilterOp::kEmpty) {
    bool empty = f.values[0] == "true";
    std::string is_empty =
        kind == ValueKind::kText ? "(" + col + " IS NULL OR " + col + " = '')" : col + " IS NULL";
    b.where(empty ? is_empty : "NOT " + is_empty);
    return {};
  }
  if (f.op == FilterOp::kContains) {
    if (kind != ValueKind::kText) return bad_filter(f, "contains applies to text");
    b.where(col + " LIKE " + b.param(like_pattern(f.values[0])) + " ESCAPE '\\'");
    return {};
  }
  if (f.op == FilterOp::kIn) {
    std::string list;
    for (const auto& v : f.values) {
      RAPPORT_ASSIGN_OR_RETURN(SqlParam p, typed_value(f, kind, v));
      list += (list.empty() ? "" : ", ") + b.param(std::move(p));
    }
    b.where(col + " IN (" + list + ")");
    return {};
  }
  RAPPORT_ASSIGN_OR_RETURN(SqlParam p, typed_value(f, kind, f.values[0]));
  std::string ph = b.param(std::move(p));
  switch (f.op) {
    case FilterOp::kEq:
      b.where(col + " = " + ph);
      break;
    case FilterOp::kNe:
      b.where(col + " IS NOT " + ph);
      break;
    case FilterOp::kLt:
      b.where(col + " < " + ph);
      break;
    case FilterOp::kGt:
      b.where(col + " > " + ph);
      break;
    default:
      break;
  }
  return {};
}

core::Status tags_filter(Builder& b, const EntityTables& t, const core::Filter& f) {
  std::string tags(t.tags);
  std::string in_tags = "t.id IN (SELECT record_id FROM " + tags + " WHERE ";
  switch (f.op) {
    case FilterOp::kEq:
      b.where(in_tags + "tag = " + b.param(f.values[0]) + ")");
      return {};
    case FilterOp::kNe:
      b.where("NOT " + in_tags + "tag = " + b.param(f.values[0]) + ")");
      return {};
    case FilterOp::kIn: {
      std::string list;
      for (const auto& v : f.values) list += (list.empty() ? "" : ", ") + b.param(v);
      b.where(in_tags + "tag IN (" + list + "))");
      return {};
    }
    case FilterOp::kContains:
      b.where(in_tags + "tag LIKE " + b.param(like_pattern(f.values[0])) + " ESCAPE '\\')");
      return {};
    case FilterOp::kEmpty: {
      std::string any = "EXISTS (SELECT 1 FROM " + tags + " g WHERE g.record_id = t.id)";
      b.where(f.values[0] == "true" ? "NOT " + any : any);
      return {};
    }
    default:
      return bad_filter(f, "tags take eq, ne, in, contains or empty");
  }
}

// filter[city] and filter[country]: a record matches when any of its addresses does. Cities
// compare in their search-normalised form, countries in upper case.
core::Status place_filter(Builder& b, const EntityTables& t, const core::Filter& f) {
  const bool city = f.field == "city";
  auto value = [&](const std::string& v) {
    if (city) return b.param(city_key(v));
    std::string code = v;
    for (char& c : code) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return b.param(code);
  };
  std::string in_places = "t.id IN (SELECT record_id FROM " + std::string(t.places) + " WHERE " +
                          (city ? "city" : "country");
  switch (f.op) {
    case FilterOp::kEq:
      b.where(in_places + " = " + value(f.values[0]) + ")");
      return {};
    case FilterOp::kNe:
      b.where("NOT " + in_places + " = " + value(f.values[0]) + ")");
      return {};
    case FilterOp::kIn: {
      std::string list;
      for (const auto& v : f.values) list += (list.empty() ? "" : ", ") + value(v);
      b.where(in_places + " IN (" + list + "))");
      return {};
    }
    default:
      return bad_filter(f, "city and country take eq, ne or in");
  }
}

bool numeric(core::CustomFieldType type) {
  return type == core::CustomFieldType::kNumber || type == core::CustomFieldType::kMoney ||
         type == core::CustomFieldType::kDate || type == core::CustomFieldType::kDateTime;
}

core::Result<SqlParam> custom_number(const core::Filter& f, core::CustomFieldType type,
                                     const std::string& v) {
  if (type == core::CustomFieldType::kDate || type == core::CustomFieldType::kDateTime) {
    auto t = core::parse_timestamp(v);
    if (!t.ok()) return bad_filter(f, "\"" + v.substr(0, 40) + "\" is not a date");
    return SqlParam(static_cast<double>(core::to_millis(*t)));
  }
  double d = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || !std::isfinite(d)) {
    return bad_filter(f, "\"" + v.substr(0, 32) + "\" is not a number");
  }
  return SqlParam(d);
}

core::Status custom_filter(Builder& b, const EntityTables& t, const core::Filter& f,
                           const std::vector<core::CustomFieldDefinition>& definitions) {
  std::string key = f.field.substr(kCustomPrefix.size());
  auto d = std::find_if(definitions.begin(), definitions.end(),
                        [&](const core::CustomFieldDefinition& x) { return x.key == key; });
  if (d == definitions.end()) return bad_filter(f, "no such custom field");
  std::string custom(t.custom);
  std::string in_custom =
      "t.id IN (SELECT record_id FROM " + custom + " WHERE key = " + b.param(key);
  bool num = numeric(d->type);
  std::string col = num ? "number" : "value";
  auto value = [&](const std::string& v) -> core::Result<std::string> {
    if (!num) return b.param(v);
    RAPPORT_ASSIGN_OR_RETURN(SqlParam p, custom_number(f, d->type, v));
    return b.param(std::move(p));
  };
  if (d->type == core::CustomFieldType::kMultiSelect &&
      (f.op == FilterOp::kEq || f.op == FilterOp::kNe || f.op == FilterOp::kIn)) {
    std::string list;
    for (const auto& v : f.values) list += (list.empty() ? "" : ", ") + b.param(v);
    std::string has = "EXISTS (SELECT 1 FROM " + custom + " c, json_each(c.value) j WHERE " +
                      "c.record_id = t.id AND c.key = " + b.param(key) + " AND j.value IN (" +
                      list + "))";
    b.where(f.op == FilterOp::kNe ? "NOT " + has : has);
    return {};
  }
  switch (f.op) {
    case FilterOp::kEq:
    case FilterOp::kNe: {
      RAPPORT_ASSIGN_OR_RETURN(std::string ph, value(f.values[0]));
      std::string cond = in_custom + " AND " + col + " = " + ph + ")";
      b.where(f.op == FilterOp::kNe ? "NOT " + cond : cond);
      return {};
    }
    case FilterOp::kLt:
    case FilterOp::kGt: {
      RAPPORT_ASSIGN_OR_RETURN(std::string ph, value(f.values[0]));
      b.where(in_custom + " AND " + col + (f.op == FilterOp::kLt ? " < " : " > ") + ph + ")");
      return {};
    }
    case FilterOp::kIn: {
      std::string list;
      for (const auto& v : f.values) {
        RAPPORT_ASSIGN_OR_RETURN(std::string ph, value(v));
        list += (list.empty() ? "" : ", ") + ph;
      }
      b.where(in_custom + " AND " + col + " IN (" + list + "))");
      return {};
    }
    case FilterOp::kContains:
      b.where(in_custom + " AND value LIKE " + b.param(like_pattern(f.values[0])) +
              " ESCAPE '\\')");
      return {};
    case FilterOp::kEmpty:
      b.where(f.values[0] == "true" ? "NOT " + in_custom + ")" : in_custom + ")");
      return {};
  }
  return {};
}

// What `sort=custom.<key>` orders by: the value's sort key, empty (first) for records without
// one.
core::Result<std::string> custom_order(
    Builder& b, const EntityTables& t, const std::string& field,
    const std::vector<core::CustomFieldDefinition>& definitions) {
  std::string key = field.substr(kCustomPrefix.size());
  if (std::none_of(definitions.begin(), definitions.end(),
                   [&](const core::CustomFieldDefinition& d) { return d.key == key; })) {
    return Error::field("sort", "\"" + field.substr(0, 64) + "\" is not a custom field");
  }
  return "ifnull((SELECT c.sort_key FROM " + std::string(t.custom) +
         " c WHERE c.record_id = t.id AND c.key = " + b.param(key) + "), '')";
}

// The condition that `alias` (a table with owner_id and team_id) lies within `scope`; empty when
// the scope is everything.
std::string scope_condition(Builder& b, const RecordScope& scope, const std::string& alias) {
  if (scope.kind == RecordScope::Kind::kAll) return "";
  if (scope.ids.empty()) return "0";
  std::string list;
  for (core::Id id : scope.ids) list += (list.empty() ? "" : ", ") + b.param(id);
  const char* col = scope.kind == RecordScope::Kind::kOwners ? ".owner_id" : ".team_id";
  std::string in_scope = alias + col + " IN (" + list + ")";
  if (!scope.owner) return in_scope;
  return "(" + in_scope + " OR " + alias + ".owner_id = " + b.param(*scope.owner) + ")";
}

// Companies `co` with their normalised name `cs.n` (the first line of their search body).
constexpr std::string_view kNamedCompanies =
    "companies co JOIN (SELECT rowid AS id, substr(body, 1, instr(body || char(10), char(10)) - 1) "
    "AS n FROM company_search) cs ON cs.id = co.id";

// The live companies within `company_scope` among the ids `companies` selects (through an index)
// whose name `cs.n` satisfies `name_test`.
std::string company_match(Builder& b, const RecordScope& company_scope,
                          const std::string& companies, const std::string& name_test) {
  std::string visible = scope_condition(b, company_scope, "co");
  return "co.deleted_at IS NULL" + (visible.empty() ? "" : " AND " + visible) + " AND co.id IN (" +
         companies + ") AND " + name_test;
}

// The records of `t` linked to a company that company_match() accepts (their "employer" links),
// reached from the company's end of record_links through its (to_kind, to_id, …) index.
std::string linked_by_company(Builder& b, const EntityTables& t, const RecordScope& company_scope,
                              const std::string& companies, const std::string& name_test) {
  return "SELECT l.from_id FROM " + std::string(t.links) + " l JOIN " +
         std::string(kNamedCompanies) + " WHERE l.to_kind = " +
         b.param(std::string(core::to_string(core::RecordKind::kCompany))) +
         " AND l.to_id = co.id AND l.role = " + b.param(std::string(kEmployerRole)) +
         " AND l.from_kind = " + b.param(std::string(core::to_string(t.entity))) + " AND " +
         company_match(b, company_scope, companies, name_test);
}

// How a phrase or gram of the plan picks companies by name: the candidate ids and the name test.
struct NameMatch {
  std::string companies;
  std::string test;
};

NameMatch phrase_name_match(Builder& b, const std::string& phrase) {
  return {"SELECT rowid FROM company_search WHERE company_search MATCH " + b.param(fts_phrase(phrase)),
          "instr(cs.n, " + b.param(phrase) + ") > 0"};
}

NameMatch gram_name_match(Builder& b, const std::string& gram) {
  std::string bound = b.param(gram);
  // A two-code-point gram occurs in the name; a single one starts a word of it.
  return {"SELECT record_id FROM company_grams WHERE gram = " + bound,
          core::code_point_count(gram) == 1 ? "instr(' ' || cs.n, ' ' || " + bound + ") > 0"
                                            : "instr(cs.n, " + bound + ") > 0"};
}

// With `drive` the search table is joined as `s` and leads the query (see build_list_sql).
void search_filter(Builder& b, const EntityTables& t, const SearchPlan& plan, bool drive,
                   const RecordScope* company_scope) {
  std::string search(t.search), grams(t.grams);
  if (!plan.phrases.empty()) {
    if (drive) {
      std::string match;
      for (const auto& p : plan.phrases) match += (match.empty() ? "" : " AND ") + fts_phrase(p);
      b.where("s." + search + " MATCH " + b.param(match));
      return;
    }
    // Each phrase in the record's own text or in the name of a company it links to.
    for (const auto& p : plan.phrases) {
      std::string own = "SELECT rowid FROM " + search + " WHERE " + search + " MATCH " +
                        b.param(fts_phrase(p));
      if (company_scope == nullptr) {
        b.where("t.id IN (" + own + ")");
        continue;
      }
      NameMatch m = phrase_name_match(b, p);
      b.where("t.id IN (" + own + " UNION " +
              linked_by_company(b, t, *company_scope, m.companies, m.test) + ")");
    }
    return;
  }
  for (const auto& g : plan.grams) {
    std::string own = "SELECT record_id FROM " + grams + " WHERE gram = " + b.param(g);
    if (company_scope == nullptr) {
      b.where("t.id IN (" + own + ")");
      continue;
    }
    NameMatch m = gram_name_match(b, g);
    b.where("t.id IN (" + own + " UNION " +
            linked_by_company(b, t, *company_scope, m.companies, m.test) + ")");
  }
}

}  // namespace

core::Result<ListSql> build_list_sql(const EntityTables& tables, const core::KindDescriptor& kind,
                                     const core::ListQuery& query, const RecordScope& scope,
                                     Shelf shelf,
                                     const std::vector<core::CustomFieldDefinition>& definitions,
                                     const SearchPlan& plan, const RecordScope* company_scope) {
  if (query.limit < 1 || query.limit > core::kMaxPageSize) {
    return Error::field("limit", "must be between 1 and " + std::to_string(core::kMaxPageSize));
  }
  Builder b;
  b.where(shelf == Shelf::kLive ? "t.deleted_at IS NULL" : "t.deleted_at IS NOT NULL");
  if (std::string in_scope = scope_condition(b, scope, "t"); !in_scope.empty()) b.where(in_scope);
  for (const core::Filter& f : query.filters) {
    RAPPORT_TRY(check_arity(f));
    const core::FieldDescriptor* field = kind.field(f.field);
    if (field != nullptr && !field->has(core::kFilterable)) field = nullptr;
    if (f.field.starts_with(kCustomPrefix)) {
      RAPPORT_TRY(custom_filter(b, tables, f, definitions));
    } else if (field != nullptr && field->type == core::FieldType::kTags) {
      RAPPORT_TRY(tags_filter(b, tables, f));
    } else if (field != nullptr && field->type == core::FieldType::kPlace) {
      RAPPORT_TRY(place_filter(b, tables, f));
    } else if (field != nullptr && !field->column.empty()) {
      RAPPORT_TRY(standard_filter(b, *field, f));
    } else {
      return bad_filter(f, "is not a field lists can filter on");
    }
  }
  ListSql out;
  out.limit = query.limit;
  // Newest first unless the client asks otherwise.
  out.descending = query.sort ? query.sort->descending : true;
  std::string col;
  if (query.sort && query.sort->field.starts_with(kCustomPrefix)) {
    RAPPORT_ASSIGN_OR_RETURN(col, custom_order(b, tables, query.sort->field, definitions));
    out.sort_field = query.sort->field;
    out.sort_kind = ValueKind::kText;
  } else {
    const core::FieldDescriptor* sort =
        column_field(kind, query.sort ? std::string_view(query.sort->field) : kind.default_sort,
                     core::kSortable);
    if (sort == nullptr) {
      return Error::field("sort", "\"" + (query.sort ? query.sort->field.substr(0, 64) : "") +
                                      "\" is not a field lists can sort on");
    }
    out.sort_field = std::string(sort->name);
    out.sort_kind = value_kind(sort->type);
    col = sort_expression(*sort, "t", "ifnull");
  }
  bool by_id = out.sort_field == "id";
  // A text search in id order walks the FTS5 index in rowid order and stops at the page's end,
  // instead of collecting every match first: common words match tens of thousands of rows. Not
  // when matches also come through company names.
  bool drive = by_id && !plan.phrases.empty() && company_scope == nullptr;
  std::string id_col = drive ? "s.rowid" : "t.id";
  search_filter(b, tables, plan, drive, company_scope);
  if (!query.after.empty()) {
    RAPPORT_ASSIGN_OR_RETURN(Cursor c, decode_cursor(query.after));
    bool text_value = std::holds_alternative<std::string>(c.value);
    if (c.field != out.sort_field || c.descending != out.descending ||
        text_value != (out.sort_kind == ValueKind::kText)) {
      return Error::field("after", "the cursor belongs to a different sort order");
    }
    const char* cmp = out.descending ? " < " : " > ";
    if (by_id) {
      b.where(id_col + cmp + b.param(c.id));
    } else {
      SqlParam v = text_value ? SqlParam(std::get<std::string>(c.value))
                              : SqlParam(std::get<std::int64_t>(c.value));
      std::string pv = b.param(std::move(v));
      b.where("(" + col + ", t.id)" + cmp + "(" + pv + ", " + b.param(c.id) + ")");
    }
  }
  const char* dir = out.descending ? " DESC" : " ASC";
  std::string order = by_id ? id_col + dir : col + dir + ", t.id" + dir;
  std::string from = drive ? std::string(tables.search) + " s JOIN " + std::string(tables.table) +
                                 " t ON t.id = s.rowid"
                           : std::string(tables.table) + " t";
  out.text = "SELECT " + std::string(tables.columns) + ", " + col + " FROM " + from +
             b.where_clause() + " ORDER BY " + order + " LIMIT " +
             b.param(std::int64_t{query.limit + 1});
  out.params = b.take_params();
  return out;
}

core::Result<bool> company_names_match(SqliteConnection& conn, const SearchPlan& plan,
                                       const RecordScope& company_scope) {
  Builder b;
  std::string any;
  for (const auto& p : plan.phrases) {
    NameMatch m = phrase_name_match(b, p);
    any += (any.empty() ? "(" : " OR (") + company_match(b, company_scope, m.companies, m.test) + ")";
  }
  if (plan.phrases.empty()) {
    for (const auto& g : plan.grams) {
      NameMatch m = gram_name_match(b, g);
      any += (any.empty() ? "(" : " OR (") + company_match(b, company_scope, m.companies, m.test) +
             ")";
    }
  }
  if (any.empty()) return false;
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn.prepare("SELECT 1 FROM " + std::string(kNamedCompanies) +
                                                     " WHERE " + any + " LIMIT 1"));
  bind_all(s, b.take_params());
  return s.step();
}

SortValue sort_value_at(const Statement& statement, int column, ValueKind kind) {
  if (kind == ValueKind::kText) return statement.text_at(column);
  return statement.int64_at(column);
}

std::string next_cursor(const ListSql& sql, core::Id id, const SortValue& value) {
  return encode_cursor(Cursor{sql.sort_field, sql.descending, value, id});
}

void bind_all(Statement& statement, const std::vector<SqlParam>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    int index = static_cast<int>(i + 1);
    std::visit(
        [&](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, std::string>)
            statement.bind(index, std::string_view(v));
          else
            statement.bind(index, v);
        },
        params[i]);
  }
}

}  // namespace rapport::store::sqlite
