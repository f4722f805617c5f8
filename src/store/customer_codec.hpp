// The JSON document form of the parts of contacts, companies, activities and custom field
// definitions that are never filtered or sorted on in SQL (emails, phones, addresses, consents,
// notes, …). Both engines store it as text beside the indexed columns. A contact's links to
// companies are not in it: they are rows of record_links (store/record_row.hpp, RowLink).
#pragma once

#include <string>
#include <string_view>

#include "core/activity.hpp"
#include "core/company.hpp"
#include "core/contact.hpp"
#include "core/custom_field.hpp"
#include "core/result.hpp"

namespace rapport::store {

std::string contact_doc(const core::Contact& contact);
// Fills the document's fields of `contact`; kInternal when `doc` is not a document contact_doc
// wrote (a corrupt row).
core::Status read_contact_doc(std::string_view doc, core::Contact& contact);

std::string company_doc(const core::Company& company);
core::Status read_company_doc(std::string_view doc, core::Company& company);

std::string activity_doc(const core::Activity& activity);
core::Status read_activity_doc(std::string_view doc, core::Activity& activity);

// label, type, options, required, unique.
std::string custom_field_doc(const core::CustomFieldDefinition& definition);
core::Status read_custom_field_doc(std::string_view doc, core::CustomFieldDefinition& definition);

// A custom value alone, as stored in the per-value index rows of multi-select fields: a JSON
// array of the choices.
std::string choices_json(const std::vector<std::string>& choices);

}  // namespace rapport::store
