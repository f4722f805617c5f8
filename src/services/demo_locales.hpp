// The word lists behind the demo data: names, streets, cities and companies for each locale our
// first users write (Thai, Dutch, Filipino, Chinese in Taiwan and the mainland, English).
#pragma once

#include <span>
#include <string_view>

namespace rapport::services::demo {

// A name in its own script with the ASCII form used to build e-mail addresses.
struct Name {
  std::string_view native;
  std::string_view ascii;
};

struct City {
  std::string_view name;
  std::string_view region;       // province, state or county; empty where not used
  std::string_view postal_code;  // a real code of that city
};

enum class NameOrder { kGivenFirst, kFamilyFirst };

struct Locale {
  std::string_view country;    // ISO 3166-1 alpha-2, also the phone default region
  std::string_view language;   // BCP 47 preferred language of people there
  std::string_view time_zone;  // IANA zone
  std::string_view currency;   // ISO 4217
  NameOrder order;
  bool space_between_names;  // false for Chinese: 王小明
  std::span<const Name> given_names;
  std::span<const Name> family_names;
  std::span<const std::string_view> streets;
  std::span<const City> cities;
  std::span<const Name> company_stems;
  std::span<const std::string_view> company_suffixes;
  std::string_view web_suffix;  // appended to a company's ASCII stem, under the reserved .example
  std::span<const std::string_view> notes;
  std::span<const std::string_view> activity_subjects;  // calls, meetings, tasks, e-mails
  // Formats for phone numbers: '#' is a random digit, every other character is copied. Each
  // yields a number that libphonenumber accepts as valid for `country`.
  std::span<const std::string_view> phone_formats;
};

// Every demo locale, in a fixed order (the generator's output depends on it).
std::span<const Locale> locales();

}  // namespace rapport::services::demo
