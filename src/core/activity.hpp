// An activity: a call, a meeting, a task or an e-mail logged against contacts and companies (and
// later deals and tickets), with its owner (who makes the call or does the task), when it
// happens or is due, and its status; with its write rules.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/custom_field.hpp"
#include "core/ids.hpp"
#include "core/record_meta.hpp"
#include "core/result.hpp"
#include "core/timestamp.hpp"

namespace rapport::core {

inline constexpr std::array<std::string_view, 4> kActivityTypes{"call", "meeting", "task", "email"};
inline constexpr std::array<std::string_view, 3> kActivityStatuses{"open", "done", "cancelled"};
inline constexpr std::array<std::string_view, 3> kActivityPriorities{"low", "normal", "high"};
// Which way a call or an e-mail went (empty for meetings and tasks).
inline constexpr std::array<std::string_view, 2> kActivityDirections{"inbound", "outbound"};

// At most this many contacts and companies on one activity.
inline constexpr std::size_t kMaxActivityLinks = 100;

struct Activity {
  Id id = 0;            // 0 until stored
  std::string type;     // one of kActivityTypes
  std::string subject;  // required, one line
  std::string body;     // what was said, the agenda, the e-mail's text
  std::string status = "open";
  std::string priority = "normal";
  std::string direction;               // calls and e-mails: one of kActivityDirections
  std::optional<Timestamp> starts_at;  // when the call was, the meeting starts, the e-mail went
  std::optional<Timestamp> ends_at;    // when the meeting ends
  std::optional<Timestamp> due_at;     // when the task is due
  std::optional<Timestamp> remind_at;  // when to remind the owner
  std::optional<std::int64_t> duration_seconds;  // how long the call took
  std::string outcome;                           // of a call: "left a voicemail", "booked a demo"
  std::string phone;            // the number called or calling, E.164 once validated
  std::string location;         // of a meeting
  std::vector<Id> contact_ids;  // who it was with: a meeting's attendees
  std::vector<Id> company_ids;
  std::optional<Id> owner_id;  // who does it (a task's assignee)
  std::optional<Id> team_id;
  std::vector<std::string> tags;
  CustomValues custom;
  RecordMeta meta;
  bool operator==(const Activity&) const = default;
};

// Checks every rule and normalises in place (subject trimmed, phone to E.164 read in
// `default_region`, a task's status kept, duplicate links refused). Returns ok, or kInvalid with
// every field error at once. `custom_fields` are the definitions for activities.
Status validate(Activity& activity, const std::vector<CustomFieldDefinition>& custom_fields,
                const std::string& default_region);

}  // namespace rapport::core
