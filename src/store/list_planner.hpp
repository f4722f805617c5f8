// One list planner for both engines: turns a core::ListQuery (filters, sort, search, keyset
// cursor), the caller's record scope and a shelf into one parameterised SELECT over any kind's
// table. Fields come from the kind's descriptor, never from input; every operand is bound; pages
// are keyset pages on (sort value, id), never OFFSET. What differs between SQLite and PostgreSQL
// (placeholders, byte-wise comparison, null replacement, case-blind contains, JSON arrays, the
// search clause) is the engine's SqlDialect.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/custom_field.hpp"
#include "core/kind_descriptor.hpp"
#include "core/list_query.hpp"
#include "core/result.hpp"
#include "store/list_fields.hpp"
#include "store/search_document.hpp"
#include "store/store.hpp"

namespace rapport::store {

// A bound value: whole numbers (ids, milliseconds), custom numbers, text.
using PlanParam = std::variant<std::int64_t, double, std::string>;

class SqlDialect;

// Collects a statement's WHERE conditions and its bound parameters.
class PlanBuilder {
 public:
  explicit PlanBuilder(const SqlDialect& dialect) : dialect_(dialect) {}
  // Appends a parameter and returns its placeholder.
  std::string bind(PlanParam value);
  void where(std::string condition) { conditions_.push_back(std::move(condition)); }
  std::string where_clause() const;
  std::vector<PlanParam> take_params() { return std::move(params_); }
  const SqlDialect& dialect() const { return dialect_; }

 private:
  const SqlDialect& dialect_;
  std::vector<PlanParam> params_;
  std::vector<std::string> conditions_;
};

// The tables of one kind. Every kind's derived tables are named after it ("contact_tags",
// "company_search"); kinds with place filters keep them in "<kind>_places".
struct KindTables {
  explicit KindTables(const core::KindDescriptor& kind);
  core::RecordKind kind;
  std::string records, tags, custom, search, grams, places;
  // The role of the record's searchable links to companies (the field's name): a search also
  // finds the record by the names of the companies it links to. Empty when it has none.
  std::string company_role;
};

// The tables of `kind`, worked out once.
const KindTables& kind_tables(core::RecordKind kind);

// The SQL a list needs from an engine.
class SqlDialect {
 public:
  virtual ~SqlDialect() = default;
  // The placeholder of the n-th bound parameter (1-based).
  virtual std::string placeholder(std::size_t n) const = 0;
  // `expr` as text compares and orders: byte by byte.
  virtual std::string bytewise(std::string expr) const = 0;
  // The two-argument null replacement, spelled as the engine's sort indexes spell it.
  virtual std::string_view if_null() const = 0;
  virtual std::string_view false_literal() const = 0;
  // `a` differs from `b`, a NULL on one side counting as a difference.
  virtual std::string distinct(const std::string& a, const std::string& b) const = 0;
  // `column` contains the text bound as LIKE pattern `pattern`, ignoring the case of ASCII
  // letters only (both engines match the same rows).
  virtual std::string contains(const std::string& column, const std::string& pattern) const = 0;
  // A custom number bound for comparison with the custom tables' `number` column.
  virtual std::string number(PlanBuilder& builder, double value) const = 0;
  // Record t holds, in custom table `custom` under key placeholder `key`, a multi select value (a
  // JSON array) with one of the choices `list` (bound placeholders).
  virtual std::string multi_select_holds(const std::string& custom, const std::string& key,
                                         const std::string& list) const = 0;

  // Where a searched list reads from: the kind's table (aliased t, the default), or a search
  // table that leads and joins it, with the expression the id order then follows.
  struct SearchFrom {
    std::string from;
    std::string id_column;
  };
  // Adds the conditions of search `plan` to `builder`. `by_id`: the list is in id order, which
  // lets the engine walk its search index instead. With `company_scope`, a record is also found
  // through the name of a live company within it that it links to.
  virtual SearchFrom search(PlanBuilder& builder, const KindTables& tables, const SearchPlan& plan,
                            bool by_id, const RecordScope* company_scope) const = 0;
};

struct ListPlan {
  std::string sql;
  std::vector<PlanParam> params;
  int limit = 0;           // rows the page shows; the statement asks for one more
  std::string sort_field;  // for the next cursor
  bool descending = false;
  ValueKind sort_kind = ValueKind::kInt;  // the type of the sort value, selected last
};

// Plans a list of `kind` selecting `columns` (over alias t) and then the sort value. kInvalid with
// a field error ("filters/<field>", "sort", "limit", "after") for an unknown field, an operator
// the field does not take, a bad operand, a cursor of another sort, or a limit outside
// 1..core::kMaxPageSize.
core::Result<ListPlan> plan_list(const SqlDialect& dialect, const core::KindDescriptor& kind,
                                 std::string_view columns, const core::ListQuery& query,
                                 const RecordScope& scope, Shelf shelf,
                                 const std::vector<core::CustomFieldDefinition>& definitions,
                                 const RecordScope* company_scope);

// The condition that table alias `alias` (with owner_id and team_id) lies within `scope`; empty
// when the scope is everything.
std::string scope_condition(PlanBuilder& builder, const RecordScope& scope,
                            const std::string& alias);

// `text` as a LIKE pattern matching it anywhere, with %, _ and \ escaped by backslash.
std::string like_pattern(std::string_view text);

using SortValue = std::variant<std::int64_t, std::string>;

// The cursor that continues `plan` after the row with `id` and sort value `value`.
std::string next_cursor(const ListPlan& plan, core::Id id, const SortValue& value);

}  // namespace rapport::store
