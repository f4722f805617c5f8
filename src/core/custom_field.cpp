// Custom field definitions and per-type value checks.
#include "core/custom_field.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <set>
#include <utility>

#include "core/collation.hpp"
#include "core/email.hpp"
#include "core/phone.hpp"

namespace rapport::core {

namespace {

constexpr std::size_t kMaxText = 1000;
constexpr std::size_t kMaxLongText = 100000;
constexpr std::size_t kMaxUrl = 2048;

constexpr std::array<std::pair<CustomFieldType, std::string_view>, 12> kTypeNames{{
    {CustomFieldType::kText, "text"},
    {CustomFieldType::kLongText, "long_text"},
    {CustomFieldType::kNumber, "number"},
    {CustomFieldType::kMoney, "money"},
    {CustomFieldType::kDate, "date"},
    {CustomFieldType::kDateTime, "date_time"},
    {CustomFieldType::kBoolean, "boolean"},
    {CustomFieldType::kSingleSelect, "single_select"},
    {CustomFieldType::kMultiSelect, "multi_select"},
    {CustomFieldType::kUrl, "url"},
    {CustomFieldType::kEmail, "email"},
    {CustomFieldType::kPhone, "phone"},
}};

std::string trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 64 || key.front() < 'a' || key.front() > 'z') return false;
  return std::all_of(key.begin(), key.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

std::optional<double> parse_number(std::string_view text) {
  double out = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() ||
      !std::isfinite(out)) {
    return std::nullopt;
  }
  return out;
}

bool is_option(const CustomFieldDefinition& d, std::string_view v) {
  return std::find(d.options.begin(), d.options.end(), v) != d.options.end();
}

Status fail(const std::string& field, std::string message) {
  return Error::field(field, std::move(message));
}

}  // namespace

std::string_view to_string(CustomFieldType type) {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type) return name;
  }
  return "text";
}

Result<CustomFieldType> parse_custom_field_type(std::string_view name) {
  for (const auto& [t, n] : kTypeNames) {
    if (n == name) return t;
  }
  return Error::field("type",
                      "unknown custom field type \"" + std::string(name.substr(0, 32)) + "\"");
}

Status validate(const CustomFieldDefinition& d) {
  std::vector<FieldError> errors;
  if (!valid_key(d.key)) {
    errors.push_back({"key", "must start with a-z and hold only a-z, 0-9 and _ (at most 64)"});
  }
  if (trimmed(d.label).empty() || d.label.size() > 200) {
    errors.push_back({"label", "must be 1-200 characters"});
  }
  bool select = d.type == CustomFieldType::kSingleSelect || d.type == CustomFieldType::kMultiSelect;
  if (select && d.options.empty()) errors.push_back({"options", "a select field needs options"});
  if (!select && !d.options.empty())
    errors.push_back({"options", "only select fields have options"});
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < d.options.size(); ++i) {
    const std::string& o = d.options[i];
    if (trimmed(o) != o || o.empty() || o.size() > 200) {
      errors.push_back({"options/" + std::to_string(i), "must be 1-200 characters, not padded"});
    } else if (!seen.insert(o).second) {
      errors.push_back({"options/" + std::to_string(i), "is listed twice"});
    }
  }
  bool uniqueable = d.type != CustomFieldType::kBoolean &&
                    d.type != CustomFieldType::kMultiSelect && d.type != CustomFieldType::kLongText;
  if (d.unique && !uniqueable) {
    errors.push_back({"unique", "boolean, long text and multi select fields cannot be unique"});
  }
  if (errors.empty()) return {};
  return Error::invalid("the custom field definition is invalid", std::move(errors));
}

std::optional<std::string> canonical_number(std::string_view text) {
  std::int64_t integer = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), integer);
  if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) {
    return std::to_string(integer);
  }
  auto number = parse_number(text);
  if (!number) return std::nullopt;
  std::array<char, 32> buffer{};
  auto written = std::to_chars(buffer.data(), buffer.data() + buffer.size(), *number);
  return std::string(buffer.data(), written.ptr);
}

