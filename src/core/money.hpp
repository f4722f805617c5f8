// Money: an amount in integer minor units (satang, cents) with its ISO 4217 currency code; never
// floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rapport::core {

struct Money {
  std::int64_t minor_units = 0;
  std::string currency;  // ISO 4217, upper case, e.g. "THB"
  bool operator==(const Money&) const = default;
};

// True when `code` is a current ISO 4217 code that ICU knows ("THB", "EUR"; not "thb" or "XYZ").
bool is_currency_code(std::string_view code);

// Builds a Money after checking the code. Returns kInvalid with a field error on `field` when the
// code is unknown.
Result<Money> make_money(std::int64_t minor_units, std::string_view currency,
                         std::string_view field = "currency");

// Digits after the decimal point in the currency's usual notation (2 for EUR, 0 for JPY);
// requires is_currency_code(code).
int minor_unit_digits(std::string_view code);

}  // namespace rapport::core
