// Cursor packing: "v1|field|a or d|i or s|id|value", base64url without padding.
#include "store/cursor.hpp"

#include <charconv>
#include <vector>

namespace rapport::store {

namespace {

constexpr std::string_view kAlphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url(std::string_view in) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : in) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3f];
  return out;
}

bool unbase64url(std::string_view in, std::string& out) {
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : in) {
    auto pos = kAlphabet.find(c);
    if (pos == std::string_view::npos) return false;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(pos);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return true;
}

bool parse_int(std::string_view s, std::int64_t& out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return !s.empty() && ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

std::string encode_cursor(const Cursor& c) {
  std::string raw = "v1|" + c.field + "|" + (c.descending ? "d" : "a") + "|";
  if (const auto* n = std::get_if<std::int64_t>(&c.value)) {
    raw += "i|" + std::to_string(c.id) + "|" + std::to_string(*n);
  } else {
    raw += "s|" + std::to_string(c.id) + "|" + std::get<std::string>(c.value);
  }
  return base64url(raw);
}

core::Result<Cursor> decode_cursor(std::string_view text) {
  core::Error bad = core::Error::field("after", "not a cursor from a previous page");
  std::string raw;
  if (text.size() > 4096 || !unbase64url(text, raw)) return bad;
  std::vector<std::string_view> parts;
  std::string_view rest = raw;
  for (int i = 0; i < 5; ++i) {
    auto bar = rest.find('|');
    if (bar == std::string_view::npos) return bad;
    parts.push_back(rest.substr(0, bar));
    rest.remove_prefix(bar + 1);
  }
  if (parts[0] != "v1" || parts[1].empty() || (parts[2] != "a" && parts[2] != "d")) return bad;
  Cursor c;
  c.field = std::string(parts[1]);
  c.descending = parts[2] == "d";
  if (!parse_int(parts[4], c.id)) return bad;
  if (parts[3] == "i") {
    std::int64_t n = 0;
    if (!parse_int(rest, n)) return bad;
    c.value = n;
  } else if (parts[3] == "s") {
    c.value = std::string(rest);
  } else {
    return bad;
  }
  return c;
}

}  // namespace rapport::store