Status normalize_custom_value(const CustomFieldDefinition& d, CustomValue& value,
                              std::string_view default_region, const std::string& field) {
  value.type = d.type;
  switch (d.type) {
    case CustomFieldType::kText:
    case CustomFieldType::kLongText: {
      std::size_t limit = d.type == CustomFieldType::kText ? kMaxText : kMaxLongText;
      if (value.text.size() > limit) {
        return fail(field, "is longer than " + std::to_string(limit) + " bytes");
      }
      if (d.type == CustomFieldType::kText && value.text.find('\n') != std::string::npos) {
        return fail(field, "a text field holds one line; use a long text field");
      }
      return {};
    }
    case CustomFieldType::kNumber: {
      auto number = canonical_number(trimmed(value.text));
      if (!number) return fail(field, "is not a number");
      value.text = std::move(*number);
      return {};
    }
    case CustomFieldType::kMoney: {
      if (!value.money) return fail(field, "needs an amount and a currency");
      auto money = make_money(value.money->minor_units, value.money->currency, field + "/currency");
      if (!money.ok()) return std::move(money).error();
      return {};
    }
    case CustomFieldType::kDate: {
      value.text = trimmed(value.text);
      auto date = parse_date(value.text);
      if (!date.ok()) return fail(field, "is not a date (YYYY-MM-DD)");
      return {};
    }
    case CustomFieldType::kDateTime: {
      auto t = parse_timestamp(trimmed(value.text));
      if (!t.ok() || value.text.size() <= 10) return fail(field, "is not an RFC 3339 date-time");
      value.text = format_timestamp(*t);
      return {};
    }
    case CustomFieldType::kBoolean:
      if (value.text != "true" && value.text != "false")
        return fail(field, "must be true or false");
      return {};
    case CustomFieldType::kSingleSelect:
      if (!is_option(d, value.text)) return fail(field, "is not one of the field's options");
      return {};
    case CustomFieldType::kMultiSelect: {
      std::set<std::string> seen;
      for (const std::string& choice : value.choices) {
        if (!is_option(d, choice))
          return fail(field, "\"" + choice.substr(0, 64) + "\" is not an option");
        if (!seen.insert(choice).second) return fail(field, "lists \"" + choice + "\" twice");
      }
      return {};
    }
    case CustomFieldType::kUrl: {
      value.text = trimmed(value.text);
      const std::string& u = value.text;
      bool scheme = u.starts_with("http://") || u.starts_with("https://");
      bool clean = std::none_of(u.begin(), u.end(), [](char c) {
        return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f;
      });
      if (!scheme || !clean || u.size() > kMaxUrl || u.find('.') == std::string::npos) {
        return fail(field, "is not an http(s) URL");
      }
      return {};
    }
    case CustomFieldType::kEmail: {
      auto email = normalize_email(value.text, field);
      if (!email.ok()) return std::move(email).error();
      value.text = *email;
      return {};
    }
    case CustomFieldType::kPhone: {
      auto phone = parse_phone(value.text, default_region, field);
      if (!phone.ok()) return std::move(phone).error();
      value.text = phone->e164;
      return {};
    }
  }
  return fail(field, "has an unknown type");
}

void check_custom_values(const std::vector<CustomFieldDefinition>& definitions,
                         CustomValues& values, std::string_view default_region,
                         std::vector<FieldError>& errors) {
  for (auto& [key, value] : values) {
    // A named copy of the binding: clang 14 cannot capture structured bindings.
    const std::string& name = key;
    auto d = std::find_if(definitions.begin(), definitions.end(),
                          [&](const CustomFieldDefinition& x) { return x.key == name; });
    std::string field = "custom/" + key;
    if (d == definitions.end()) {
      errors.push_back({field, "no such custom field"});
      continue;
    }
    Status status = normalize_custom_value(*d, value, default_region, field);
    if (!status.ok()) {
      for (const FieldError& e : status.error().fields) errors.push_back(e);
    }
  }
  for (const CustomFieldDefinition& d : definitions) {
    if (d.required && !values.contains(d.key)) {
      errors.push_back({"custom/" + d.key, "is required"});
    }
  }
}

std::optional<double> custom_sort_number(CustomFieldType type, const CustomValue& value) {
  switch (type) {
    case CustomFieldType::kNumber:
      return parse_number(value.text);
    case CustomFieldType::kMoney:
      if (!value.money) return std::nullopt;
      return static_cast<double>(value.money->minor_units);
    case CustomFieldType::kDate:
    case CustomFieldType::kDateTime: {
      auto t = parse_timestamp(value.text);
      if (!t.ok()) return std::nullopt;
      return static_cast<double>(to_millis(*t));
    }
    default:
      return std::nullopt;
  }
}

std::string custom_sort_key(CustomFieldType type, const CustomValue& value) {
  if (auto number = custom_sort_number(type, value)) return number_key(*number);
  if (type != CustomFieldType::kMultiSelect) return collation_key(value.text);
  std::string joined;
  for (const std::string& choice : value.choices) joined += (joined.empty() ? "" : ", ") + choice;
  return collation_key(joined);
}

std::string custom_search_text(CustomFieldType type, const CustomValue& value) {
  switch (type) {
    case CustomFieldType::kText:
    case CustomFieldType::kLongText:
    case CustomFieldType::kSingleSelect:
    case CustomFieldType::kUrl:
    case CustomFieldType::kEmail:
    case CustomFieldType::kPhone:
      return value.text;
    case CustomFieldType::kMultiSelect: {
      std::string out;
      for (const std::string& c : value.choices) out += c + " ";
      return out;
    }
    default:
      return {};
  }
}

}  // namespace rapport::core
