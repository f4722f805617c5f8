// libphonenumber parsing and the search digit strings.
#include "core/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

namespace rapport::core {

namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string digits_of(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

Result<ParsedPhone> parse_phone(std::string_view text, std::string_view default_region,
                                std::string_view field) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::string_view trimmed = trim(text);
  PhoneNumber number;
  auto parsed = util.Parse(std::string(trimmed), std::string(default_region), &number);
  if (parsed != PhoneNumberUtil::NO_PARSING_ERROR) {
    return Error::field(std::string(field),
                        "not a phone number (write it with its country code, e.g. +66 81 234 "
                        "5678, or in the national format of " +
                            std::string(default_region) + ")");
  }
  if (!util.IsValidNumber(number)) {
    return Error::field(std::string(field),
                        "not a valid phone number for its country (check the digits and the "
                        "country code)");
  }
  ParsedPhone out{std::string(trimmed), {}};
  util.Format(number, PhoneNumberUtil::E164, &out.e164);
  return out;
}

std::vector<std::string> phone_search_digits(std::string_view e164) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  if (util.Parse(std::string(e164), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR) return {};
  std::vector<std::string> out{digits_of(e164)};
  std::string national;
  util.Format(number, PhoneNumberUtil::NATIONAL, &national);
  std::string national_digits = digits_of(national);
  if (!national_digits.empty() && national_digits != out.front()) out.push_back(national_digits);
  return out;
}

std::optional<std::string> phone_query_digits(std::string_view query) {
  std::string_view q = trim(query);
  if (q.empty()) return std::nullopt;
  for (char c : q) {
    bool allowed = (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' ||
                   c == ')' || c == '.' || c == '/';
    if (!allowed) return std::nullopt;
  }
  std::string digits = digits_of(q);
  if (digits.size() < static_cast<std::size_t>(kMinPhoneQueryDigits)) return std::nullopt;
  return digits;
}

}  // namespace rapport::core
