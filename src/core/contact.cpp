// The rules of a contact.
#include "core/contact.hpp"

#include <unicode/timezone.h>

#include <algorithm>
#include <memory>
#include <set>

#include "core/email.hpp"
#include "core/phone.hpp"
#include "core/text_rules.hpp"

namespace rapport::core {

namespace {

constexpr std::size_t kMaxName = 200;
constexpr std::size_t kMaxNotes = 100000;
constexpr std::size_t kMaxItems = 50;

bool one_of(const std::string& v, std::initializer_list<const char*> allowed) {
  return std::any_of(allowed.begin(), allowed.end(), [&](const char* a) { return v == a; });
}

bool valid_language(const std::string& tag) {
  // BCP 47 shape: a 2-3 letter language, then subtags of 2-8 letters or digits.
  if (tag.empty()) return true;
  std::size_t start = 0;
  for (int part = 0; start <= tag.size(); ++part) {
    std::size_t end = tag.find('-', start);
    if (end == std::string::npos) end = tag.size();
    std::size_t len = end - start;
    bool alnum = std::all_of(tag.begin() + start, tag.begin() + end, [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    });
    if (!alnum || (part == 0 ? (len < 2 || len > 3) : (len < 1 || len > 8))) return false;
    start = end + 1;
  }
  return true;
}

bool valid_time_zone(const std::string& zone) {
  if (zone.empty()) return true;
  std::unique_ptr<icu::TimeZone> tz(
      icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)));
  return tz && *tz != icu::TimeZone::getUnknown();
}

// A lone e-mail or phone is the primary one whether or not the client said so; among several,
// the client must say which one.
template <class Item>
void check_primary(std::vector<Item>& items, const std::string& field,
                   std::vector<FieldError>& errors) {
  if (items.empty()) return;
  if (items.size() == 1) {
    items.front().primary = true;
    return;
  }
  auto primaries =
      std::count_if(items.begin(), items.end(), [](const Item& i) { return i.primary; });
  if (primaries != 1) errors.push_back({field, "exactly one must be primary"});
}

void check_emails(std::vector<ContactEmail>& emails, std::vector<FieldError>& errors) {
  if (emails.size() > kMaxItems) errors.push_back({"emails", "at most 50 emails"});
  std::set<std::string> seen;
  for (std::size_t i = 0; i < emails.size(); ++i) {
    std::string prefix = "emails/" + std::to_string(i) + "/";
    auto address = normalize_email(emails[i].address, prefix + "address");
    if (!address.ok()) {
      errors.push_back(address.error().fields.at(0));
    } else {
      emails[i].address = *address;
      if (!seen.insert(*address).second) errors.push_back({prefix + "address", "is listed twice"});
    }
    if (!one_of(emails[i].type, {"work", "home", "other"})) {
      errors.push_back({prefix + "type", "must be work, home or other"});
    }
  }
  check_primary(emails, "emails", errors);
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

void check_phones(Contact& contact, const ContactRules& rules, std::vector<FieldError>& errors) {
  std::vector<ContactPhone>& phones = contact.phones;
  if (phones.size() > kMaxItems) errors.push_back({"phones", "at most 50 phones"});
  for (std::size_t i = 0; i < phones.size(); ++i) {
    std::string prefix = "phones/" + std::to_string(i) + "/";
    phones[i].region = upper(trim_spaces(phones[i].region));
    if (!phones[i].region.empty() && !is_phone_region(phones[i].region)) {
      errors.push_back({prefix + "region", "must be an ISO 3166 country code such as TW"});
      continue;
    }
    auto parsed =
        parse_phone(phones[i].number, phone_region(phones[i], contact, rules), prefix + "number");
    if (!parsed.ok()) {
      errors.push_back(parsed.error().fields.at(0));
    } else {
      phones[i].number = parsed->original;
      phones[i].e164 = parsed->e164;
    }
    if (!one_of(phones[i].type, {"mobile", "work", "home", "fax", "other"})) {
      errors.push_back({prefix + "type", "must be mobile, work, home, fax or other"});
    }
  }
  check_primary(phones, "phones", errors);
}

void check_consents(const std::vector<Consent>& consents, std::vector<FieldError>& errors) {
  std::set<std::string> channels;
  for (std::size_t i = 0; i < consents.size(); ++i) {
    std::string prefix = "consents/" + std::to_string(i) + "/";
    const Consent& c = consents[i];
    if (!one_of(c.channel, {"email", "sms", "phone", "post", "messaging"})) {
      errors.push_back({prefix + "channel", "must be email, sms, phone, post or messaging"});
    } else if (!channels.insert(c.channel).second) {
      errors.push_back({prefix + "channel", "has a consent already"});
    }
    if (trim_spaces(c.source).empty()) {
      errors.push_back({prefix + "source", "say where the consent was given"});
    }
    check_text(prefix + "source", c.source, 500, true, errors);
    if (c.at == Timestamp{}) errors.push_back({prefix + "at", "needs the time of the consent"});
  }
}

}  // namespace

