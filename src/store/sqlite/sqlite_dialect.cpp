// SQLite's list dialect and its search clause.
#include "store/sqlite/sqlite_dialect.hpp"

#include <type_traits>

#include "core/search_text.hpp"

namespace rapport::store::sqlite {

namespace {

// Companies `co` with their normalised name `cs.n` (the first line of their search body).
constexpr std::string_view kNamedCompanies =
    "companies co JOIN (SELECT rowid AS id, substr(body, 1, instr(body || char(10), char(10)) - 1) "
    "AS n FROM company_search) cs ON cs.id = co.id";

// The live companies within `company_scope` among the ids `companies` selects (through an index)
// whose name `cs.n` satisfies `name_test`.
std::string company_match(PlanBuilder& b, const RecordScope& company_scope,
                          const std::string& companies, const std::string& name_test) {
  std::string visible = scope_condition(b, company_scope, "co");
  return "co.deleted_at IS NULL" + (visible.empty() ? "" : " AND " + visible) + " AND co.id IN (" +
         companies + ") AND " + name_test;
}

// The records of `t` linked (in role t.company_role) to a company that company_match() accepts,
// reached from the company's end of record_links through its (to_kind, to_id, …) index.
std::string linked_by_company(PlanBuilder& b, const KindTables& t, const RecordScope& company_scope,
                              const std::string& companies, const std::string& name_test) {
  return "SELECT l.from_id FROM record_links l JOIN " + std::string(kNamedCompanies) +
         " WHERE l.to_kind = " + b.bind(std::string(core::to_string(core::RecordKind::kCompany))) +
         " AND l.to_id = co.id AND l.role = " + b.bind(t.company_role) +
         " AND l.from_kind = " + b.bind(std::string(core::to_string(t.kind))) + " AND " +
         company_match(b, company_scope, companies, name_test);
}

// How a phrase or gram of the plan picks companies by name: the candidate ids and the name test.
struct NameMatch {
  std::string companies;
  std::string test;
};

NameMatch phrase_name_match(PlanBuilder& b, const std::string& phrase) {
  return {
      "SELECT rowid FROM company_search WHERE company_search MATCH " + b.bind(fts_phrase(phrase)),
      "instr(cs.n, " + b.bind(phrase) + ") > 0"};
}

NameMatch gram_name_match(PlanBuilder& b, const std::string& gram) {
  std::string bound = b.bind(gram);
  // A two-code-point gram occurs in the name; a single one starts a word of it.
  return {"SELECT record_id FROM company_grams WHERE gram = " + bound,
          core::code_point_count(gram) == 1 ? "instr(' ' || cs.n, ' ' || " + bound + ") > 0"
                                            : "instr(cs.n, " + bound + ") > 0"};
}

}  // namespace

std::string SqliteDialect::placeholder(std::size_t n) const { return "?" + std::to_string(n); }

std::string SqliteDialect::distinct(const std::string& a, const std::string& b) const {
  return a + " IS NOT " + b;
}

std::string SqliteDialect::contains(const std::string& column, const std::string& pattern) const {
  return column + " LIKE " + pattern + " ESCAPE '\\'";
}

std::string SqliteDialect::number(PlanBuilder& builder, double value) const {
  return builder.bind(value);
}

std::string SqliteDialect::multi_select_holds(const std::string& custom, const std::string& key,
                                              const std::string& list) const {
  return "EXISTS (SELECT 1 FROM " + custom + " c, json_each(c.value) j WHERE c.record_id = t.id" +
         " AND c.key = " + key + " AND j.value IN (" + list + "))";
}

SqlDialect::SearchFrom SqliteDialect::search(PlanBuilder& b, const KindTables& t,
                                             const SearchPlan& plan, bool by_id,
                                             const RecordScope* company_scope) const {
  if (!plan.phrases.empty()) {
    // A text search in id order walks the FTS5 index in rowid order and stops at the page's
    // end, instead of collecting every match first: common words match tens of thousands of
    // rows. Not when matches also come through company names.
    if (by_id && company_scope == nullptr) {
      std::string match;
      for (const auto& p : plan.phrases) match += (match.empty() ? "" : " AND ") + fts_phrase(p);
      b.where("s." + t.search + " MATCH " + b.bind(match));
      return {t.search + " s JOIN " + t.records + " t ON t.id = s.rowid", "s.rowid"};
    }
    // Each phrase in the record's own text or in the name of a company it links to.
    for (const auto& p : plan.phrases) {
      std::string own = "SELECT rowid FROM " + t.search + " WHERE " + t.search + " MATCH " +
                        b.bind(fts_phrase(p));
      if (company_scope == nullptr) {
        b.where("t.id IN (" + own + ")");
        continue;
      }
      NameMatch m = phrase_name_match(b, p);
      b.where("t.id IN (" + own + " UNION " +
              linked_by_company(b, t, *company_scope, m.companies, m.test) + ")");
    }
    return {};
  }
  for (const auto& g : plan.grams) {
    std::string own = "SELECT record_id FROM " + t.grams + " WHERE gram = " + b.bind(g);
    if (company_scope == nullptr) {
      b.where("t.id IN (" + own + ")");
      continue;
    }
    NameMatch m = gram_name_match(b, g);
    b.where("t.id IN (" + own + " UNION " +
            linked_by_company(b, t, *company_scope, m.companies, m.test) + ")");
  }
  return {};
}

core::Result<bool> company_names_match(SqliteConnection& conn, const SearchPlan& plan,
                                       const RecordScope& company_scope) {
  PlanBuilder b(kSqliteDialect);
  std::string any;
  for (const auto& p : plan.phrases) {
    NameMatch m = phrase_name_match(b, p);
    any +=
        (any.empty() ? "(" : " OR (") + company_match(b, company_scope, m.companies, m.test) + ")";
  }
  if (plan.phrases.empty()) {
    for (const auto& g : plan.grams) {
      NameMatch m = gram_name_match(b, g);
      any += (any.empty() ? "(" : " OR (") + company_match(b, company_scope, m.companies, m.test) +
             ")";
    }
  }
  if (any.empty()) return false;
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn.prepare("SELECT 1 FROM " + std::string(kNamedCompanies) + " WHERE " + any + " LIMIT 1"));
  bind_all(s, b.take_params());
  return s.step();
}

void bind_all(Statement& statement, const std::vector<PlanParam>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int n = static_cast<int>(i + 1);
    std::visit(
        [&](const auto& v) {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
            statement.bind(n, std::string_view(v));
          } else {
            statement.bind(n, v);
          }
        },
        params[i]);
  }
}

SortValue sort_value_at(const Statement& statement, int column, ValueKind kind) {
  if (kind == ValueKind::kText) return statement.text_at(column);
  return statement.int64_at(column);
}

}  // namespace rapport::store::sqlite
