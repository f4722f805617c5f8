// Turns a core::ListQuery, a record scope and a shelf into one SQLite SELECT with bound
// parameters: filters and sort through a fixed allowlist of columns, keyset pagination on
// (sort column, id), the search plan, all in the same WHERE clause. Never OFFSET.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/custom_field.hpp"
#include "core/ids.hpp"
#include "core/kind_descriptor.hpp"
#include "core/list_query.hpp"
#include "core/result.hpp"
#include "store/list_fields.hpp"
#include "store/search_document.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "store/sqlite/sqlite_statement.hpp"
#include "store/store.hpp"

namespace rapport::store::sqlite {

// The tables of one kind of record (contacts or companies). All names are literals of this
// adapter, never input.
struct EntityTables {
  std::string_view table;    // "contacts"
  std::string_view tags;     // "contact_tags"
  std::string_view custom;   // "contact_custom"
  std::string_view search;   // "contact_search" (FTS5)
  std::string_view grams;    // "contact_grams"
  std::string_view links;    // "record_links" when the records link to companies, else empty
  std::string_view columns;  // the SELECT list that the row reader expects
  core::RecordKind entity;
  std::string_view places;  // "contact_places" (filter[city], filter[country]); empty: none
};

using SqlParam = std::variant<std::int64_t, double, std::string>;

struct ListSql {
  std::string text;
  std::vector<SqlParam> params;
  int limit = 0;           // rows the page shows; the query asks for one more
  std::string sort_field;  // for the next cursor
  bool descending = false;
  ValueKind sort_kind{};  // the type of the sort value (the last selected column)
};

// Builds the query over the filterable and sortable fields of `kind`. With `company_scope`
// (contacts only), a search also finds a record through the name of a linked live company within it
// (the companies the caller may read). kInvalid (with the offending field) for an unknown filter or
// sort field, an operator the field does not support, a malformed value, a limit
// outside 1..kMaxPageSize, or a cursor that does not belong to this sort.
core::Result<ListSql> build_list_sql(const EntityTables& tables, const core::KindDescriptor& kind,
                                     const core::ListQuery& query, const RecordScope& scope,
                                     Shelf shelf,
                                     const std::vector<core::CustomFieldDefinition>& definitions,
                                     const SearchPlan& plan, const RecordScope* company_scope);

// Whether a live company within `company_scope` has a name that `plan` matches (a phrase or gram
// of it, as build_list_sql tests names). When none has, a contact search can leave the company
// links out and walk the FTS5 index in id order.
core::Result<bool> company_names_match(SqliteConnection& conn, const SearchPlan& plan,
                                       const RecordScope& company_scope);

using SortValue = std::variant<std::int64_t, std::string>;

// The sort value of the current row of a list statement (selected at `column`).
SortValue sort_value_at(const Statement& statement, int column, ValueKind kind);

// The cursor text that continues `sql` after the row with `id` and `value`.
std::string next_cursor(const ListSql& sql, core::Id id, const SortValue& value);

// Binds `params` to `statement` as ?1, ?2, ….
void bind_all(Statement& statement, const std::vector<SqlParam>& params);

}  // namespace rapport::store::sqlite
