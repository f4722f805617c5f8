// Turns a core::ListQuery (filters, sort, search, keyset cursor) plus the caller's record scope
// and shelf into one parameterised PostgreSQL SELECT over contacts or companies. Field names
// map through fixed allowlists; no input is ever spliced into the SQL text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/custom_field.hpp"
#include "core/kind_descriptor.hpp"
#include "core/list_query.hpp"
#include "core/result.hpp"
#include "store/list_fields.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_record_index.hpp"
#include "store/store.hpp"

namespace rapport::store::postgres {

struct ListSpec {
  const PgRecordTables& tables;
  const core::KindDescriptor& kind;  // the fields lists filter and sort on
  std::string_view columns;          // the select list over alias r
};

// The statement and the sort it pages by. The sort value of each row is selected as column
// `sort_column`, after spec.columns.
struct ListStatement {
  std::string sql;
  std::vector<PgParam> params;
  std::string sort_field;
  bool descending = false;
  ValueKind sort_kind = ValueKind::kInt;
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
