// Checks of postal addresses.
#include "core/postal_address.hpp"

#include <unicode/uloc.h>

#include "core/text_rules.hpp"

namespace rapport::core {

bool is_iso_country(std::string_view code) {
  if (code.size() != 2) return false;
  // ICU's list of the ISO 3166-1 alpha-2 codes in use, upper case, null-terminated.
  for (const char* const* c = uloc_getISOCountries(); *c != nullptr; ++c) {
    if (code == *c) return true;
  }
  return false;
}

void check_address(const PostalAddress& a, const std::string& prefix,
                   std::vector<FieldError>& errors) {
  if (a.type != "work" && a.type != "home" && a.type != "billing" && a.type != "shipping" &&
      a.type != "other") {
    errors.push_back({prefix + "type", "must be work, home, billing, shipping or other"});
  }
  check_text(prefix + "street", a.street, 500, false, errors);
  check_text(prefix + "locality", a.locality, 200, true, errors);
  check_text(prefix + "region", a.region, 200, true, errors);
  check_text(prefix + "postal_code", a.postal_code, 32, true, errors);
  if (!a.country.empty() && !is_iso_country(a.country)) {
    errors.push_back({prefix + "country", "must be an ISO 3166 code such as TH"});
  }
}

}  // namespace rapport::core
