// ISO 4217 checks against ICU's currency list.
#include "core/money.hpp"

#include <unicode/ucurr.h>
#include <unicode/uenum.h>

#include <set>

namespace rapport::core {

namespace {

const std::set<std::string, std::less<>>& currency_codes() {
  static const std::set<std::string, std::less<>> codes = [] {
    std::set<std::string, std::less<>> out;
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration* all = ucurr_openISOCurrencies(UCURR_COMMON | UCURR_NON_DEPRECATED, &status);
    if (U_FAILURE(status)) return out;
    int32_t length = 0;
    while (const char* code = uenum_next(all, &length, &status)) {
      if (U_FAILURE(status)) break;
      out.emplace(code, static_cast<std::size_t>(length));
    }
    uenum_close(all);
    return out;
  }();
  return codes;
}

}  // namespace

bool is_currency_code(std::string_view code) { return currency_codes().contains(code); }

Result<Money> make_money(std::int64_t minor_units, std::string_view currency,
                         std::string_view field) {
  if (!is_currency_code(currency)) {
    return Error::field(std::string(field), "not an ISO 4217 currency code: \"" +
                                                std::string(currency.substr(0, 16)) + "\"");
  }
  return Money{minor_units, std::string(currency)};
}

int minor_unit_digits(std::string_view code) {
  UChar wide[4] = {};
  for (std::size_t i = 0; i < 3 && i < code.size(); ++i) wide[i] = static_cast<UChar>(code[i]);
  UErrorCode status = U_ZERO_ERROR;
  int digits = ucurr_getDefaultFractionDigits(wide, &status);
  return U_FAILURE(status) ? 2 : digits;
}

}  // namespace rapport::core
