// PostgreSQL's list dialect and its search clause.
#include "store/postgres/pg_dialect.hpp"

#include <charconv>

#include "core/search_text.hpp"

namespace rapport::store::postgres {

namespace {

// `expr` with ASCII letters lower-cased only: SQLite's LIKE ignores case for ASCII alone, and
// both engines must match the same rows.
std::string ascii_fold(const std::string& expr) {
  return "translate(" + expr + ", 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')";
}

// The records of `t` linked (in role t.company_role) to a live company within `company_scope`
// whose normalised name (the first line of its search body, `cs.n`) satisfies `name_test`;
// `companies` selects candidate company ids through an index, and the links are reached from the
// company's end of record_links through its (to_kind, to_id, …) index.
std::string linked_by_company(PlanBuilder& b, const KindTables& t, const RecordScope& company_scope,
                              const std::string& companies, const std::string& name_test) {
  std::string visible = scope_condition(b, company_scope, "co");
  std::string link =
      " l.to_kind = " + b.bind(std::string(core::to_string(core::RecordKind::kCompany))) +
      " AND l.role = " + b.bind(t.company_role) +
      " AND l.from_kind = " + b.bind(std::string(core::to_string(t.kind)));
  return "SELECT l.from_id FROM record_links l JOIN companies co ON co.id = l.to_id AND" + link +
         " JOIN (SELECT record_id, split_part(body, E'\\n', 1) AS n FROM company_search) cs"
         " ON cs.record_id = co.id WHERE co.deleted_at IS NULL" +
         (visible.empty() ? "" : " AND " + visible) + " AND co.id IN (" + companies + ") AND " +
         name_test;
}

}  // namespace

std::string PgDialect::placeholder(std::size_t n) const { return "$" + std::to_string(n); }

std::string PgDialect::bytewise(std::string expr) const { return expr + " COLLATE \"C\""; }

std::string PgDialect::distinct(const std::string& a, const std::string& b) const {
  return a + " IS DISTINCT FROM " + b;
}

std::string PgDialect::contains(const std::string& column, const std::string& pattern) const {
  return ascii_fold(column) + " LIKE " + ascii_fold(pattern);
}

std::string PgDialect::number(PlanBuilder& builder, double value) const {
  char buffer[32];  // shortest text that reads back as the same double
  auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return builder.bind(std::string(buffer, end)) + "::double precision";
}

std::string PgDialect::multi_select_holds(const std::string& custom, const std::string& key,
                                          const std::string& list) const {
  return "EXISTS (SELECT 1 FROM " + custom +
         " c, jsonb_array_elements_text(c.value::jsonb) j WHERE c.record_id = t.id AND c.key = " +
         key + " AND j IN (" + list + "))";
}

SqlDialect::SearchFrom PgDialect::search(PlanBuilder& b, const KindTables& t,
                                         const SearchPlan& plan, bool,
                                         const RecordScope* company_scope) const {
  // Every phrase is three code points or more, so the trigram index serves each LIKE. Each must
  // occur in the record's own text or in the name of a company it links to.
  for (const std::string& phrase : plan.phrases) {
    std::string own = "SELECT s.record_id FROM " + t.search + " s WHERE s.body LIKE " +
                      b.bind(like_pattern(phrase));
    if (company_scope == nullptr) {
      b.where("t.id IN (" + own + ")");
      continue;
    }
    std::string pattern = b.bind(like_pattern(phrase));
    std::string companies = "SELECT record_id FROM company_search WHERE body LIKE " + pattern;
    b.where("t.id IN (" + own + " UNION " +
            linked_by_company(b, t, *company_scope, companies, "cs.n LIKE " + pattern) + ")");
  }
  if (!plan.phrases.empty()) return {};
  for (const std::string& gram : plan.grams) {
    std::string own = "SELECT g.record_id FROM " + t.grams + " g WHERE g.gram = " + b.bind(gram);
    if (company_scope == nullptr) {
      b.where("t.id IN (" + own + ")");
      continue;
    }
    std::string bound = b.bind(gram);
    std::string companies = "SELECT record_id FROM company_grams WHERE gram = " + bound;
    // A two-code-point gram occurs in the name; a single one starts a word of it.
    std::string test = core::code_point_count(gram) == 1
                           ? "strpos(' ' || cs.n, ' ' || " + bound + ") > 0"
                           : "strpos(cs.n, " + bound + ") > 0";
    b.where("t.id IN (" + own + " UNION " +
            linked_by_company(b, t, *company_scope, companies, test) + ")");
  }
  return {};
}

std::vector<PgParam> pg_params(const std::vector<PlanParam>& params) {
  std::vector<PgParam> out;
  out.reserve(params.size());
  for (const PlanParam& p : params) {
    if (const auto* n = std::get_if<std::int64_t>(&p)) {
      out.emplace_back(*n);
    } else if (const auto* text = std::get_if<std::string>(&p)) {
      out.emplace_back(*text);
    } else {
      char buffer[32];
      auto end = std::to_chars(buffer, buffer + sizeof buffer, std::get<double>(p)).ptr;
      out.emplace_back(std::string(buffer, end));
    }
  }
  return out;
}

std::string next_cursor(const ListPlan& plan, const PgResult& rows, int row, int sort_column) {
  SortValue value;
  if (plan.sort_kind == ValueKind::kText) {
    value = std::string(rows.text(row, sort_column));
  } else {
    value = rows.int64(row, sort_column);
  }
  return store::next_cursor(plan, rows.int64(row, 0), value);
}

}  // namespace rapport::store::postgres
