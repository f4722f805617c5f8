// The default lifecycle stages and the checks on a configured list.
#include "core/lifecycle.hpp"

#include <algorithm>
#include <set>

namespace rapport::core {

LifecycleStages LifecycleStages::defaults() {
  return LifecycleStages({kDefaultLifecycleStages.begin(), kDefaultLifecycleStages.end()});
}

Result<LifecycleStages> LifecycleStages::make(std::vector<std::string> names) {
  if (names.empty()) return Error::invalid("the lifecycle stage list is empty");
  std::set<std::string> seen;
  for (const std::string& name : names) {
    bool shaped =
        !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
          return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
    if (!shaped) {
      return Error::invalid("lifecycle stage \"" + name.substr(0, 64) +
                            "\" must be 1-64 lower-case letters, digits or _");
    }
    if (!seen.insert(name).second) {
      return Error::invalid("lifecycle stage \"" + name + "\" is listed twice");
    }
  }
  return LifecycleStages(std::move(names));
}

bool LifecycleStages::contains(std::string_view name) const {
  return std::find(names_.begin(), names_.end(), name) != names_.end();
}

}  // namespace rapport::core
