// Naughty input (issue 14, harness 4): the Big List of Naughty Strings plus NUL, control
// characters, lone surrogates, overlong and invalid UTF-8 and spreadsheet formula prefixes, sent
// through the HTTP API into every free-text field of every kind. Each (string, field) must be
// stored and read back byte-identical (or in the documented normal form: names trimmed, domains
// and user e-mails lower-cased), or refused with a 4xx problem naming the field (or, for bytes
// that are not UTF-8 and lone surrogate escapes, a 400 for the whole body); never a 5xx. Stored
// strings are also searched by `q` on the kinds that have search (never a 5xx; found or not is
// printed). Export and re-import do not exist yet. Runs on SQLite and PostgreSQL and prints its
// figures.
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>  // CLI11's out-of-line parts, which main.cpp provides to the rapport binary
#include <boost/json.hpp>

#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "../api_fixture.hpp"
#include "core/text_rules.hpp"

namespace rapport::app::api_harness {
namespace {

// One naughty value as JSON string text (what goes between the quotes of the body, escapes as
// sent) and the bytes a server that stores it must give back; nullopt when the text denotes no
// valid UTF-8 string (invalid bytes, lone surrogates), which can only be refused.
struct Naughty {
  std::string literal;
  std::optional<std::string> bytes;
};

std::optional<std::string> decode_literal(const std::string& literal) {
  boost::system::error_code ec;
  const json::value v = json::parse("\"" + literal + "\"", ec);
  if (ec) return std::nullopt;
  return std::string(v.as_string());
}

std::vector<Naughty> naughty_strings() {
  std::vector<Naughty> out;
  std::set<std::string> seen;
  auto add = [&](const std::string& literal) {
    if (seen.insert(literal).second) out.push_back({literal, decode_literal(literal)});
  };
  std::ifstream in(std::string(RAPPORT_SHARED_DATA) + "/naughty/blns.json", std::ios::binary);
  const std::string text{std::istreambuf_iterator<char>(in), {}};
  const json::value blns = json::parse(text);
  for (const auto& s : blns.as_array()) {
    if (s.as_string().empty()) continue;  // an empty value is "absent", not naughty
    const std::string quoted = json::serialize(s);
    add(quoted.substr(1, quoted.size() - 2));
  }
  // Escapes the list lacks: NUL and other controls, line separators, lone surrogates.
  for (const char* l : {"a\\u0000b", "\\u0000", "\\u0001", "\\u001b[31mred", "a\\tb", "a\\nb",
                        "a\\r\\nb", "\\u007f", "\\u0085", "a\\u2028b", "\\ud800", "\\udc00",
                        "a\\ud800b", "\\udbff\\udfff", "\\ud83d\\ude00"}) {
    add(l);
  }
  // Raw bytes that are not UTF-8: overlong forms, CESU surrogates, stray and truncated bytes.
  for (const char* l : {"\xc0\xaf", "\xe0\x80\xaf", "\xf0\x80\x80\xaf", "\xc0\x80", "\xed\xa0\x80",
                        "\xff", "\xfe\xff", "a\xc3", "\x80", "\xf4\x90\x80\x80"}) {
    add(l);
  }
  // Spreadsheet formula prefixes (CSV injection once export exists).
  for (const char* l : {"=1+1", "+1", "-1", "@SUM(A1:A2)", "=HYPERLINK(\\\"http://x.test\\\")",
                        "\\t=1", "=cmd|' /C calc'!A0"}) {
    add(l);
  }
  return out;
}

// A kind: where it is created and read, its free-text fields (error paths = JSON pointers without
// the leading '/'), and the body for a set of fields holding the value (others at defaults).
struct Kind {
  std::string name;
  std::vector<std::string> fields;
  std::function<std::string(const std::set<std::string>& active, const std::string& value,
                            int serial)>
      body;
  std::string create;  // POST target
  std::string read;    // GET prefix before the id
  std::string search;  // list target for ?q=, empty when the kind has no search
  // The field a record cannot do without: blank after trimming, the record's own rule refuses
  // it on a derived field ("a contact needs a name" on display_name).
  std::string required;
  // Fields the API normalises as documented: names lose surrounding spaces and tabs, domains
  // are lower-cased. A value read back as that normal form counts as stored, not as changed.
  std::map<std::string, std::string (*)(const std::string&)> normalised;
};

std::string trimmed(const std::string& s) { return core::trim_spaces(s); }
std::string lowered(const std::string& s) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

struct Figures {
  std::size_t cases = 0, identical = 0, normal_form = 0, refused_field = 0, refused_body = 0,
              changed = 0, unnamed_4xx = 0, server_errors = 0, searched = 0, found = 0,
              not_found = 0, search_refused = 0, search_5xx = 0;
  std::vector<std::string> failures;  // the first few cases that broke the rule

