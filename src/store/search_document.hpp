// What the search index holds for a record: one normalised text body (names, emails, phone
// digits, cities, notes, the bodies of its note records, custom text) for the trigram index, and
// the grams that answer queries shorter than three characters; the places of a contact for its
// city and country filters.
// A contact's body leaves out the names of its companies: a search reaches a contact through a
// company's name only via a company the caller may read (the list builders join the links).
// Also the plan a `q` string turns into. Shared by both engines.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/activity.hpp"
#include "core/company.hpp"
#include "core/contact.hpp"
#include "core/result.hpp"
#include "store/record_row.hpp"

namespace rapport::store {

// `note_bodies` are the bodies of the notes on the record.
std::string contact_search_body(const core::Contact& contact,
                                const std::vector<core::CustomFieldDefinition>& definitions,
                                const std::vector<std::string>& note_bodies);
std::string company_search_body(const core::Company& company,
                                const std::vector<core::CustomFieldDefinition>& definitions,
                                const std::vector<std::string>& note_bodies);

std::string activity_search_body(const core::Activity& activity,
                                 const std::vector<core::CustomFieldDefinition>& definitions);

// The short-query grams of a record: of each normalised name, every two-code-point substring
// within a word and the first code point of each word (so that `q=陳` finds the names that
// start with that family name); of the normalised `body`, every pair of adjacent code points of
// scripts written without spaces (Han, Kana, Hangul, Thai, Lao, Khmer, Myanmar), so that a
// two-character word such as 台灣 matches company names and note text too.
std::set<std::string> search_grams(const std::vector<std::string>& names, std::string_view body);

// Where a contact is, as filter[city] and filter[country] find it: one per address that names a
// city or a country, the city normalised as search text normalises it ("den haag" for "Den
// Haag"), the country as stored ("NL").
std::vector<Place> contact_places(const core::Contact& contact);

// A filter[city] value normalised as contact_places() stores cities.
std::string city_key(std::string_view city);

// How to answer a `q`: `phrases` (each at least three code points) must all occur in the body
// (trigram index); when there are none, each of `grams` (one or two code points) must be among
// the record's grams: a two-code-point word occurs in a name (or in unspaced text), a single
// code point starts a word of a name.
struct SearchPlan {
  std::vector<std::string> phrases;
  std::vector<std::string> grams;
  bool empty() const { return phrases.empty() && grams.empty(); }
};

// Builds the plan for `q`: a phone-like query becomes its digits; otherwise the normalised words,
// the short ones dropped when a longer one is present. An empty or blank `q` gives an empty plan.
SearchPlan plan_search(std::string_view q);

// `phrase` quoted for an FTS5 MATCH expression (inner double quotes doubled).
std::string fts_phrase(std::string_view phrase);

}  // namespace rapport::store
