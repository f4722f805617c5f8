// Mapping between core::Contact and its JSON form, strict about what a client may send.
#include "http/contact_json.hpp"

#include "core/timestamp.hpp"
#include "http/json_input.hpp"
#include "http/record_json.hpp"

namespace rapport::http {
namespace {

namespace json = boost::json;

void read_emails(ObjectReader& reader, core::Contact& contact) {
  contact.emails.clear();
  const auto* array = reader.array("emails");
  if (!array) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].if_object();
    if (!item) {
      reader.fail_at(child_path("emails", i), "must be an object");
      continue;
    }
    auto nested = reader.nested(*item, child_path("emails", i));
    nested.allow_only({"address", "type", "primary"});
    core::ContactEmail email;
    email.address = nested.string("address", Need::kRequired).value_or("");
    email.type = nested.string("type").value_or("work");
    email.primary = nested.boolean("primary").value_or(false);
    contact.emails.push_back(std::move(email));
  }
}

void read_phones(ObjectReader& reader, core::Contact& contact) {
  contact.phones.clear();
  const auto* array = reader.array("phones");
  if (!array) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].if_object();
    if (!item) {
      reader.fail_at(child_path("phones", i), "must be an object");
      continue;
    }
    auto nested = reader.nested(*item, child_path("phones", i));
    // e164 is computed from the number; a client echoing it back is harmless, so it is accepted
    // and ignored rather than refused.
    nested.allow_only({"number", "e164", "type", "primary", "region"});
    core::ContactPhone phone;
    phone.number = nested.string("number", Need::kRequired).value_or("");
    nested.string("e164");
    phone.type = nested.string("type").value_or("mobile");
    phone.primary = nested.boolean("primary").value_or(false);
    phone.region = nested.string("region").value_or("");
    contact.phones.push_back(std::move(phone));
  }
}

void read_companies(ObjectReader& reader, core::Contact& contact) {
  contact.companies.clear();
  const auto* array = reader.array("companies");
  if (!array) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].if_object();
    if (!item) {
      reader.fail_at(child_path("companies", i), "must be an object");
      continue;
    }
    auto nested = reader.nested(*item, child_path("companies", i));
    nested.allow_only({"company_id", "job_title"});
    core::CompanyLink link;
    auto company_id = nested.integer("company_id", Need::kRequired);
    if (company_id && *company_id <= 0) nested.fail("company_id", "must be a positive id");
    link.company_id = company_id.value_or(0);
    link.job_title = nested.string("job_title").value_or("");
    contact.companies.push_back(std::move(link));
  }
}

// Consents in core's terms: the channel, granted or withdrawn, when (RFC 3339) and where.
void read_consents(ObjectReader& reader, core::Contact& contact) {
  contact.consents.clear();
  const auto* array = reader.array("consents");
  if (!array) return;
  for (std::size_t i = 0; i < array->size(); ++i) {
    const auto* item = (*array)[i].if_object();
    if (!item) {
      reader.fail_at(child_path("consents", i), "must be an object");
      continue;
    }
    auto nested = reader.nested(*item, child_path("consents", i));
    nested.allow_only({"channel", "granted", "at", "source"});
    core::Consent consent;
    consent.channel = nested.string("channel", Need::kRequired).value_or("");
    consent.granted = nested.boolean("granted", Need::kRequired).value_or(false);
    if (auto at = nested.string("at", Need::kRequired)) {
      auto parsed = core::parse_timestamp(*at);
      if (parsed.ok()) {
        consent.at = *parsed;
      } else {
        nested.fail("at", "must be an RFC 3339 time such as 2024-05-01T09:30:00Z");
      }
    }
    consent.source = nested.string("source", Need::kRequired).value_or("");
    contact.consents.push_back(std::move(consent));
  }
}

}  // namespace

boost::json::object contact_to_json(const core::Contact& c) {
  json::object o;
  add_record_meta(o, c.id, c.meta);
  o["given_name"] = c.given_name;
  o["family_name"] = c.family_name;
  o["display_name"] = c.display_name;
  json::array emails;
  for (const auto& e : c.emails) {
    emails.push_back(
        json::object{{"address", e.address}, {"type", e.type}, {"primary", e.primary}});
  }
  o["emails"] = std::move(emails);
  json::array phones;
  for (const auto& p : c.phones) {
    phones.push_back(json::object{{"number", p.number},
                                  {"e164", p.e164},
                                  {"type", p.type},
                                  {"primary", p.primary},
                                  {"region", p.region}});
  }
  o["phones"] = std::move(phones);
  json::array companies;
  for (const auto& l : c.companies) {
    companies.push_back(json::object{{"company_id", l.company_id}, {"job_title", l.job_title}});
  }
  o["companies"] = std::move(companies);
  json::array addresses;
  for (const auto& a : c.addresses) addresses.push_back(address_json(a));
  o["addresses"] = std::move(addresses);
  json::array consents;
  for (const auto& k : c.consents) {
    consents.push_back(json::object{{"channel", k.channel},
                                    {"granted", k.granted},
                                    {"at", core::format_timestamp(k.at)},
                                    {"source", k.source}});
  }
  o["consents"] = std::move(consents);
  o["tags"] = strings_json(c.tags);
  o["owner_id"] = optional_id_json(c.owner_id);
  o["team_id"] = optional_id_json(c.team_id);
  o["lifecycle_stage"] = c.lifecycle_stage;
  o["lead_source"] = c.lead_source;
  o["preferred_language"] = c.preferred_language;
  o["time_zone"] = c.time_zone;
  o["notes"] = c.notes;
  o["custom"] = custom_json(c.custom);
  return o;
}

core::Status apply_contact_json(const boost::json::object& body, core::Contact& contact,
                                services::FieldSet& supplied) {
  ObjectReader reader(body);
  reader.allow_only({"given_name", "family_name", "display_name", "emails", "phones", "addresses",
                     "consents", "tags", "companies", "owner_id", "team_id", "lifecycle_stage",
                     "lead_source", "preferred_language", "time_zone", "notes", "custom"});
  for (const auto& [key, value] : body) supplied.emplace(key.data(), key.size());
  read_text(reader, "given_name", contact.given_name);
  read_text(reader, "family_name", contact.family_name);
  read_text(reader, "display_name", contact.display_name);
  read_text(reader, "lifecycle_stage", contact.lifecycle_stage);
  read_text(reader, "lead_source", contact.lead_source);
  read_text(reader, "preferred_language", contact.preferred_language);
  read_text(reader, "time_zone", contact.time_zone);
  read_text(reader, "notes", contact.notes);
  read_id(reader, "owner_id", contact.owner_id);
  read_id(reader, "team_id", contact.team_id);
  if (reader.has("emails")) read_emails(reader, contact);
  if (reader.has("phones")) read_phones(reader, contact);
  if (reader.has("companies")) read_companies(reader, contact);
  if (reader.has("addresses")) contact.addresses = read_addresses(reader);
  if (reader.has("consents")) read_consents(reader, contact);
  if (reader.has("tags")) contact.tags = read_strings(reader, "tags");
  read_custom(reader, contact.custom);
  return reader.finish();
}

}  // namespace rapport::http
