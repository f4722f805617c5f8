// Deterministic demo records: the same seed gives the same users, teams, companies, contacts and
// activities on every machine and compiler, and record i can be made without making records
// 0..i-1.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "services/demo_locales.hpp"

namespace rapport::services::demo {

struct DemoAddress {
  std::string street;
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2
};

struct DemoTeam {
  std::string name;
};

struct DemoUser {
  std::string email;
  std::string display_name;
  std::string role;  // admin, manager, sales, support, marketing, read_only
  std::size_t team;  // index into teams()
};

struct DemoCompany {
  std::string name;
  std::string domain;
  std::string industry;
  std::string size;
  std::int64_t annual_revenue_minor;  // in `currency` minor units
  std::string currency;
  DemoAddress address;
  std::vector<std::string> tags;
  std::string note;
  std::size_t owner;  // index into users()
};

struct DemoContact {
  std::string given_name;
  std::string family_name;
  std::string display_name;
  std::string email;
  std::string phone;         // as a person would type it in that country
  std::string phone_region;  // default region for parsing `phone`
  DemoAddress address;
  std::string preferred_language;
  std::string time_zone;
  std::string lifecycle_stage;
  std::string lead_source;
  std::vector<std::string> tags;
  std::string note;
  std::optional<std::size_t> company;  // index into the companies made with the same seed
  std::string job_title;
  bool email_consent;
  std::size_t owner;  // index into users()
};

// An activity with a demo contact (and its company), timed relative to when it is loaded.
struct DemoActivity {
  std::string type;  // call, meeting, task, email
  std::string subject;
  std::string body;
  std::string status;
  std::string priority = "normal";
  std::string direction;  // calls and e-mails
  int day = 0;            // days from the load date: negative in the past
  int minute_of_day = 0;  // when on that day (UTC): a call's or meeting's start, a task's due time
  std::optional<std::int64_t> duration_seconds;  // of a call or meeting
  std::string outcome;                           // of a call
  std::string location;                          // of a meeting
};

class DemoGenerator {
 public:
  explicit DemoGenerator(std::uint64_t seed);

  // Teams and users are fixed in number: one sales team per region plus support and marketing.
  const std::vector<DemoTeam>& teams() const { return teams_; }
  const std::vector<DemoUser>& users() const { return users_; }

  // The number of companies that go with `contacts` contacts (about one per 20 contacts).
  static std::size_t company_count(std::size_t contacts);

  // Record i of the sequence; company_count bounds the company links of contacts.
  DemoCompany company(std::size_t i) const;
  DemoContact contact(std::size_t i, std::size_t company_count) const;
  // The activity logged with contact i, for about three contacts in ten.
  std::optional<DemoActivity> activity(std::size_t contact) const;

 private:
  std::size_t company_locale(std::size_t i) const;  // index into locales() of company(i)

  std::uint64_t seed_;
  std::vector<DemoTeam> teams_;
  std::vector<DemoUser> users_;
  std::vector<std::size_t> sales_by_locale_;  // first sales user of each locale's team
};

}  // namespace rapport::services::demo
