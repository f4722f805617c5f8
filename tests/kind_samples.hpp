// Test fixture per record kind: bodies for a set of sample records whose values differ across the
// samples in every field a list sorts, filters or searches on (some left empty, in several
// scripts), so that the generated per-kind suites (api_kind_conformance_test.cpp) see ties,
// empties, both directions and every operator at work. A new kind adds its case here.
#pragma once

#include <boost/json.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "core/kind_descriptor.hpp"
#include "core/record_kind.hpp"

namespace rapport::app::api_harness {

inline constexpr int kSampleCount = 8;

// A word only sample i's notes hold, for finding exactly it by search.
inline constexpr const char* kSampleWords[kSampleCount] = {"amber", "birch", "cedar", "dunes",
                                                           "ember", "fjord", "grove", "heath"};

// Ids the samples refer to: two users and two teams to own them, the first sample of the kind (0
// while creating it) for references to a record of the same kind, and records of other kinds to
// link to (0 until the samples of those kinds exist: sample_order() makes those first).
struct SampleRefs {
  std::int64_t users[2] = {0, 0};
  std::int64_t teams[2] = {0, 0};
  std::int64_t first = 0;
  std::int64_t contacts[2] = {0, 0};
  std::int64_t companies[2] = {0, 0};
};

inline boost::json::value optional_id(std::int64_t id) {
  return id == 0 ? boost::json::value(nullptr) : boost::json::value(id);
}

// The ids among `ids` that exist (are not 0).
inline boost::json::array known_ids(std::initializer_list<std::int64_t> ids) {
  boost::json::array out;
  for (std::int64_t id : ids) {
    if (id != 0) out.push_back(id);
  }
  return out;
}

inline boost::json::object contact_sample(int i, const SampleRefs& refs) {
  static const char* given[] = {"Anna", "émile", "สมชาย", "李", "Zoë", "Bram", "anna", "Ömer"};
  static const char* family[] = {"de Vries", "Dekker", "ใจดี",    "王小明",
                                 "van Dijk", "",       "Bakker", "Özil"};
  static const char* stages[] = {"lead",        "customer", "lead",  "subscriber",
                                 "opportunity", "customer", "other", "lead"};
  static const char* languages[] = {"th", "nl", "", "zh-Hant", "en", "nl", "", "fil"};
  static const char* zones[] = {"Asia/Bangkok",     "Europe/Amsterdam", "",
                                "Asia/Taipei",      "Asia/Manila",      "",
                                "Europe/Amsterdam", "Asia/Bangkok"};
  boost::json::object body{
      {"given_name", given[i]},
      {"family_name", family[i]},
      {"lifecycle_stage", stages[i]},
      {"lead_source", i % 3 == 0 ? "" : (i % 3 == 1 ? "web" : "fair")},
      {"preferred_language", languages[i]},
      {"time_zone", zones[i]},
      {"owner_id", optional_id(i % 3 == 0 ? 0 : refs.users[i % 2])},
      {"team_id", optional_id(i % 4 == 0 ? 0 : refs.teams[i % 2])},
      {"tags", i % 2 == 0 ? boost::json::array{"vip"} : boost::json::array{}},
      {"emails",
       boost::json::array{boost::json::object{
           {"address", "sample" + std::to_string(i) + "@example.org"}, {"type", "work"}}}},
      {"notes", std::string("sample note ") + kSampleWords[i]},
  };
  static const char* titles[] = {"Inkoper", "ผู้จัดการฝ่ายจัดซื้อ", "採購經理", "Purchasing Manager"};
  body["companies"] =
      i % 2 == 0 && refs.companies[(i / 2) % 2] != 0
          ? boost::json::array{boost::json::object{{"company_id", refs.companies[(i / 2) % 2]},
                                                   {"job_title", titles[i / 2]}}}
          : boost::json::array{};
  if (i % 2 == 1) {
    body["addresses"] =
        boost::json::array{boost::json::object{{"type", "work"},
                                               {"locality", i % 4 == 1 ? "Den Haag" : "Chiang Mai"},
                                               {"country", i % 4 == 1 ? "NL" : "TH"}}};
  }
  return body;
}

inline boost::json::object company_sample(int i, const SampleRefs& refs) {
  static const char* names[] = {"Aalders BV", "ĲsselTech",  "บริษัท สยาม",      "台北貿易",
                                "de Boer BV", "aalders bv", "Zuid Logistiek", "Övrig AB"};
  static const char* industries[] = {"retail", "",         "logistics", "retail",
                                     "",       "software", "logistics", "retail"};
  return {
      {"name", names[i]},
      {"industry", industries[i]},
      {"owner_id", optional_id(i % 3 == 0 ? 0 : refs.users[i % 2])},
      {"team_id", optional_id(i % 4 == 0 ? 0 : refs.teams[i % 2])},
      {"parent_id", optional_id(i % 3 == 1 ? refs.first : 0)},
      {"tags", i % 2 == 0 ? boost::json::array{"vip"} : boost::json::array{}},
      {"notes", std::string("sample note ") + kSampleWords[i]},
  };
}

inline boost::json::object activity_sample(int i, const SampleRefs& refs) {
  static const char* types[] = {"call", "meeting", "task", "email",
                                "call", "task",    "task", "meeting"};
  static const char* subjects[] = {
      "Follow up quote", "ประชุมลูกค้า",      "電話回覆",    "Offerte nasturen",
      "follow up quote", "Tawagan si Ana", "Ömer bellen", "Demo"};
  static const char* statuses[] = {"open",      "done", "open", "done",
                                   "cancelled", "open", "done", "open"};
  static const char* priorities[] = {"normal", "high",   "low",  "normal",
                                     "high",   "normal", "high", "low"};
  static const char* directions[] = {"outbound", "", "", "inbound", "inbound", "", "", ""};
  // Days after 2026-12-01, or -1 for none.
  static const int starts[] = {0, 3, -1, 1, 5, -1, -1, 3};
  static const int dues[] = {-1, -1, 2, -1, -1, 9, 4, -1};
  auto day = [](int d) -> boost::json::value {
    if (d < 0) return nullptr;
    return boost::json::value("2026-12-" + std::string(d + 1 < 10 ? "0" : "") +
                              std::to_string(d + 1) + "T09:30:00Z");
  };
  boost::json::object body{
      {"type", types[i]},
      {"subject", subjects[i]},
      {"body", std::string("sample note ") + kSampleWords[i]},
      {"status", statuses[i]},
      {"priority", priorities[i]},
      {"direction", directions[i]},
      {"starts_at", day(starts[i])},
      {"due_at", day(dues[i])},
      {"remind_at", day(i % 3 == 0 ? dues[i] : -1)},
      {"owner_id", optional_id(i % 3 == 0 ? 0 : refs.users[i % 2])},
      {"team_id", optional_id(i % 4 == 0 ? 0 : refs.teams[i % 2])},
      {"contact_ids", i % 3 == 2 ? known_ids({}) : known_ids({refs.contacts[i % 2]})},
      {"company_ids", i % 2 == 0 ? known_ids({refs.companies[(i / 2) % 2]}) : known_ids({})},
      {"tags", i % 2 == 0 ? boost::json::array{"vip"} : boost::json::array{}},
  };
  if (std::string(types[i]) == "call") {
    body["phone"] = "+66 81 234 567" + std::to_string(i);
    body["duration_seconds"] = 60 * (i + 1);
    body["outcome"] = i == 0 ? "left a voicemail" : "booked a demo";
  }
  if (std::string(types[i]) == "meeting") body["location"] = i == 1 ? "กรุงเทพ" : "Den Haag";
  return body;
}

// Every kind, each after the kinds its references and links point to, so that its samples can
// link to samples that exist (companies, then contacts, then activities).
inline std::vector<core::RecordKind> sample_order() {
  std::vector<core::RecordKind> out;
  auto placed = [&](core::RecordKind kind) {
    return std::find(out.begin(), out.end(), kind) != out.end();
  };
  while (out.size() < core::kRecordKinds.size()) {
    const std::size_t before = out.size();
    for (core::RecordKind kind : core::kRecordKinds) {
      if (placed(kind)) continue;
      bool ready = true;
      for (const core::FieldDescriptor& f : core::describe(kind).fields) {
        const bool refers = f.type == core::FieldType::kRecord || core::is_link(f.type);
        if (refers && f.target != kind && !placed(f.target)) ready = false;
      }
      if (ready) out.push_back(kind);
    }
    // Kinds that link to each other: the rest in enum order, their links to later ones empty.
    if (out.size() == before) {
      for (core::RecordKind kind : core::kRecordKinds) {
        if (!placed(kind)) out.push_back(kind);
      }
    }
  }
  return out;
}

// The body of sample `i` (0 ≤ i < kSampleCount) of `kind`.
inline boost::json::object sample(core::RecordKind kind, int i, const SampleRefs& refs) {
  switch (kind) {
    case core::RecordKind::kContact:
      return contact_sample(i, refs);
    case core::RecordKind::kCompany:
      return company_sample(i, refs);
    case core::RecordKind::kActivity:
      return activity_sample(i, refs);
  }
  return {};
}

}  // namespace rapport::app::api_harness
