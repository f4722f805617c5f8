// Mapping between core::Company and its JSON form, strict about what a client may send.
#include "http/company_json.hpp"

#include "http/json_input.hpp"
#include "http/record_json.hpp"

namespace rapport::http {
namespace {

namespace json = boost::json;

// The wire says amount_minor where core says minor_units: the name tells a client the amount is
// in the currency's minor unit (satang, cents) without reading the documentation.
void read_revenue(ObjectReader& reader, core::Company& company) {
  if (!reader.has("annual_revenue")) return;
  if (reader.is_null("annual_revenue")) {
    company.annual_revenue.reset();
    return;
  }
  const auto* object = reader.object("annual_revenue");
  if (!object) return;
  auto nested = reader.nested(*object, "annual_revenue");
  nested.allow_only({"amount_minor", "currency"});
  auto amount = nested.integer("amount_minor", Need::kRequired);
  auto currency = nested.string("currency", Need::kRequired);
  if (amount && currency) company.annual_revenue = core::Money{*amount, *currency};
}

}  // namespace

boost::json::object company_to_json(const core::Company& c) {
  json::object o;
  add_record_meta(o, c.id, c.meta);
  o["name"] = c.name;
  o["domains"] = strings_json(c.domains);
  o["industry"] = c.industry;
  o["size"] = c.size;
  if (c.annual_revenue) {
    o["annual_revenue"] = json::object{{"amount_minor", c.annual_revenue->minor_units},
                                       {"currency", c.annual_revenue->currency}};
  } else {
    o["annual_revenue"] = nullptr;
  }
  json::array addresses;
  for (const auto& a : c.addresses) addresses.push_back(address_json(a));
  o["addresses"] = std::move(addresses);
  o["parent_id"] = optional_id_json(c.parent_id);
  o["owner_id"] = optional_id_json(c.owner_id);
  o["team_id"] = optional_id_json(c.team_id);
  o["tags"] = strings_json(c.tags);
  o["notes"] = c.notes;
  o["custom"] = custom_json(c.custom);
  return o;
}

core::Status apply_company_json(const boost::json::object& body, core::Company& company,
                                services::FieldSet& supplied) {
  ObjectReader reader(body);
  reader.allow_only({"name", "domains", "industry", "size", "annual_revenue", "addresses",
                     "parent_id", "owner_id", "team_id", "tags", "notes", "custom"});
  for (const auto& [key, value] : body) supplied.emplace(key.data(), key.size());
  read_text(reader, "name", company.name);
  read_text(reader, "industry", company.industry);
  read_text(reader, "size", company.size);
  read_text(reader, "notes", company.notes);
  read_id(reader, "parent_id", company.parent_id);
  read_id(reader, "owner_id", company.owner_id);
  read_id(reader, "team_id", company.team_id);
  if (reader.has("domains")) company.domains = read_strings(reader, "domains");
  if (reader.has("addresses")) company.addresses = read_addresses(reader);
  if (reader.has("tags")) company.tags = read_strings(reader, "tags");
  read_revenue(reader, company);
  read_custom(reader, company.custom);
  return reader.finish();
}

core::Error company_wire_error(core::Error error) {
  for (auto& f : error.fields) {
    if (f.field == "annual_revenue/minor_units") f.field = "annual_revenue/amount_minor";
  }
  return error;
}

}  // namespace rapport::http
