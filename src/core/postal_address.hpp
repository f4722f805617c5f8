// A structured postal address, as contacts and companies hold them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace rapport::core {

struct PostalAddress {
  std::string type;  // "work", "home", "billing", "shipping" or "other"
  std::string street;
  std::string locality;  // city, town
  std::string region;    // province, state
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2, upper case ("TH"); empty when unknown
  bool operator==(const PostalAddress&) const = default;
};

// Whether `code` is an ISO 3166-1 alpha-2 country code in use, upper case ("NL").
bool is_iso_country(std::string_view code);

// Appends field errors under `prefix` ("addresses/0/") for every problem of `address`.
void check_address(const PostalAddress& address, const std::string& prefix,
                   std::vector<FieldError>& errors);

}  // namespace rapport::core
