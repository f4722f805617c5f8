// Format-driven date parsing on top of std::chrono's civil calendar.
#include "io/date_format.hpp"

#include <array>
#include <chrono>
#include <string>

namespace rapport::io {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                      "jul", "aug", "sep", "oct", "nov", "dec"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Reads between min_digits and max_digits digits at text[pos]; advances pos.
std::optional<int> read_number(std::string_view text, std::size_t& pos, int min_digits,
                               int max_digits) {
  int value = 0;
  int digits = 0;
  while (digits < max_digits && pos < text.size() && is_digit(text[pos])) {
    value = value * 10 + (text[pos] - '0');
    ++pos;
    ++digits;
  }
  if (digits < min_digits) return std::nullopt;
  return value;
}

}  // namespace

core::Status validate_date_format(std::string_view format) {
  for (std::size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 == format.size()) {
      return core::Error::field("date_format", "ends with a lone '%'");
    }
    const char c = format[++i];
    if (std::string_view("YymdHMSb%").find(c) == std::string_view::npos) {
      return core::Error::field("date_format", std::string("unsupported conversion %") + c);
    }
  }
  return core::ok_status();
}

bool date_format_has_time(std::string_view format) {
  for (std::size_t i = 0; i + 1 < format.size(); ++i) {
    if (format[i] != '%') continue;
    const char c = format[++i];
    if (c == 'H' || c == 'M' || c == 'S') return true;
  }
  return false;
}

std::optional<std::int64_t> parse_date_time(std::string_view text, std::string_view format) {
  int year = 1970;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char f = format[i];
    if (f == ' ') {
      if (pos >= text.size() || (text[pos] != ' ' && text[pos] != '\t')) return std::nullopt;
      while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
      continue;
    }
    if (f != '%' || i + 1 == format.size()) {
      if (pos >= text.size() || text[pos] != f) return std::nullopt;
      ++pos;
      continue;
    }
    const char c = format[++i];
    std::optional<int> value;
    switch (c) {
      case 'Y':
        value = read_number(text, pos, 4, 4);
        if (value) year = *value;
        break;
      case 'y':
        value = read_number(text, pos, 2, 2);
        if (value) year = *value + (*value >= 69 ? 1900 : 2000);
        break;
      case 'm':
        value = read_number(text, pos, 1, 2);
        if (value) month = *value;
        break;
      case 'd':
        value = read_number(text, pos, 1, 2);
        if (value) day = *value;
        break;
      case 'H':
        value = read_number(text, pos, 1, 2);
        if (value) hour = *value;
        break;
      case 'M':
        value = read_number(text, pos, 1, 2);
        if (value) minute = *value;
        break;
      case 'S':
        value = read_number(text, pos, 1, 2);
        if (value) second = *value;
        break;
      case 'b':
        if (pos + 3 > text.size()) return std::nullopt;
        for (std::size_t m = 0; m < kMonths.size(); ++m) {
          const std::string_view name = kMonths[m];
          if (lower(text[pos]) == name[0] && lower(text[pos + 1]) == name[1] &&
              lower(text[pos + 2]) == name[2]) {
            value = static_cast<int>(m) + 1;
          }
        }
        if (value) {
          month = *value;
          pos += 3;
        }
        break;
      case '%':
        if (pos < text.size() && text[pos] == '%') {
          value = 0;
          ++pos;
        }
        break;
      default:
        return std::nullopt;
    }
    if (!value) return std::nullopt;
  }
  if (pos != text.size()) return std::nullopt;
  if (hour > 23 || minute > 59 || second > 59) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  const std::int64_t days = std::chrono::sys_days{date}.time_since_epoch().count();
  return days * 86400 + hour * 3600 + minute * 60 + second;
}

}  // namespace rapport::io
