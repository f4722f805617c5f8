// Names of the record kinds.
#include "core/record_kind.hpp"

#include <string>

namespace rapport::core {

std::string_view to_string(RecordKind kind) {
  switch (kind) {
    case RecordKind::kContact:
      return "contact";
    case RecordKind::kCompany:
      return "company";
    case RecordKind::kActivity:
      return "activity";
  }
  return "contact";
}

Result<RecordKind> parse_record_kind(std::string_view name, std::string_view field) {
  std::string names;
  for (RecordKind kind : kRecordKinds) {
    if (to_string(kind) == name) return kind;
    names += names.empty() ? "" : ", ";
    names += "\"" + std::string(to_string(kind)) + "\"";
  }
  return Error::field(std::string(field), "must be one of " + names);
}

}  // namespace rapport::core
