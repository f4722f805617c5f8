// Interns strings (customer ids, invoice numbers, product codes) as dense 32-bit indexes so that
// the transaction table stores small integers and the analytics can use plain arrays.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rapport::analytics {

class Dictionary {
 public:
  // Returns the index of text, adding it with the next free index when it is new.
  std::uint32_t intern(std::string_view text);
  // The index of text, or nullopt when it was never interned.
  std::optional<std::uint32_t> find(std::string_view text) const;
  // The text of an index; index must be below size().
  const std::string& text(std::uint32_t index) const { return texts_[index]; }
  std::size_t size() const { return texts_.size(); }
  // Indexes ordered by ascending text (byte order): the deterministic order of every report,
  // whatever order the rows arrived in.
  std::vector<std::uint32_t> sorted_indexes() const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> texts_;
  std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> index_;
};

}  // namespace rapport::analytics
