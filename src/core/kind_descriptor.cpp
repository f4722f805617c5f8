// Looking up descriptors, and what each field type allows.
#include "core/kind_descriptor.hpp"

#include <array>

#include "core/kind_tables.hpp"

namespace rapport::core {

const FieldDescriptor* KindDescriptor::field(std::string_view name) const {
  for (const FieldDescriptor& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

const KindDescriptor& describe(RecordKind kind) {
  switch (kind) {
    case RecordKind::kContact:
      return kContactKind;
    case RecordKind::kCompany:
      return kCompanyKind;
    case RecordKind::kActivity:
      return kActivityKind;
  }
  return kContactKind;
}

std::span<const FilterOp> filter_ops(FieldType type) {
  using enum FilterOp;
  static constexpr std::array kText{kEq, kNe, kLt, kGt, kIn, kContains, kEmpty};
  static constexpr std::array kOrdered{kEq, kNe, kLt, kGt, kIn, kEmpty};
  static constexpr std::array kSet{kEq, kNe, kIn, kContains, kEmpty};
  static constexpr std::array kMember{kEq, kNe, kIn};
  static constexpr std::array kLinked{kEq, kNe, kIn, kEmpty};
  switch (type) {
    case FieldType::kText:
    case FieldType::kLongText:
    case FieldType::kEnum:
    case FieldType::kLanguage:
    case FieldType::kTimeZone:
      return kText;
    case FieldType::kId:
    case FieldType::kTimestamp:
    case FieldType::kUser:
    case FieldType::kTeam:
    case FieldType::kRecord:
      return kOrdered;
    case FieldType::kTags:
      return kSet;
    case FieldType::kPlace:
      return kMember;
    case FieldType::kLinks:
    case FieldType::kTitledLinks:
      return kLinked;
    case FieldType::kInteger:
    case FieldType::kMoney:
    case FieldType::kEmails:
    case FieldType::kPhones:
    case FieldType::kPhone:
    case FieldType::kAddresses:
    case FieldType::kDomains:
    case FieldType::kConsents:
      return {};
  }
  return {};
}

std::string_view to_string(FieldType type) {
  switch (type) {
    case FieldType::kId:
      return "id";
    case FieldType::kText:
      return "text";
    case FieldType::kLongText:
      return "long_text";
    case FieldType::kEnum:
      return "enum";
    case FieldType::kLanguage:
      return "language";
    case FieldType::kTimeZone:
      return "time_zone";
    case FieldType::kTimestamp:
      return "timestamp";
    case FieldType::kInteger:
      return "integer";
    case FieldType::kMoney:
      return "money";
    case FieldType::kUser:
      return "user";
    case FieldType::kTeam:
      return "team";
    case FieldType::kRecord:
      return "record";
    case FieldType::kTags:
      return "tags";
    case FieldType::kEmails:
      return "emails";
    case FieldType::kPhones:
      return "phones";
    case FieldType::kPhone:
      return "phone";
    case FieldType::kAddresses:
      return "addresses";
    case FieldType::kDomains:
      return "domains";
    case FieldType::kConsents:
      return "consents";
    case FieldType::kLinks:
      return "links";
    case FieldType::kTitledLinks:
      return "titled_links";
    case FieldType::kPlace:
      return "place";
  }
  return "text";
}

std::string_view to_string(FilterOp op) {
  switch (op) {
    case FilterOp::kEq:
      return "eq";
    case FilterOp::kNe:
      return "ne";
    case FilterOp::kLt:
      return "lt";
    case FilterOp::kGt:
      return "gt";
    case FilterOp::kIn:
      return "in";
    case FilterOp::kContains:
      return "contains";
    case FilterOp::kEmpty:
      return "empty";
  }
  return "eq";
}

}  // namespace rapport::core
