// String interning for the columnar transaction table.
#include "analytics/dictionary.hpp"

#include <algorithm>
#include <numeric>

namespace rapport::analytics {

std::uint32_t Dictionary::intern(std::string_view text) {
  if (auto it = index_.find(text); it != index_.end()) return it->second;
  const auto index = static_cast<std::uint32_t>(texts_.size());
  texts_.emplace_back(text);
  index_.emplace(texts_.back(), index);
  return index;
}

std::optional<std::uint32_t> Dictionary::find(std::string_view text) const {
  if (auto it = index_.find(text); it != index_.end()) return it->second;
  return std::nullopt;
}

std::vector<std::uint32_t> Dictionary::sorted_indexes() const {
  std::vector<std::uint32_t> order(texts_.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(),
            [this](std::uint32_t a, std::uint32_t b) { return texts_[a] < texts_[b]; });
  return order;
}

}  // namespace rapport::analytics
