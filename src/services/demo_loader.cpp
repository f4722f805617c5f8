// Demo data loading: maps the generator's records onto the domain types, validates them with
// the same rules as any write, and stores them in batches.
#include "services/demo_loader.hpp"

#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "core/activity.hpp"
#include "core/company.hpp"
#include "core/contact.hpp"
#include "services/demo_generator.hpp"
#include "services/secret.hpp"
#include "store/records.hpp"

namespace rapport::services {
namespace {

constexpr std::size_t kBatch = 5000;

core::PostalAddress to_address(const demo::DemoAddress& a, std::string type) {
  return {std::move(type), a.street, a.city, a.region, a.postal_code, a.country};
}

core::Result<std::vector<std::int64_t>> ensure_teams(TeamService& service, const Caller& caller,
                                                     const demo::DemoGenerator& gen,
                                                     std::size_t& created) {
  RAPPORT_ASSIGN_OR_RETURN(auto existing, service.list(caller));
  std::vector<std::int64_t> ids;
  for (const auto& team : gen.teams()) {
    auto found = std::find_if(existing.begin(), existing.end(),
                              [&](const core::Team& t) { return t.name == team.name; });
    if (found != existing.end()) {
      ids.push_back(found->id);
      continue;
    }
    RAPPORT_ASSIGN_OR_RETURN(auto made, service.create(caller, team.name));
    ids.push_back(made.id);
    ++created;
  }
  return ids;
}

struct DemoPerson {
  std::int64_t id;
  std::optional<std::int64_t> team_id;
};

core::Result<std::vector<DemoPerson>> ensure_users(UserService& service, const Caller& caller,
                                                   const demo::DemoGenerator& gen,
                                                   const std::vector<std::int64_t>& team_ids,
                                                   std::size_t& created) {
  std::vector<DemoPerson> people;
  for (const auto& u : gen.users()) {
    auto found = service.find_by_email(u.email);
    if (found.ok()) {
      people.push_back({found->id, found->team_id});
      continue;
    }
    if (found.error().kind != core::ErrorKind::kNotFound) return std::move(found).error();
    UserDraft draft;
    draft.email = u.email;
    draft.display_name = u.display_name;
    RAPPORT_ASSIGN_OR_RETURN(draft.role, core::parse_role(u.role, "role"));
    draft.team_id = team_ids.at(u.team);
    draft.password = generate_secret("demo_").text;
    RAPPORT_ASSIGN_OR_RETURN(auto made, service.create(caller, draft));
    people.push_back({made.id, made.team_id});
    ++created;
  }
  return people;
}

core::Company to_company(const demo::DemoCompany& d, const std::vector<DemoPerson>& people) {
  core::Company c;
  c.name = d.name;
  c.domains = {d.domain};
  c.industry = d.industry;
  c.size = d.size;
  c.annual_revenue = core::Money{d.annual_revenue_minor, d.currency};
  c.addresses = {to_address(d.address, "work")};
  c.owner_id = people.at(d.owner).id;
  c.team_id = people.at(d.owner).team_id;
  c.tags = d.tags;
  c.notes = d.note;
  return c;
}

core::Contact to_contact(const demo::DemoContact& d, const std::vector<DemoPerson>& people,
                         const std::vector<core::Id>& company_ids, core::Timestamp now) {
  core::Contact c;
  c.given_name = d.given_name;
  c.family_name = d.family_name;
  c.display_name = d.display_name;
  c.emails = {{d.email, "work", true}};
  c.phones = {{d.phone, "", "mobile", true, ""}};
  c.addresses = {to_address(d.address, "home")};
  if (d.company) c.companies = {{company_ids.at(*d.company), d.job_title}};
  c.lifecycle_stage = d.lifecycle_stage;
  c.lead_source = d.lead_source;
  c.owner_id = people.at(d.owner).id;
  c.team_id = people.at(d.owner).team_id;
  c.tags = d.tags;
  c.preferred_language = d.preferred_language;
  c.time_zone = d.time_zone;
  if (d.email_consent) c.consents = {{"email", true, now, "demo data"}};
  c.notes = d.note;
  return c;
}

// Activity `d` with contact `contact` (and its company), owned as the contact is, its day
// counted from `now`.
core::Activity to_activity(const demo::DemoActivity& d, const core::Contact& contact,
                           core::Timestamp now) {
  core::Activity a;
  a.type = d.type;
  a.subject = d.subject;
  a.body = d.body;
  a.status = d.status;
  a.priority = d.priority;
  a.direction = d.direction;
  const auto day = std::chrono::floor<std::chrono::days>(now) + std::chrono::days(d.day);
  const core::Timestamp at = day + std::chrono::minutes(d.minute_of_day);
  if (d.type == "task") {
    a.due_at = at;
  } else {
    a.starts_at = at;
  }
  if (d.type == "meeting" && d.duration_seconds) {
    a.ends_at = at + std::chrono::seconds(*d.duration_seconds);
  } else {
    a.duration_seconds = d.duration_seconds;
  }
  a.outcome = d.outcome;
  a.location = d.location;
  a.contact_ids = {contact.id};
  for (const core::CompanyLink& link : contact.companies) a.company_ids.push_back(link.company_id);
  a.owner_id = contact.owner_id;
  a.team_id = contact.team_id;
  return a;
}

core::AuditEntry batch_entry(const Caller& caller, std::string object_type, std::size_t count,
                             std::uint64_t seed) {
  core::AuditEntry entry;
  entry.actor_id = audit_actor(caller);
  entry.action = "import";
  entry.object_type = std::move(object_type);
  entry.changes_json =
      core::changes_to_json({{"source", std::nullopt, "demo seed " + std::to_string(seed)},
                             {"count", std::nullopt, std::to_string(count)}});
  entry.at = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  entry.client_address = caller.client_address;
  return entry;
}

core::Timestamp now_ms() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace

core::Result<DemoLoadSummary> load_demo(UnitOfWork& records, UserService& users, TeamService& teams,
                                        const Caller& caller, std::size_t contacts,
                                        std::uint64_t seed, const DemoProgress& progress) {
  RAPPORT_TRY(authorize(caller, core::ObjectType::kContacts, core::Action::kImport));
  RAPPORT_TRY(authorize(caller, core::ObjectType::kCompanies, core::Action::kImport));
  RAPPORT_TRY(authorize(caller, core::ObjectType::kActivities, core::Action::kImport));
  RAPPORT_TRY(authorize(caller, core::ObjectType::kUsers, core::Action::kCreate));
  RAPPORT_TRY(authorize(caller, core::ObjectType::kTeams, core::Action::kCreate));

  const demo::DemoGenerator gen(seed);
  DemoLoadSummary summary;
  RAPPORT_ASSIGN_OR_RETURN(auto team_ids, ensure_teams(teams, caller, gen, summary.teams));
  RAPPORT_ASSIGN_OR_RETURN(auto people, ensure_users(users, caller, gen, team_ids, summary.users));

  const std::size_t company_count = demo::DemoGenerator::company_count(contacts);
  const std::size_t total = company_count + contacts;
  const store::Stamp stamp{audit_actor(caller), now_ms()};
  const core::ContactRules contact_rules;
  std::vector<core::Id> company_ids;
  company_ids.reserve(company_count);

  for (std::size_t start = 0; start < company_count; start += kBatch) {
    const std::size_t end = std::min(company_count, start + kBatch);
    std::vector<core::Id> batch_ids;
    RAPPORT_TRY(records.write([&](store::CustomerTx& tx, store::IdentityTx& itx) -> core::Status {
      for (std::size_t i = start; i < end; ++i) {
        core::Company company = to_company(gen.company(i), people);
        RAPPORT_TRY(core::validate(company, {}, contact_rules.default_region));
        RAPPORT_ASSIGN_OR_RETURN(auto stored, store::create(tx, company, stamp));
        batch_ids.push_back(stored.id);
      }
      RAPPORT_TRY(itx.append_audit(batch_entry(caller, "companies", end - start, seed)));
      return core::ok_status();
    }));
    company_ids.insert(company_ids.end(), batch_ids.begin(), batch_ids.end());
    summary.companies += end - start;
    if (progress) progress(summary.companies, total);
  }

  for (std::size_t start = 0; start < contacts; start += kBatch) {
    const std::size_t end = std::min(contacts, start + kBatch);
    std::size_t activities = 0;
    RAPPORT_TRY(records.write([&](store::CustomerTx& tx, store::IdentityTx& itx) -> core::Status {
      for (std::size_t i = start; i < end; ++i) {
        core::Contact contact =
            to_contact(gen.contact(i, company_count), people, company_ids, stamp.now);
        RAPPORT_TRY(core::validate(contact, contact_rules));
        RAPPORT_ASSIGN_OR_RETURN(auto stored, store::create(tx, contact, stamp));
        const auto demo_activity = gen.activity(i);
        if (!demo_activity) continue;
        core::Activity activity = to_activity(*demo_activity, stored, stamp.now);
        RAPPORT_TRY(core::validate(activity, {}, contact_rules.default_region));
        RAPPORT_TRY(store::create(tx, activity, stamp));
        ++activities;
      }
      RAPPORT_TRY(itx.append_audit(batch_entry(caller, "contacts", end - start, seed)));
      if (activities > 0) {
        RAPPORT_TRY(itx.append_audit(batch_entry(caller, "activities", activities, seed)));
      }
      return core::ok_status();
    }));
    summary.contacts += end - start;
    summary.activities += activities;
    if (progress) progress(summary.companies + summary.contacts, total);
  }
  return summary;
}

}  // namespace rapport::services
