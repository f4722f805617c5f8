// How both engines' list planners read a kind's descriptor: which fields a list may filter and
// sort on, how their values are typed in SQL, and what a sort orders by. The field names come
// from the descriptor (core/kind_descriptor.hpp), never from input, so the SQL built from them
// is a fixed allowlist.
#pragma once

#include <string>
#include <string_view>

#include "core/kind_descriptor.hpp"

namespace rapport::store {

// How a column field's values are written in SQL: integers (ids), text, or milliseconds since the
// epoch (operands in RFC 3339 or YYYY-MM-DD).
enum class ValueKind { kInt, kText, kTime };

ValueKind value_kind(core::FieldType type);

// The field of `kind` called `name` that lives in a column of the kind's table and has `flag`
// (kFilterable or kSortable); nullptr otherwise.
const core::FieldDescriptor* column_field(const core::KindDescriptor& kind, std::string_view name,
                                          core::FieldFlag flag);

// What lists sort `field` by over table alias `alias`: its collation key column when it has one,
// a nullable reference or client-set time as 0 when absent (so that keyset comparisons see every
// row), else the column. `if_null` is the engine's two-argument null replacement ("ifnull",
// "coalesce"), spelled as the engine's sort index spells it so that the index serves the order.
std::string sort_expression(const core::FieldDescriptor& field, std::string_view alias,
                            std::string_view if_null);

}  // namespace rapport::store
