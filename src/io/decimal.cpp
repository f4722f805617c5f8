// Scaled-integer decimal parsing with overflow checks.
#include "io/decimal.hpp"

#include <array>

namespace rapport::io {
namespace {

constexpr std::array<std::int64_t, 19> kPowersOfTen = [] {
  std::array<std::int64_t, 19> p{};
  p[0] = 1;
  for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
  return p;
}();

std::int64_t power_of_ten(int digits) { return kPowersOfTen[static_cast<std::size_t>(digits)]; }

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// What exports write almost always: up to 18 digits with an optional point and at most `scale`
// decimals, nothing else. Returns nullopt for anything else, which the general parser decides.
std::optional<std::int64_t> parse_plain(std::string_view text, int scale) {
  if (text.empty() || text.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  int decimals = -1;
  for (const char c : text) {
    if (c == '.') {
      if (decimals >= 0) return std::nullopt;
      decimals = 0;
      continue;
    }
    const auto digit = static_cast<unsigned>(c - '0');
    if (digit > 9) return std::nullopt;
    value = value * 10 + digit;
    if (decimals >= 0) ++decimals;
  }
  const int written = decimals < 0 ? 0 : decimals;
  if (written > scale || text.size() == (decimals < 0 ? 0U : 1U)) return std::nullopt;
  if (__builtin_mul_overflow(value, power_of_ten(scale - written), &value)) return std::nullopt;
  return value;
}

}  // namespace

std::optional<std::int64_t> parse_scaled_decimal(std::string_view text, int scale) {
  if (const auto plain = parse_plain(text, scale)) return plain;
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  bool negative = false;
  if (!text.empty() && (text.front() == '+' || text.front() == '-')) {
    negative = text.front() == '-';
    text.remove_prefix(1);
  }
  std::int64_t value = 0;
  int digits = 0;
  int decimals = -1;  // digits seen after the point; -1 before it
  bool round_up = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && decimals < 0) {
      decimals = 0;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    ++digits;
    if (decimals >= 0) {
      if (decimals == scale) {
        // First dropped digit decides the rounding; the rest must still be digits.
        round_up = c >= '5';
        for (std::size_t j = i + 1; j < text.size(); ++j) {
          if (text[j] < '0' || text[j] > '9') return std::nullopt;
        }
        break;
      }
      ++decimals;
    }
    if (__builtin_mul_overflow(value, 10, &value) ||
        __builtin_add_overflow(value, c - '0', &value)) {
      return std::nullopt;
    }
  }
  if (digits == 0) return std::nullopt;
  const int missing = scale - (decimals < 0 ? 0 : decimals);
  if (__builtin_mul_overflow(value, power_of_ten(missing), &value)) return std::nullopt;
  if (round_up && __builtin_add_overflow(value, 1, &value)) return std::nullopt;
  return negative ? -value : value;
}

std::int64_t round_scaled(std::int64_t value, int digits) {
  const std::int64_t p = power_of_ten(digits);
  const std::int64_t quotient = value / p;
  const std::int64_t remainder = value % p;  // same sign as value, so no overflow below
  if (remainder >= p - remainder && remainder > 0) return quotient + 1;
  if (-remainder >= p + remainder && remainder < 0) return quotient - 1;
  return quotient;
}

}  // namespace rapport::io
