// What the search index holds for a record: one normalised text body (names, emails, phone
// digits, company names, notes, the bodies of its note records, custom text) for the trigram
// index, and the distinct two-character substrings of the normalised names for queries shorter
// than three characters.
// Also the plan a `q` string turns into. Shared by both engines.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/company.hpp"
#include "core/contact.hpp"
#include "core/result.hpp"

namespace rapport::store {

// `company_names` are the names of the companies the contact links to; `note_bodies` the
// bodies of the notes on the record.
std::string contact_search_body(const core::Contact& contact,
                                const std::vector<std::string>& company_names,
                                const std::vector<core::CustomFieldDefinition>& definitions,
                                const std::vector<std::string>& note_bodies);
std::string company_search_body(const core::Company& company,
                                const std::vector<core::CustomFieldDefinition>& definitions,
                                const std::vector<std::string>& note_bodies);

// The distinct two-code-point substrings of each normalised name (spaces excluded).
std::set<std::string> name_grams(const std::vector<std::string>& names);

// How to answer a `q`: `phrases` (each at least three code points) must all occur in the body
// (trigram index); when there are none, each of `grams` (two code points) must occur in a name.
struct SearchPlan {
  std::vector<std::string> phrases;
  std::vector<std::string> grams;
  bool empty() const { return phrases.empty() && grams.empty(); }
};

// Builds the plan for `q`: a phone-like query becomes its digits; otherwise the normalised words,
// the short ones dropped when a longer one is present. kInvalid when only one-character words
// remain (too broad to answer quickly). An empty or blank `q` gives an empty plan.
core::Result<SearchPlan> plan_search(std::string_view q);

// `phrase` quoted for an FTS5 MATCH expression (inner double quotes doubled).
std::string fts_phrase(std::string_view phrase);

}  // namespace rapport::store
