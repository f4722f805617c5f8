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

// Days since 1970-01-01 of a valid civil date (H. Hinnant's days_from_civil).
std::int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int year_of_era = y - era * 400;
  const int day_of_year = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return std::int64_t{era} * 146097 + day_of_era - 719468;
}

int days_in_month(int y, int m) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[static_cast<std::size_t>(m - 1)];
}

// Two digits at text[pos], or -1.
int two_digits(std::string_view text, std::size_t pos) {
  const char a = text[pos];
  const char b = text[pos + 1];
  return is_digit(a) && is_digit(b) ? (a - '0') * 10 + (b - '0') : -1;
}

// The ISO shapes written with every field at full width ("2011-12-09", "2011-12-09 08:05",
// "2011-12-09 08:05:31"), parsed without interpreting the format. Anything else (short fields,
// several blanks, an invalid date) returns nullopt and takes the general path, which decides.
std::optional<std::int64_t> parse_full_width_iso(std::string_view text, IsoShape shape) {
  std::size_t time_fields = 0;
  switch (shape) {
    case IsoShape::kNone:
      return std::nullopt;
    case IsoShape::kDate:
      time_fields = 0;
      break;
    case IsoShape::kDateHourMinute:
      time_fields = 2;
      break;
    case IsoShape::kDateTime:
      time_fields = 3;
      break;
  }
  if (text.size() != (time_fields == 0 ? 10 : 10 + 3 * time_fields)) return std::nullopt;
  if (text[4] != '-' || text[7] != '-') return std::nullopt;
  const int century = two_digits(text, 0);
  const int year_of_century = two_digits(text, 2);
  const int month = two_digits(text, 5);
  const int day = two_digits(text, 8);
  if (century < 0 || year_of_century < 0 || month < 1 || month > 12 || day < 1) {
    return std::nullopt;
  }
  const int year = century * 100 + year_of_century;
  if (day > days_in_month(year, month)) return std::nullopt;
  std::int64_t seconds = days_from_civil(year, month, day) * 86400;
  static constexpr std::array<int, 3> kLimits = {23, 59, 59};
  static constexpr std::array<int, 3> kScale = {3600, 60, 1};
  for (std::size_t f = 0; f < time_fields; ++f) {
    const std::size_t at = 10 + 3 * f;
    if (text[at] != (f == 0 ? ' ' : ':')) return std::nullopt;
    const int value = two_digits(text, at + 1);
    if (value < 0 || value > kLimits[f]) return std::nullopt;
    seconds += value * kScale[f];
  }
  return seconds;
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

IsoShape iso_shape_of(std::string_view format) {
  if (format == "%Y-%m-%d") return IsoShape::kDate;
  if (format == "%Y-%m-%d %H:%M") return IsoShape::kDateHourMinute;
  if (format == "%Y-%m-%d %H:%M:%S") return IsoShape::kDateTime;
  return IsoShape::kNone;
}

std::optional<std::int64_t> parse_date_time(std::string_view text, std::string_view format) {
  return parse_date_time(text, format, iso_shape_of(format));
}

std::optional<std::int64_t> parse_date_time(std::string_view text, std::string_view format,
                                            IsoShape shape) {
  if (const auto fast = parse_full_width_iso(text, shape)) return fast;
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
