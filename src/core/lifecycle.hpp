// Lifecycle stages of a contact: the default list from subscriber to evangelist, or an
// organisation's own list.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace rapport::core {

inline constexpr std::array<std::string_view, 8> kDefaultLifecycleStages{
    "subscriber",  "lead",     "marketing_qualified", "sales_qualified",
    "opportunity", "customer", "evangelist",          "other"};

class LifecycleStages {
 public:
  // kDefaultLifecycleStages.
  static LifecycleStages defaults();
  // A configured list: names of lower-case letters, digits and '_', 1..64 long, no duplicates,
  // at least one. Returns kInvalid naming the first bad entry.
  static Result<LifecycleStages> make(std::vector<std::string> names);

  bool contains(std::string_view name) const;
  const std::vector<std::string>& names() const { return names_; }
  // The stage a new contact gets when none is given: the first of the list.
  const std::string& initial() const { return names_.front(); }

 private:
  explicit LifecycleStages(std::vector<std::string> names) : names_(std::move(names)) {}
  std::vector<std::string> names_;
};

}  // namespace rapport::core
