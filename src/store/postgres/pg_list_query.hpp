// Turns a core::ListQuery (filters, sort, search, keyset cursor) plus the caller's record scope
// and shelf into one parameterised PostgreSQL SELECT over contacts or companies. Field names
// map through fixed allowlists; no input is ever spliced into the SQL text.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/custom_field.hpp"
#include "core/list_query.hpp"
#include "core/result.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_record_index.hpp"
#include "store/store.hpp"

namespace rapport::store::postgres {

enum class FieldKind {
  kText,    // text column, compared byte-wise
  kId,      // nullable bigint id column
  kMillis,  // bigint milliseconds since the epoch; operands in RFC 3339 or YYYY-MM-DD
};

struct ListField {
  // `order`: what lists sort by, over alias r, when it is not the column itself (a name's
  // collation key; a nullable id as 0 when absent, so that keyset comparisons see every row).
  constexpr ListField(std::string_view name, std::string_view column, FieldKind kind, bool sortable,
                      std::string_view order = {})
      : name(name), column(column), kind(kind), sortable(sortable), order(order) {}
  std::string_view name;    // the wire name
  std::string_view column;  // the column of alias r
  FieldKind kind;
  bool sortable;
  std::string_view order;
};

struct ListSpec {
  const PgRecordTables& tables;
  std::span<const ListField> fields;
  std::string_view columns;  // the select list over alias r
};

// The statement and the sort it pages by. The sort value of each row is selected as column
// `sort_column`, after spec.columns.
struct ListStatement {
  std::string sql;
  std::vector<PgParam> params;
  std::string sort_field;
  bool descending = false;
  FieldKind sort_kind = FieldKind::kId;
  int sort_column = 0;
  int limit = 0;  // the page size; the statement asks for one row more
};

// Builds the statement. With `spec.tables.links`, a search also finds a record through the name
// of a linked live company within `company_scope` (the companies the caller may read). kInvalid (with a field error on "filter", "sort", "q", "limit" or
// "after") for an unknown field, an operator the field does not support, a bad operand, a
// cursor from another query, or a limit outside 1..core::kMaxPageSize.
core::Result<ListStatement> build_list(const ListSpec& spec, int column_count,
                                       const core::ListQuery& query, const RecordScope& scope,
                                       Shelf shelf,
                                       const std::vector<core::CustomFieldDefinition>& definitions,
                                       const RecordScope& company_scope);

// The cursor after row `row` of a result of `statement`.
std::string next_cursor(const ListStatement& statement, const PgResult& rows, int row);

}  // namespace rapport::store::postgres
