// JSON text for audit entries' field-level changes.
#include "core/audit_entry.hpp"

#include <cstdio>

namespace rapport::core {

std::string json_quote(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
  return out;
}

std::string changes_to_json(const std::vector<FieldChange>& changes) {
  std::string out = "{";
  const auto value = [](const std::optional<std::string>& v) {
    return v ? json_quote(*v) : std::string("null");
  };
  for (const FieldChange& c : changes) {
    if (c.before == c.after) continue;
    if (out.size() > 1) out.push_back(',');
    out += json_quote(c.field) + ":{\"before\":" + value(c.before) +
           ",\"after\":" + value(c.after) + "}";
  }
  out.push_back('}');
  return out;
}

}  // namespace rapport::core
