// Interns strings (customer ids, invoice numbers, product codes) as dense 32-bit indexes so that
// the transaction table stores small integers and the analytics can use plain arrays.
//
// Why not std::unordered_map<std::string, …>: ten million invoice lines cost a node and a string
// per entry there. Here texts sit back to back in one byte array and an open-addressing table of
// (index, hash tag) slots finds them, so interning allocates nothing per entry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rapport::analytics {

class Dictionary {
 public:
  // Returns the index of text, adding it with the next free index when it is new.
  std::uint32_t intern(std::string_view text);
  // The index of text, or nullopt when it was never interned.
  std::optional<std::uint32_t> find(std::string_view text) const;
  // The text of an index; index must be below size(). Valid until the next intern.
  std::string_view text(std::uint32_t index) const {
    return {bytes_.data() + ends_[index] - length(index), length(index)};
  }
  std::size_t size() const { return ends_.size(); }
  // Indexes ordered by ascending text (byte order): the deterministic order of every report,
  // whatever order the rows arrived in.
  std::vector<std::uint32_t> sorted_indexes() const;
  // Prepares for about n texts of about bytes_per_text bytes each.
  void reserve(std::size_t n, std::size_t bytes_per_text = 8);

 private:
  struct Slot {
    std::uint32_t index_plus_one = 0;  // 0: empty
    std::uint32_t tag = 0;             // high bits of the hash, to skip most text compares
  };

  std::size_t length(std::uint32_t index) const {
    return ends_[index] - (index == 0 ? 0 : ends_[index - 1]);
  }
  // The slot holding text, or the empty slot where it belongs.
  std::size_t probe(std::string_view text, std::uint64_t hash) const;
  // Re-inserts every text into `size` slots (a power of two).
  void rehash(std::size_t size);

  std::vector<char> bytes_;           // every text, back to back
  std::vector<std::uint64_t> ends_;   // ends_[i]: one past text i in bytes_
  std::vector<Slot> slots_;           // power-of-two size, at most half full
  std::uint32_t last_ = 0xFFFFFFFFU;  // the index interned last: repeats skip the hash
};

}  // namespace rapport::analytics
