// Checks of postal addresses.
#include "core/postal_address.hpp"

#include "core/text_rules.hpp"

namespace rapport::core {

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
  bool country_ok =
      a.country.empty() || (a.country.size() == 2 && a.country[0] >= 'A' && a.country[0] <= 'Z' &&
                            a.country[1] >= 'A' && a.country[1] <= 'Z');
  if (!country_ok) errors.push_back({prefix + "country", "must be an ISO 3166 code such as TH"});
}

}  // namespace rapport::core
