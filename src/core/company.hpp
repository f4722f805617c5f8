// A company (an organisation contacts work for): name, web domains, industry, size, annual
// revenue, addresses, parent, ownership, tags, notes and custom values, with its write rules.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/custom_field.hpp"
#include "core/ids.hpp"
#include "core/money.hpp"
#include "core/postal_address.hpp"
#include "core/record_meta.hpp"
#include "core/result.hpp"

namespace rapport::core {

// The size bands a company's size is one of (or empty when unknown).
inline constexpr std::array<std::string_view, 6> kCompanySizes{"1-10",     "11-50",     "51-200",
                                                               "201-1000", "1001-5000", "5001+"};

struct Company {
  Id id = 0;  // 0 until stored
  std::string name;
  std::vector<std::string> domains;  // "example.co.th", lower-cased by validate()
  std::string industry;
  std::string size;  // one of kCompanySizes, or empty
  std::optional<Money> annual_revenue;
  std::vector<PostalAddress> addresses;
  std::optional<Id> parent_id;
  std::optional<Id> owner_id;
  std::optional<Id> team_id;
  std::vector<std::string> tags;
  std::string notes;
  CustomValues custom;
  RecordMeta meta;
  bool operator==(const Company&) const = default;
};

// Checks every rule and normalises in place (name trimmed, domains lower-cased). Returns ok, or
// kInvalid with every field error at once. `custom_fields` are the definitions for companies.
Status validate(Company& company, const std::vector<CustomFieldDefinition>& custom_fields,
                const std::string& default_region);

}  // namespace rapport::core
