// RFC 3339 parsing and formatting by hand: g++ 12 has no std::chrono::parse.
#include "core/timestamp.hpp"

#include <cstdio>

namespace rapport::core {

namespace {

bool digits(std::string_view s, std::size_t at, std::size_t n, int& out) {
  if (at + n > s.size()) return false;
  out = 0;
  for (std::size_t i = at; i < at + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

Error bad(std::string_view text) {
  return Error::invalid("not an RFC 3339 date or time: \"" + std::string(text.substr(0, 40)) +
                        "\"");
}

bool valid_date(std::string_view text, std::chrono::sys_days& out) {
  int y = 0, m = 0, d = 0;
  if (!digits(text, 0, 4, y) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, m) ||
      text[7] != '-' || !digits(text, 8, 2, d)) {
    return false;
  }
  std::chrono::year_month_day ymd{std::chrono::year(y),
                                  std::chrono::month(static_cast<unsigned>(m)),
                                  std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return false;
  out = std::chrono::sys_days(ymd);
  return true;
}

}  // namespace

Result<Timestamp> parse_date(std::string_view text) {
  std::chrono::sys_days day;
  if (text.size() != 10 || !valid_date(text, day)) return bad(text);
  return Timestamp(day);
}

Result<Timestamp> parse_timestamp(std::string_view text) {
  std::chrono::sys_days day;
  if (!valid_date(text, day)) return bad(text);
  if (text.size() == 10) return Timestamp(day);
  int hh = 0, mm = 0, ss = 0;
  if (text.size() < 20 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ') ||
      !digits(text, 11, 2, hh) || text[13] != ':' || !digits(text, 14, 2, mm) || text[16] != ':' ||
      !digits(text, 17, 2, ss) || hh > 23 || mm > 59 || ss > 60) {
    return bad(text);
  }
  std::size_t at = 19;
  int millis = 0;
  if (text[at] == '.') {
    std::size_t start = ++at;
    while (at < text.size() && text[at] >= '0' && text[at] <= '9') {
      if (at - start < 3) millis = millis * 10 + (text[at] - '0');
      ++at;
    }
    if (at == start) return bad(text);
    for (std::size_t n = at - start; n < 3; ++n) millis *= 10;
  }
  int offset_minutes = 0;
  std::string_view zone = text.substr(at);
  if (zone == "Z" || zone == "z") {
    offset_minutes = 0;
  } else {
    int oh = 0, om = 0;
    if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || !digits(zone, 1, 2, oh) ||
        zone[3] != ':' || !digits(zone, 4, 2, om) || oh > 23 || om > 59) {
      return bad(text);
    }
    offset_minutes = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
  }
  // A leap second (":60") is folded into the next second, as most systems do.
  auto t = Timestamp(day) + std::chrono::hours(hh) + std::chrono::minutes(mm) +
           std::chrono::seconds(ss) + std::chrono::milliseconds(millis) -
           std::chrono::minutes(offset_minutes);
  // An offset can carry 0000-01-01 back into year -1 or 9999-12-31 on into 10000, which
  // format_timestamp cannot write as RFC 3339 (four-digit years): refused, so that every time
  // accepted is written back readable.
  const std::chrono::year year =
      std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(t)).year();
  if (year < std::chrono::year(0) || year > std::chrono::year(9999)) return bad(text);
  return Timestamp(t);
}

std::string format_timestamp(Timestamp t) {
  auto day = std::chrono::floor<std::chrono::days>(t);
  std::chrono::year_month_day ymd(day);
  std::chrono::hh_mm_ss<std::chrono::milliseconds> hms(t - day);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()), static_cast<int>(hms.hours().count()),
                static_cast<int>(hms.minutes().count()), static_cast<int>(hms.seconds().count()),
                static_cast<int>(hms.subseconds().count()));
  return buf;
}

}  // namespace rapport::core