std::string phone_region(const ContactPhone& phone, const Contact& contact,
                         const ContactRules& rules) {
  // A number typed without a country code belongs to the country the person lives or works in
  // (a Dutch contact's "06 12345678"); only when nothing says so is it the organisation's.
  if (!phone.region.empty()) return phone.region;
  for (const PostalAddress& a : contact.addresses) {
    if (is_phone_region(a.country)) return a.country;
  }
  for (const std::string& country : rules.company_countries) {
    if (is_phone_region(country)) return country;
  }
  return rules.default_region;
}

std::string derived_display_name(std::string_view given_name, std::string_view family_name) {
  std::string out(given_name);
  if (!out.empty() && !family_name.empty()) out += ' ';
  return out.append(family_name);
}

Status validate(Contact& c, const ContactRules& rules) {
  std::vector<FieldError> errors;
  c.given_name = trim_spaces(c.given_name);
  c.family_name = trim_spaces(c.family_name);
  c.display_name = trim_spaces(c.display_name);
  check_text("given_name", c.given_name, kMaxName, true, errors);
  check_text("family_name", c.family_name, kMaxName, true, errors);
  check_text("display_name", c.display_name, kMaxName, true, errors);
  if (c.display_name.empty()) c.display_name = derived_display_name(c.given_name, c.family_name);
  check_emails(c.emails, errors);
  check_phones(c, rules, errors);
  if (c.display_name.empty() && c.emails.empty() && c.phones.empty()) {
    errors.push_back({"display_name", "a contact needs a name, an email or a phone"});
  }
  for (std::size_t i = 0; i < c.addresses.size(); ++i) {
    check_address(c.addresses[i], "addresses/" + std::to_string(i) + "/", errors);
  }
  std::set<Id> linked;
  for (std::size_t i = 0; i < c.companies.size(); ++i) {
    std::string prefix = "companies/" + std::to_string(i) + "/";
    if (c.companies[i].company_id <= 0)
      errors.push_back({prefix + "company_id", "must be an id"});
    else if (!linked.insert(c.companies[i].company_id).second) {
      errors.push_back({prefix + "company_id", "is linked twice"});
    }
    check_text(prefix + "job_title", c.companies[i].job_title, kMaxName, true, errors);
  }
  if (c.lifecycle_stage.empty()) c.lifecycle_stage = rules.stages.initial();
  if (!rules.stages.contains(c.lifecycle_stage)) {
    errors.push_back({"lifecycle_stage", "is not one of the configured stages"});
  }
  check_text("lead_source", c.lead_source, kMaxName, true, errors);
  if (c.owner_id && *c.owner_id <= 0) errors.push_back({"owner_id", "must be an id"});
  if (c.team_id && *c.team_id <= 0) errors.push_back({"team_id", "must be an id"});
  check_tags(c.tags, errors);
  if (!valid_language(c.preferred_language)) {
    errors.push_back({"preferred_language", "must be a BCP 47 tag such as th or zh-Hant"});
  }
  if (!valid_time_zone(c.time_zone)) {
    errors.push_back({"time_zone", "must be an IANA time zone such as Asia/Bangkok"});
  }
  check_consents(c.consents, errors);
  check_text("notes", c.notes, kMaxNotes, false, errors);
  check_custom_values(rules.custom_fields, c.custom, rules.default_region, errors);
  if (errors.empty()) return {};
  return Error::invalid("the contact is invalid", std::move(errors));
}

}  // namespace rapport::core
