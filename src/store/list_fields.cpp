// The descriptor-reading rules the list planners share.
#include "store/list_fields.hpp"

namespace rapport::store {

ValueKind value_kind(core::FieldType type) {
  switch (type) {
    case core::FieldType::kId:
    case core::FieldType::kUser:
    case core::FieldType::kTeam:
    case core::FieldType::kRecord:
    case core::FieldType::kInteger:
      return ValueKind::kInt;
    case core::FieldType::kTimestamp:
      return ValueKind::kTime;
    default:
      return ValueKind::kText;
  }
}

const core::FieldDescriptor* column_field(const core::KindDescriptor& kind, std::string_view name,
                                          core::FieldFlag flag) {
  const core::FieldDescriptor* field = kind.field(name);
  if (field == nullptr || field->column.empty() || !field->has(flag)) return nullptr;
  return field;
}

std::string sort_expression(const core::FieldDescriptor& field, std::string_view alias,
                            std::string_view if_null) {
  const std::string prefix = std::string(alias) + ".";
  if (!field.sort_column.empty()) return prefix + std::string(field.sort_column);
  // References may be absent, and so may the times a client sets (a task's due date); the
  // server's own stamps never are, and their indexes are on the bare column.
  const bool nullable = field.type == core::FieldType::kUser ||
                        field.type == core::FieldType::kTeam ||
                        field.type == core::FieldType::kRecord ||
                        (field.type == core::FieldType::kTimestamp && !field.has(core::kReadOnly));
  if (nullable) {
    return std::string(if_null) + "(" + prefix + std::string(field.column) + ", 0)";
  }
  return prefix + std::string(field.column);
}

}  // namespace rapport::store
