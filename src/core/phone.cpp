// libphonenumber parsing and the search digit strings.
#include "core/phone.hpp"

#include <phonenumbers/phonenumberutil.h>

#include "core/text_rules.hpp"

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

}  // namespace

Result<ParsedPhone> parse_phone(std::string_view text, std::string_view default_region,
                                std::string_view field) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  std::string_view trimmed = trim_blanks(text);
  const std::string region(default_region);
  PhoneNumber number;
  // Keeping the raw input records whether the country code came from the text or the region.
  auto parsed = util.ParseAndKeepRawInput(std::string(trimmed), region, &number);
  if (parsed != PhoneNumberUtil::NO_PARSING_ERROR) {
    return Error::field(std::string(field),
                        "not a phone number in " + region +
                            " (write it in the national format of " + region +
                            ", or with its country code, e.g. +66 81 234 5678)");
  }
  if (!util.IsValidNumber(number)) {
    // A number with its own country code was read in that country, not in `default_region`.
    std::string read_in;
    util.GetRegionCodeForCountryCode(number.country_code(), &read_in);
    if (number.country_code_source() == PhoneNumber::FROM_DEFAULT_COUNTRY) read_in = region;
    return Error::field(std::string(field),
                        "not a valid phone number in " + read_in +
                            " (check the digits, or give the phone its region or its country "
                            "code)");
  }
  ParsedPhone out{std::string(trimmed), {}};
  util.Format(number, PhoneNumberUtil::E164, &out.e164);
  return out;
}

bool is_phone_region(std::string_view region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  return region.size() == 2 && upper(region[0]) && upper(region[1]) &&
         util.GetCountryCodeForRegion(std::string(region)) != 0;
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
  std::string_view q = trim_blanks(query);
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
