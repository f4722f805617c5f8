// Custom fields: definitions an admin adds at run time to contacts or companies, and the
// checks every value goes through on each write.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/money.hpp"
#include "core/record_kind.hpp"
#include "core/result.hpp"
#include "core/timestamp.hpp"

namespace rapport::core {

enum class CustomFieldType {
  kText,
  kLongText,
  kNumber,
  kMoney,
  kDate,
  kDateTime,
  kBoolean,
  kSingleSelect,
  kMultiSelect,
  kUrl,
  kEmail,
  kPhone,
};

std::string_view to_string(CustomFieldType type);
// Parses "text", "long_text", …, "phone". kInvalid for any other name.
Result<CustomFieldType> parse_custom_field_type(std::string_view name);

struct CustomFieldDefinition {
  Id id = 0;
  RecordKind entity = RecordKind::kContact;
  std::string key;  // [a-z][a-z0-9_]{0,63}; filters name it "custom.<key>"
  std::string label;
  CustomFieldType type = CustomFieldType::kText;
  std::vector<std::string> options;  // the choices of single and multi select
  bool required = false;
  bool unique = false;
  std::int64_t version = 0;
  Timestamp created_at{};
  Timestamp updated_at{};
  bool operator==(const CustomFieldDefinition&) const = default;
};

// A value as the domain holds it. Which members are used depends on the type: `text` for text,
// long text, URL, email, phone (E.164 after checking), single select, date ("YYYY-MM-DD"),
// date-time (RFC 3339, UTC), number (canonical_number text) and boolean ("true"/"false");
// `choices` for multi select; `money` for money.
struct CustomValue {
  std::string text;
  std::vector<std::string> choices;
  std::optional<Money> money;
  // The type of the field the value was checked against (normalize_custom_value sets it), kept
  // with the value so that a reader gives it back with its JSON type without the definitions.
  CustomFieldType type = CustomFieldType::kText;
  bool operator==(const CustomValue&) const = default;
};

using CustomValues = std::map<std::string, CustomValue>;

// Checks a definition. Returns every problem at once as field errors (key, label, options).
Status validate(const CustomFieldDefinition& definition);

// Checks `value` against `definition` and brings it to canonical form (trimmed, emails
// lower-cased, phones in E.164 read in `default_region`, numbers without needless signs, times
// in UTC). Returns kInvalid with a field error on `field` saying what is wrong.
Status normalize_custom_value(const CustomFieldDefinition& definition, CustomValue& value,
                              std::string_view default_region, const std::string& field);

// The canonical text of a number field's value: an integer within int64 as its plain digits
// ("42", "-7"), any other finite number as the shortest decimal that reads back as the same
// double ("42.5", "1e+21"). nullopt for text that is not a finite number ("4.2.1", "+5", "NaN").
std::optional<std::string> canonical_number(std::string_view text);

// Checks a record's custom values against the definitions of its entity: unknown keys and
// missing required values are errors; every error is collected into `errors` under
// "custom/<key>". Values are normalised in place.
void check_custom_values(const std::vector<CustomFieldDefinition>& definitions,
                         CustomValues& values, std::string_view default_region,
                         std::vector<FieldError>& errors);

// The number a value sorts and compares by in range filters: the number itself, money in minor
// units, dates and times in milliseconds since the epoch; nullopt for other types.
std::optional<double> custom_sort_number(CustomFieldType type, const CustomValue& value);

// What lists sort a custom field by, compared byte by byte: the number key of a number, money
// amount (minor units) or date, the collation key of any other value (choices joined in order).
std::string custom_sort_key(CustomFieldType type, const CustomValue& value);

// The text a value contributes to search (empty for booleans, numbers, money and dates).
std::string custom_search_text(CustomFieldType type, const CustomValue& value);

}  // namespace rapport::core
