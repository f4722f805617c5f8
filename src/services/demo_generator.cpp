// Demo record generation. Randomness comes from SplitMix64 streams keyed by (seed, record kind,
// index), mapped to ranges by our own arithmetic rather than <random>'s distributions, whose
// output differs between standard libraries.
#include "services/demo_generator.hpp"

#include <array>
#include <string_view>

namespace rapport::services::demo {
namespace {

class Stream {
 public:
  Stream(std::uint64_t seed, std::uint64_t kind, std::uint64_t index)
      : state_(seed ^ (kind * 0x9E3779B97F4A7C15ull) ^ (index * 0xD1B54A32D192ED03ull)) {
    next();
  }
  std::uint64_t next() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  // Uniform in [0, n); the modulo bias is below 2^-40 for the small n used here.
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(unsigned percent) { return below(100) < percent; }
  template <class Span>
  const auto& pick(const Span& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

enum Kind : std::uint64_t { kCompanyKind = 1, kContactKind = 2, kActivityKind = 3 };

constexpr std::array<std::string_view, 10> kIndustries{
    "Manufacturing",      "Retail",     "Logistics",   "Software",     "Food and beverage",
    "Financial services", "Healthcare", "Hospitality", "Construction", "Education"};
constexpr std::array<std::string_view, 6> kSizes{"1-10",     "11-50",     "51-200",
                                                 "201-1000", "1001-5000", "5001+"};
constexpr std::array<std::string_view, 8> kTags{"vip",      "newsletter", "trade-show-2026",
                                                "partner",  "reseller",   "wholesale",
                                                "referral", "webinar"};
constexpr std::array<std::string_view, 7> kLeadSources{
    "website", "referral", "trade_show", "cold_call", "advertisement", "partner", "social_media"};
constexpr std::array<std::string_view, 8> kJobTitles{
    "Purchasing Manager", "CEO", "Sales Director",  "Office Manager",
    "IT Manager",         "CFO", "Operations Lead", "Marketing Manager"};
constexpr std::array<std::string_view, 4> kCallOutcomes{"booked a demo", "left a voicemail",
                                                        "asked for a new quote", "no answer"};
// Stages weighted towards the top of the funnel, as in a real customer base.
constexpr std::array<std::pair<std::string_view, unsigned>, 8> kStages{{{"subscriber", 20},
                                                                        {"lead", 25},
                                                                        {"marketing_qualified", 12},
                                                                        {"sales_qualified", 8},
                                                                        {"opportunity", 8},
                                                                        {"customer", 20},
                                                                        {"evangelist", 3},
                                                                        {"other", 4}}};
constexpr std::array<std::string_view, 8> kTeamNames{"Bangkok",  "Amsterdam", "Manila", "Taipei",
                                                     "Shanghai", "New York",  "London", "Sydney"};

std::string_view weighted_stage(Stream& s) {
  unsigned roll = static_cast<unsigned>(s.below(100));
  for (const auto& [stage, weight] : kStages) {
    if (roll < weight) return stage;
    roll -= weight;
  }
  return kStages.back().first;
}

std::string fill_digits(std::string_view format, Stream& s) {
  std::string out;
  out.reserve(format.size());
  for (char c : format) out.push_back(c == '#' ? static_cast<char>('0' + s.below(10)) : c);
  return out;
}

std::vector<std::string> some_tags(Stream& s) {
  std::vector<std::string> tags;
  for (auto tag : kTags)
    if (s.chance(12)) tags.emplace_back(tag);
  return tags;
}

DemoAddress address_in(const Locale& locale, Stream& s) {
  const City& city = s.pick(locale.cities);
  std::string number = std::to_string(1 + s.below(250));
  std::string street(s.pick(locale.streets));
  // House numbers go after the street name in Dutch and English use; before it in Thai,
  // and Chinese addresses end in 号.
  if (locale.country == "TH")
    street = number + " " + street;
  else if (locale.country == "TW" || locale.country == "CN")
    street += number + "号";
  else if (locale.country == "PH" || locale.country == "US" || locale.country == "AU" ||
           locale.country == "GB")
    street = number + " " + street;
  else
    street += " " + number;
  return {street, std::string(city.name), std::string(city.region), std::string(city.postal_code),
          std::string(locale.country)};
}

}  // namespace

DemoGenerator::DemoGenerator(std::uint64_t seed) : seed_(seed) {
  auto all = locales();
  for (std::size_t i = 0; i < all.size(); ++i) teams_.push_back({std::string(kTeamNames[i])});
  teams_.push_back({"Support"});
  teams_.push_back({"Marketing"});
  const std::size_t support = all.size(), marketing = all.size() + 1;

  for (std::size_t i = 0; i < all.size(); ++i) {
    const Locale& l = all[i];
    std::string slug(kTeamNames[i]);
    for (auto& c : slug) c = (c == ' ') ? '-' : static_cast<char>(c | 0x20);
    users_.push_back({"manager." + slug + "@rapport.example",
                      std::string(kTeamNames[i]) + " manager", "manager", i});
    sales_by_locale_.push_back(users_.size());
    for (int k = 1; k <= 2; ++k) {
      Stream s(seed_, 100 + i, static_cast<std::uint64_t>(k));
      const Name& given = s.pick(l.given_names);
      const Name& family = s.pick(l.family_names);
      std::string display = l.order == NameOrder::kFamilyFirst
                                ? std::string(family.native) + std::string(given.native)
                                : std::string(given.native) + " " + std::string(family.native);
      users_.push_back(
          {"sales" + std::to_string(k) + "." + slug + "@rapport.example", display, "sales", i});
    }
  }
  users_.push_back({"support@rapport.example", "Support desk", "support", support});
  users_.push_back({"marketing@rapport.example", "Marketing", "marketing", marketing});
  users_.push_back({"auditor@rapport.example", "Auditor", "read_only", support});
}

std::size_t DemoGenerator::company_count(std::size_t contacts) { return contacts / 20 + 1; }

std::size_t DemoGenerator::company_locale(std::size_t i) const {
  return Stream(seed_, kCompanyKind, i).below(locales().size());
}

DemoCompany DemoGenerator::company(std::size_t i) const {
  Stream s(seed_, kCompanyKind, i);
  const std::size_t li = s.below(locales().size());
  const Locale& l = locales()[li];
  const Name& stem = s.pick(l.company_stems);
  std::string_view suffix = s.pick(l.company_suffixes);
  // Stems repeat across many companies; a branch number keeps names and domains distinct.
  std::string branch = std::to_string(i + 1);
  DemoCompany c;
  c.name = std::string(stem.native) + " " + branch + std::string(suffix);
  c.domain = std::string(stem.ascii) + branch + "." + std::string(l.web_suffix);
  c.industry = s.pick(kIndustries);
  c.size = s.pick(kSizes);
  c.annual_revenue_minor = static_cast<std::int64_t>(10'000 + s.below(50'000'000)) * 100;
  c.currency = l.currency;
  c.address = address_in(l, s);
  c.tags = some_tags(s);
  c.note = s.pick(l.notes);
  c.owner = sales_by_locale_[li] + s.below(2);
  return c;
}

DemoContact DemoGenerator::contact(std::size_t i, std::size_t company_count) const {
  Stream s(seed_, kContactKind, i);
  const std::size_t li = s.below(locales().size());
  const Locale& l = locales()[li];
  const Name& given = s.pick(l.given_names);
  const Name& family = s.pick(l.family_names);
  DemoContact c;
  c.given_name = given.native;
  c.family_name = family.native;
  c.display_name = l.order == NameOrder::kFamilyFirst
                       ? c.family_name + (l.space_between_names ? " " : "") + c.given_name
                       : c.given_name + " " + c.family_name;
  // The contact number keeps addresses unique across the whole demo set.
  c.email = std::string(given.ascii) + "." + std::string(family.ascii) + "." +
            std::to_string(i + 1) + "@mail." + std::string(l.web_suffix);
  c.phone = fill_digits(s.pick(l.phone_formats), s);
  c.phone_region = l.country;
  c.address = address_in(l, s);
  c.preferred_language = l.language;
  c.time_zone = l.time_zone;
  c.lifecycle_stage = weighted_stage(s);
  c.lead_source = s.pick(kLeadSources);
  c.tags = some_tags(s);
  c.note = s.chance(40) ? std::string(s.pick(l.notes)) : std::string();
  if (company_count > 0 && s.chance(70)) {
    // Prefer a company of the contact's own country; a few tries find one in most data sets.
    std::size_t pick = s.below(company_count);
    for (int tries = 0; tries < 40 && company_locale(pick) != li; ++tries)
      pick = s.below(company_count);
    c.company = pick;
    c.job_title = s.pick(kJobTitles);
  }
  c.email_consent = s.chance(60);
  c.owner = sales_by_locale_[li] + s.below(2);
  return c;
}

std::optional<DemoActivity> DemoGenerator::activity(std::size_t contact) const {
  Stream s(seed_, kActivityKind, contact);
  if (!s.chance(30)) return std::nullopt;
  // The contact's own locale: the first draw of its stream, as in company_locale().
  const Locale& l = locales()[Stream(seed_, kContactKind, contact).below(locales().size())];
  DemoActivity a;
  a.subject = s.pick(l.activity_subjects);
  a.minute_of_day = static_cast<int>(8 * 60 + s.below(10 * 60));
  switch (s.below(4)) {
    case 0:  // a call made or taken in the last month
      a.type = "call";
      a.status = "done";
      a.direction = s.chance(70) ? "outbound" : "inbound";
      a.day = -static_cast<int>(1 + s.below(30));
      a.duration_seconds = static_cast<std::int64_t>(30 + s.below(1800));
      a.outcome = s.pick(kCallOutcomes);
      break;
    case 1:  // a meeting in the fortnight before or after
      a.type = "meeting";
      a.day = static_cast<int>(s.below(29)) - 14;
      a.status = a.day < 0 ? "done" : "open";
      a.duration_seconds = 60 * static_cast<std::int64_t>(30 + 30 * s.below(4));
      a.location = address_in(l, s).city;
      break;
    case 2:  // a task: some overdue, some due today, most ahead
      a.type = "task";
      a.day = static_cast<int>(s.below(22)) - 7;
      a.status = a.day < -3 && s.chance(50) ? "done" : "open";
      a.priority = s.chance(20) ? "high" : s.chance(25) ? "low" : "normal";
      break;
    default:  // an e-mail logged in the last fortnight
      a.type = "email";
      a.status = "done";
      a.direction = s.chance(50) ? "outbound" : "inbound";
      a.day = -static_cast<int>(s.below(14));
      break;
  }
  a.body = s.chance(50) ? std::string(s.pick(l.notes)) : std::string();
  return a;
}

}  // namespace rapport::services::demo