  void add(const Figures& o) {
    cases += o.cases, identical += o.identical, normal_form += o.normal_form;
    refused_field += o.refused_field, refused_body += o.refused_body, changed += o.changed;
    unnamed_4xx += o.unnamed_4xx, server_errors += o.server_errors, searched += o.searched;
    found += o.found, not_found += o.not_found, search_refused += o.search_refused;
    search_5xx += o.search_5xx;
    for (const auto& what : o.failures) {
      if (failures.size() < 20) failures.push_back(what);
    }
  }
};

std::string quoted(const std::set<std::string>& active, const std::string& field,
                   const std::string& value, const std::string& fallback) {
  return active.count(field) ? "\"" + value + "\"" : "\"" + fallback + "\"";
}

class NaughtyInput : public ApiTest {
 protected:
  // Thousands of requests from one address: the API's rate limit would answer 429.
  void adjust(ApiOptions& options) override { options.limits.enabled = false; }

  // The strings go through the kind on a few client threads at once: each write waits for its
  // commit (an fsync on PostgreSQL), and the server serves requests concurrently.
  void run_kind(const Kind& kind, const std::vector<Naughty>& strings, const Client& admin,
                Figures& f) {
    constexpr std::size_t kThreads = 4;
    std::vector<Figures> parts(kThreads);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < kThreads; ++t) {
      threads.emplace_back([&, t] {
        for (std::size_t i = t; i < strings.size(); i += kThreads) {
          run_one(kind, strings[i], static_cast<int>(i) + 1, admin, parts[t]);
        }
      });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& part : parts) f.add(part);
  }

  void run_one(const Kind& kind, const Naughty& s, int serial, const Client& admin, Figures& f) {
    std::set<std::string> active(kind.fields.begin(), kind.fields.end());
    f.cases += active.size();
    // Every field holds the value at once; the fields a 4xx names are refused and dropped, and
    // the rest sent again, so that each field gets its own verdict in few requests.
    while (!active.empty()) {
      const Reply created =
          admin.write(bhttp::verb::post, kind.create, kind.body(active, s.literal, serial));
      if (created.status == 201) {
        check_stored(kind, s, active, created, admin, f);
        break;
      }
      const auto label = kind.name + " " + std::to_string(created.status) + " <" +
                         s.literal.substr(0, 40) + ">: " + created.body.substr(0, 200);
      if (created.status >= 500) {
        f.server_errors += active.size();
        note(f, label);
        break;
      }
      std::size_t named = 0;
      const auto errors = error_fields_or_empty(created);
      for (const auto& field : errors) named += active.erase(field);
      if (named == 0 && !errors.empty() && !kind.required.empty()) {
        named += active.erase(kind.required);
      }
      if (named > 0) {
        f.refused_field += named;
        continue;
      }
      // Bytes that are not UTF-8, or a lone surrogate escape, make the whole body unreadable:
      // 400 for the body, as no field can be told apart.
      if (!s.bytes && created.status == 400) {
        f.refused_body += active.size();
      } else {
        f.unnamed_4xx += active.size();
        note(f, label);
      }
      break;
    }
  }

