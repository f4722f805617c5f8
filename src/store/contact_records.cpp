// Contacts on the generic store path: their row (columns, company links, document) and their
// index rows, places included.
#include "store/customer_codec.hpp"
#include "store/records.hpp"
#include "store/search_document.hpp"

namespace rapport::store {

// The language and time zone columns copy the document, where from_row reads them: a reindex
// (rederive_row) rewrites the copies as this program reads the document.
RecordRow RecordCodec<core::Contact>::to_row(const core::Contact& contact) {
  RecordRow row(kKind);
  row.id = contact.id;
  row.meta = contact.meta;
  row.set("given_name", contact.given_name);
  row.set("family_name", contact.family_name);
  row.set("display_name", contact.display_name);
  row.set("lifecycle_stage", contact.lifecycle_stage);
  row.set("lead_source", contact.lead_source);
  row.set("owner_id", contact.owner_id);
  row.set("team_id", contact.team_id);
  row.set("preferred_language", contact.preferred_language);
  row.set("time_zone", contact.time_zone);
  std::vector<RowLink> companies;
  companies.reserve(contact.companies.size());
  for (const core::CompanyLink& link : contact.companies) {
    companies.push_back({link.company_id, link.job_title});
  }
  row.set_links("companies", std::move(companies));
  row.doc = contact_doc(contact);
  return row;
}

core::Result<core::Contact> RecordCodec<core::Contact>::from_row(const RecordRow& row) {
  core::Contact contact;
  contact.id = row.id;
  contact.meta = row.meta;
  contact.given_name = row.text("given_name");
  contact.family_name = row.text("family_name");
  contact.display_name = row.text("display_name");
  contact.lifecycle_stage = row.text("lifecycle_stage");
  contact.lead_source = row.text("lead_source");
  contact.owner_id = row.number("owner_id");
  contact.team_id = row.number("team_id");
  for (const RowLink& link : row.linked("companies")) {
    contact.companies.push_back({link.id, link.title});
  }
  RAPPORT_TRY(read_contact_doc(row.doc, contact));
  return contact;
}

RecordIndex RecordCodec<core::Contact>::index(
    const core::Contact& contact, const std::vector<core::CustomFieldDefinition>& definitions,
    const std::vector<std::string>& note_bodies) {
  return {contact.tags,
          contact.custom,
          contact_search_body(contact, definitions, note_bodies),
          {contact.given_name, contact.family_name, contact.display_name},
          contact_places(contact)};
}

}  // namespace rapport::store
