// A contact (a person): names, typed emails and phones, addresses, company links, lifecycle
// stage, ownership, tags, consent, notes and custom values, with the rules a write must meet.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/custom_field.hpp"
#include "core/ids.hpp"
#include "core/lifecycle.hpp"
#include "core/postal_address.hpp"
#include "core/record_meta.hpp"
#include "core/result.hpp"
#include "core/timestamp.hpp"

namespace rapport::core {

struct ContactEmail {
  std::string address;  // lower-cased by validate()
  std::string type;     // "work", "home" or "other"
  bool primary = false;
  bool operator==(const ContactEmail&) const = default;
};

struct ContactPhone {
  std::string number;  // as typed
  std::string e164;    // filled by validate()
  std::string type;    // "mobile", "work", "home", "fax" or "other"
  bool primary = false;
  std::string region;  // ISO 3166 alpha-2 the number is read in; empty: the contact's country
  bool operator==(const ContactPhone&) const = default;
};

struct CompanyLink {
  Id company_id = 0;
  std::string job_title;
  bool operator==(const CompanyLink&) const = default;
};

// Marketing consent on one channel: granted or withdrawn, when, and how it was given.
struct Consent {
  std::string channel;  // "email", "sms", "phone", "post" or "messaging"
  bool granted = false;
  Timestamp at{};
  std::string source;  // e.g. "web form /newsletter", "call 2024-05-01"
  bool operator==(const Consent&) const = default;
};

struct Contact {
  Id id = 0;  // 0 until stored
  std::string given_name;
  std::string family_name;
  std::string display_name;  // validate() fills it from the other names when empty
  std::vector<ContactEmail> emails;
  std::vector<ContactPhone> phones;
  std::vector<PostalAddress> addresses;
  std::vector<CompanyLink> companies;
  std::string lifecycle_stage;  // validate() sets the initial stage when empty
  std::string lead_source;
  std::optional<Id> owner_id;
  std::optional<Id> team_id;
  std::vector<std::string> tags;
  std::string preferred_language;  // BCP 47 ("th", "zh-Hant-TW"); empty when unknown
  std::string time_zone;           // IANA ("Asia/Bangkok"); empty when unknown
  std::vector<Consent> consents;   // at most one per channel
  std::string notes;
  CustomValues custom;
  RecordMeta meta;
  bool operator==(const Contact&) const = default;
};

// What validate() checks a contact against: the organisation's stages, the region national
// phone numbers are read in when nothing closer says, the custom fields defined for contacts,
// and the countries of the contact's companies (in link order; empty where a company has none).
struct ContactRules {
  LifecycleStages stages = LifecycleStages::defaults();
  std::string default_region = "TH";
  std::vector<CustomFieldDefinition> custom_fields;
  std::vector<std::string> company_countries;
};

// The region a contact's phone number without a country code is read in: the phone's own
// region, else the first address country, else the first company country, else the default.
std::string phone_region(const ContactPhone& phone, const Contact& contact,
                         const ContactRules& rules);

// The display name a contact gets when none is given: "given family", or whichever is present.
std::string derived_display_name(std::string_view given_name, std::string_view family_name);

// Checks every rule and normalises in place (emails lower-cased, phones given their E.164,
// display name and stage defaulted, names trimmed). Returns ok, or kInvalid carrying every field
// error at once ("emails/1/address", "phones/0/number", "custom/tier", …).
Status validate(Contact& contact, const ContactRules& rules);

}  // namespace rapport::core