  void check_stored(const Kind& kind, const Naughty& s, const std::set<std::string>& active,
                    const Reply& created, const Client& admin, Figures& f) {
    const std::string id = id_of(created);
    const Reply read = admin.send(bhttp::verb::get, kind.read + id);
    const json::value record = read.json();
    for (const auto& field : active) {
      boost::system::error_code ec;
      const json::value* got = record.find_pointer("/" + field, ec);
      const auto normalise = kind.normalised.find(field);
      if (s.bytes && got && got->is_string() && std::string(got->as_string()) == *s.bytes) {
        ++f.identical;
      } else if (s.bytes && got && got->is_string() && normalise != kind.normalised.end() &&
                 std::string(got->as_string()) == normalise->second(*s.bytes)) {
        ++f.normal_form;
      } else {
        ++f.changed;
        note(f, kind.name + "." + field + " changed <" + s.literal.substr(0, 40) + "> → " +
                    (got ? json::serialize(*got).substr(0, 60) : std::string("(absent)")));
      }
    }
    if (kind.search.empty() || !s.bytes) return;
    ++f.searched;
    const Reply found =
        admin.send(bhttp::verb::get, kind.search + "?limit=500&q=" + percent_encode(*s.bytes));
    if (found.status >= 500) {
      ++f.search_5xx;
      note(f, kind.name + " search 5xx <" + s.literal.substr(0, 40) + ">: " + found.body);
    } else if (found.status != 200) {
      ++f.search_refused;
    } else {
      bool hit = false;
      const json::value page = found.json();
      for (const auto& item : page.at("items").as_array()) {
        hit = hit || std::to_string(item.at("id").as_int64()) == id;
      }
      ++(hit ? f.found : f.not_found);
      if (!hit) note(f, kind.name + " not found by q <" + s.literal.substr(0, 40) + ">");
    }
  }

  static std::vector<std::string> error_fields_or_empty(const Reply& reply) {
    try {
      return error_fields(reply);
    } catch (const std::exception&) {
      return {};
    }
  }

