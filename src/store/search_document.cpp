// Building search bodies, short-query grams and query plans.
#include "store/search_document.hpp"

#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>

#include "core/phone.hpp"
#include "core/search_text.hpp"

namespace rapport::store {

namespace {

// Bodies join their parts with a line break so that a phrase never spans two fields.
void add(std::string& body, std::string_view part) {
  if (part.empty()) return;
  body += core::normalize_for_search(part);
  body += '\n';
}

void add_custom(std::string& body, const core::CustomValues& values,
                const std::vector<core::CustomFieldDefinition>& definitions) {
  for (const auto& [key, value] : values) {
    // A named copy of the binding: clang 14 cannot capture structured bindings.
    const std::string& name = key;
    auto d = std::find_if(definitions.begin(), definitions.end(),
                          [&](const core::CustomFieldDefinition& x) { return x.key == name; });
    if (d == definitions.end()) continue;
    add(body, core::custom_search_text(d->type, value));
    if (d->type == core::CustomFieldType::kPhone) {
      for (const auto& digits : core::phone_search_digits(value.text)) add(body, digits);
    }
  }
}

// Scripts written without spaces between words, where a two-character word is common (台灣,
// 精密) and can stand anywhere in a run of text.
bool unspaced_script(std::string_view code_point) {
  UChar32 c = 0;
  std::int32_t i = 0;
  U8_NEXT(code_point.data(), i, static_cast<std::int32_t>(code_point.size()), c);
  if (c < 0) return false;
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return false;
  switch (script) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
      return true;
    default:
      return false;
  }
}

std::vector<std::string> code_points(std::string_view s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = 1;
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      n = 4;
    else if (c >= 0xE0)
      n = 3;
    else if (c >= 0xC0)
      n = 2;
    out.emplace_back(s.substr(i, n));
    i += n;
  }
  return out;
}

}  // namespace

std::string contact_search_body(const core::Contact& c,
                                const std::vector<core::CustomFieldDefinition>& definitions,
                                const std::vector<std::string>& note_bodies) {
  std::string body;
  add(body, c.display_name);
  add(body, c.given_name);
  add(body, c.family_name);
  for (const auto& e : c.emails) add(body, e.address);
  for (const auto& p : c.phones) {
    for (const auto& digits : core::phone_search_digits(p.e164)) add(body, digits);
  }
  for (const auto& a : c.addresses) add(body, a.locality);
  add(body, c.notes);
  for (const auto& note : note_bodies) add(body, note);
  add_custom(body, c.custom, definitions);
  return body;
}

std::string company_search_body(const core::Company& c,
                                const std::vector<core::CustomFieldDefinition>& definitions,
                                const std::vector<std::string>& note_bodies) {
  std::string body;
  add(body, c.name);
  for (const auto& d : c.domains) add(body, d);
  add(body, c.industry);
  add(body, c.notes);
  for (const auto& note : note_bodies) add(body, note);
  add_custom(body, c.custom, definitions);
  return body;
}

std::string activity_search_body(const core::Activity& a,
                                 const std::vector<core::CustomFieldDefinition>& definitions) {
  std::string body;
  add(body, a.subject);
  add(body, a.body);
  add(body, a.outcome);
  add(body, a.location);
  for (const auto& digits : core::phone_search_digits(a.phone)) add(body, digits);
  add_custom(body, a.custom, definitions);
  return body;
}

std::vector<Place> contact_places(const core::Contact& contact) {
  std::vector<Place> out;
  for (const auto& a : contact.addresses) {
    if (a.locality.empty() && a.country.empty()) continue;
    out.push_back({city_key(a.locality), a.country});
  }
  return out;
}

std::string city_key(std::string_view city) { return core::normalize_for_search(city); }

std::set<std::string> search_grams(const std::vector<std::string>& names,
                                   std::string_view body) {
  std::set<std::string> grams;
  for (const auto& name : names) {
    auto chars = code_points(core::normalize_for_search(name));
    for (std::size_t i = 0; i < chars.size(); ++i) {
      if (chars[i] == " ") continue;
      if (i == 0 || chars[i - 1] == " ") grams.insert(chars[i]);
      if (i + 1 < chars.size() && chars[i + 1] != " ") grams.insert(chars[i] + chars[i + 1]);
    }
  }
  auto chars = code_points(body);
  for (std::size_t i = 0; i + 1 < chars.size(); ++i) {
    if (unspaced_script(chars[i]) && unspaced_script(chars[i + 1])) {
      grams.insert(chars[i] + chars[i + 1]);
    }
  }
  return grams;
}

SearchPlan plan_search(std::string_view q) {
  SearchPlan plan;
  if (auto digits = core::phone_query_digits(q)) {
    // A national number typed with its trunk prefix ("081…") is indexed with it; one typed
    // with the country code matches the E.164 digits.
    plan.phrases.push_back(*digits);
    return plan;
  }
  std::string normalized = core::normalize_for_search(q);
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < normalized.size()) {
    std::size_t end = normalized.find(' ', start);
    if (end == std::string::npos) end = normalized.size();
    if (end > start) words.push_back(normalized.substr(start, end - start));
    start = end + 1;
  }
  for (const auto& w : words) {
    if (core::code_point_count(w) >= 3)
      plan.phrases.push_back(w);
    else
      plan.grams.push_back(w);
  }
  if (!plan.phrases.empty()) plan.grams.clear();
  return plan;
}

std::string fts_phrase(std::string_view phrase) {
  std::string out = "\"";
  for (char c : phrase) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace rapport::store
