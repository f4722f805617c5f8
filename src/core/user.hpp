// A person who signs in to Rapport, and the rules for the fields an admin sets on one.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "core/role.hpp"

namespace rapport::core {

struct User {
  std::int64_t id = 0;
  std::string email;  // lower-cased; unique
  std::string display_name;
  Role role = Role::kReadOnly;
  std::optional<std::int64_t> team_id;
  bool active = true;   // false: deactivated by an admin, cannot sign in
  bool locked = false;  // set by earlier releases after failed logins; now only cleared (unlock)
  // The user's own choices for the web UI; nullopt until made (the UI follows the browser).
  std::optional<std::string> language;   // one of kUiLanguages
  std::optional<std::string> time_zone;  // an IANA time zone id, e.g. "Asia/Bangkok"
  std::int64_t version = 1;
  std::chrono::sys_seconds created_at{};
  std::chrono::sys_seconds updated_at{};
  bool operator==(const User&) const = default;
};

inline constexpr std::size_t kMaxDisplayNameBytes = 200;

// The languages the web UI speaks, as BCP 47 tags.
inline constexpr std::array<std::string_view, 5> kUiLanguages{"en", "th", "nl", "fil", "zh-Hant"};

// `tag` when it is one of kUiLanguages, compared without regard to case ("zh-hant" → "zh-Hant");
// otherwise an invalid-input error on `field` that lists them.
Result<std::string> normalize_ui_language(std::string_view tag,
                                          std::string_view field = "language");

// `id` when it names a time zone of the IANA database that ICU knows ("Asia/Bangkok", "UTC"),
// otherwise an invalid-input error on `field`.
Result<std::string> normalize_time_zone(std::string_view id, std::string_view field = "time_zone");

// Sign-in e-mails are normalised with normalize_email (core/email.hpp).

// The display name trimmed of surrounding spaces, or an invalid-input error on `field` when it is
// empty, longer than 200 bytes, not valid UTF-8 or contains control characters.
Result<std::string> normalize_display_name(std::string_view text,
                                           std::string_view field = "display_name");

}  // namespace rapport::core