  static void note(Figures& f, const std::string& what) {
    if (f.failures.size() < 20) f.failures.push_back(what);
  }
};

TEST_P(NaughtyInput, EveryTextFieldStoresIdenticalOrRefusesWith4xx) {
  const std::vector<Naughty> strings = naughty_strings();
  ASSERT_GT(strings.size(), 500u) << "blns.json not found under " << RAPPORT_SHARED_DATA;
  Client admin = login("admin@example.org");
  for (const char* entity : {"contact", "company"}) {
    const Reply defined = admin.write(
        bhttp::verb::post, "/api/v1/custom-fields",
        std::string(R"({"entity":")") + entity + R"(","key":"nick","label":"Nick","type":"text"})");
    ASSERT_EQ(defined.status, 201u) << defined.body;
  }
  const Reply host = admin.write(bhttp::verb::post, "/api/v1/contacts", R"({"given_name":"Host"})");
  ASSERT_EQ(host.status, 201u) << host.body;
  const std::string host_id = id_of(host);

  using Active = std::set<std::string>;
  const std::vector<Kind> kinds = {
      {"contact",
       {"given_name", "family_name", "job_title", "notes", "tags/0", "emails/0/address",
        "addresses/0/street", "addresses/0/locality", "addresses/0/region",
        "addresses/0/postal_code", "custom/nick"},
       [](const Active& a, const std::string& v, int) {
         std::string b = "{\"given_name\":" + quoted(a, "given_name", v, "Naughty");
         for (const char* f : {"family_name", "job_title", "notes"}) {
           if (a.count(f)) b += std::string(",\"") + f + "\":\"" + v + "\"";
         }
         if (a.count("tags/0")) b += ",\"tags\":[\"" + v + "\"]";
         if (a.count("emails/0/address")) b += ",\"emails\":[{\"address\":\"" + v + "\"}]";
         std::string address;
         for (const char* f : {"street", "locality", "region", "postal_code"}) {
           if (a.count(std::string("addresses/0/") + f)) {
             address += std::string(address.empty() ? "" : ",") + "\"" + f + "\":\"" + v + "\"";
           }
         }
         if (!address.empty()) b += ",\"addresses\":[{" + address + "}]";
         if (a.count("custom/nick")) b += ",\"custom\":{\"nick\":\"" + v + "\"}";
         return b + "}";
       },
       "/api/v1/contacts",
       "/api/v1/contacts/",
       "/api/v1/contacts",
       "given_name",
       {{"given_name", trimmed}, {"family_name", trimmed}}},
      {"company",
       {"name", "industry", "notes", "tags/0", "domains/0", "addresses/0/street",
        "addresses/0/locality", "custom/nick"},
       [](const Active& a, const std::string& v, int) {
         std::string b = "{\"name\":" + quoted(a, "name", v, "Naughty Co");
         for (const char* f : {"industry", "notes"}) {
           if (a.count(f)) b += std::string(",\"") + f + "\":\"" + v + "\"";
         }
         if (a.count("tags/0")) b += ",\"tags\":[\"" + v + "\"]";
         if (a.count("domains/0")) b += ",\"domains\":[\"" + v + "\"]";
         std::string address;
         for (const char* f : {"street", "locality"}) {
           if (a.count(std::string("addresses/0/") + f)) {
             address += std::string(address.empty() ? "" : ",") + "\"" + f + "\":\"" + v + "\"";
           }
         }
         if (!address.empty()) b += ",\"addresses\":[{" + address + "}]";
         if (a.count("custom/nick")) b += ",\"custom\":{\"nick\":\"" + v + "\"}";
         return b + "}";
       },
       "/api/v1/companies",
       "/api/v1/companies/",
       "/api/v1/companies",
       "name",
       {{"name", trimmed}, {"domains/0", lowered}}},
      {"note",
       {"body"},
       [](const Active& a, const std::string& v, int) {
         return "{\"body\":" + quoted(a, "body", v, "n") + "}";
       },
       "/api/v1/contacts/" + host_id + "/notes",
       "/api/v1/notes/",
       "",
       "body",
       {}},
      {"team",
       {"name"},
       [](const Active& a, const std::string& v, int serial) {
         return "{\"name\":" + quoted(a, "name", v, "team " + std::to_string(serial)) + "}";
       },
       "/api/v1/teams",
       "/api/v1/teams/",
       "",
       "name",
       {{"name", trimmed}}},
      {"user",
       {"display_name", "email"},
       [](const Active& a, const std::string& v, int serial) {
         return "{\"display_name\":" + quoted(a, "display_name", v, "N") + ",\"email\":" +
                quoted(a, "email", v, "naughty" + std::to_string(serial) + "@example.org") +
                ",\"role\":\"sales\",\"password\":\"correct horse battery\"}";
       },
       "/api/v1/users",
       "/api/v1/users/",
       "",
       "display_name",
       {{"display_name", trimmed}, {"email", lowered}}},
      {"custom_field",
       {"label"},
       [](const Active& a, const std::string& v, int serial) {
         return "{\"entity\":\"contact\",\"key\":\"k" + std::to_string(serial) +
                "\",\"type\":\"text\",\"label\":" + quoted(a, "label", v, "L") + "}";
       },
       "/api/v1/custom-fields",
       "/api/v1/custom-fields/",
       "",
       "label",
       {{"label", trimmed}}},
  };

  Figures total;
  std::size_t fields = 0;
  for (const Kind& kind : kinds) {
    Figures f;
    run_kind(kind, strings, admin, f);
    fields += kind.fields.size();
    std::printf(
        "naughty %s %-12s %zu strings × %zu fields = %zu: identical %zu, normal form "
        "%zu, refused 4xx (field) %zu, refused 4xx (body not UTF-8) %zu, changed %zu, 4xx unnamed "
        "%zu, 5xx "
        "%zu; q searched %zu found %zu not found %zu refused %zu 5xx %zu\n",
        GetParam().c_str(), kind.name.c_str(), strings.size(), kind.fields.size(), f.cases,
        f.identical, f.normal_form, f.refused_field, f.refused_body, f.changed, f.unnamed_4xx,
        f.server_errors, f.searched, f.found, f.not_found, f.search_refused, f.search_5xx);
    for (const auto& failure : f.failures) std::printf("  %s\n", failure.c_str());
    EXPECT_EQ(f.server_errors, 0u) << kind.name;
    EXPECT_EQ(f.search_5xx, 0u) << kind.name;
    EXPECT_EQ(f.changed, 0u) << kind.name;
    EXPECT_EQ(f.unnamed_4xx, 0u) << kind.name;
    EXPECT_EQ(f.identical + f.normal_form + f.refused_field + f.refused_body, f.cases) << kind.name;
    total.cases += f.cases;
    total.identical += f.identical;
    total.normal_form += f.normal_form;
    total.refused_field += f.refused_field;
    total.refused_body += f.refused_body;
    total.server_errors += f.server_errors + f.search_5xx;
    total.found += f.found;
    total.not_found += f.not_found;
  }
  std::printf(
      "naughty %s total: %zu strings × %zu fields = %zu cases; identical %zu, normal form "
      "%zu, refused 4xx %zu (%zu naming the field, %zu the body), 5xx %zu; q found %zu, "
      "not found %zu\n",
      GetParam().c_str(), strings.size(), fields, total.cases, total.identical, total.normal_form,
      total.refused_field + total.refused_body, total.refused_field, total.refused_body,
      total.server_errors, total.found, total.not_found);
}

INSTANTIATE_TEST_SUITE_P(Engines, NaughtyInput, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rapport::app::api_harness
