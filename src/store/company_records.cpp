// Companies on the generic store path: their row (columns and document) and their index rows.
#include "store/customer_codec.hpp"
#include "store/records.hpp"
#include "store/search_document.hpp"

namespace rapport::store {

RecordRow RecordCodec<core::Company>::to_row(const core::Company& company) {
  RecordRow row(kKind);
  row.id = company.id;
  row.meta = company.meta;
  row.set("name", company.name);
  row.set("industry", company.industry);
  row.set("parent_id", company.parent_id);
  row.set("owner_id", company.owner_id);
  row.set("team_id", company.team_id);
  row.doc = company_doc(company);
  return row;
}

core::Result<core::Company> RecordCodec<core::Company>::from_row(const RecordRow& row) {
  core::Company company;
  company.id = row.id;
  company.meta = row.meta;
  company.name = row.text("name");
  company.industry = row.text("industry");
  company.parent_id = row.number("parent_id");
  company.owner_id = row.number("owner_id");
  company.team_id = row.number("team_id");
  RAPPORT_TRY(read_company_doc(row.doc, company));
  return company;
}

RecordIndex RecordCodec<core::Company>::index(
    const core::Company& company, const std::vector<core::CustomFieldDefinition>& definitions,
    const std::vector<std::string>& note_bodies) {
  return {company.tags,
          company.custom,
          company_search_body(company, definitions, note_bodies),
          {company.name},
          {}};
}

}  // namespace rapport::store
