// String interning for the columnar transaction table: an open-addressing hash table (linear
// probing) over texts stored back to back.
#include "analytics/dictionary.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>

namespace rapport::analytics {
namespace {

constexpr std::size_t kMinSlots = 16;

// splitmix64's finaliser: every input bit affects every output bit.
std::uint64_t mix(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Eight bytes at a time; ids and invoice numbers are short, so this is one or two rounds.
std::uint64_t hash_text(std::string_view text) {
  std::uint64_t h = 0x9E3779B97F4A7C15ULL ^ text.size();
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, 8);
    h = mix(h ^ word);
  }
  if (i < text.size()) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, text.size() - i);
    h = mix(h ^ word);
  }
  return h;
}

std::uint32_t tag_of(std::uint64_t hash) { return static_cast<std::uint32_t>(hash >> 32); }

}  // namespace

std::size_t Dictionary::probe(std::string_view text, std::uint64_t hash) const {
  const std::size_t mask = slots_.size() - 1;
  const std::uint32_t tag = tag_of(hash);
  for (std::size_t s = hash & mask;; s = (s + 1) & mask) {
    const Slot& slot = slots_[s];
    if (slot.index_plus_one == 0) return s;
    if (slot.tag == tag && this->text(slot.index_plus_one - 1) == text) return s;
  }
}

void Dictionary::rehash(std::size_t size) {
  slots_.assign(size, Slot{});
  const std::size_t mask = size - 1;
  for (std::uint32_t i = 0; i < ends_.size(); ++i) {
    const std::uint64_t hash = hash_text(text(i));
    std::size_t s = hash & mask;
    while (slots_[s].index_plus_one != 0) s = (s + 1) & mask;
    slots_[s] = {i + 1, tag_of(hash)};
  }
}

void Dictionary::reserve(std::size_t n, std::size_t bytes_per_text) {
  ends_.reserve(n);
  bytes_.reserve(n * bytes_per_text);
  std::size_t size = kMinSlots;
  while (size < 2 * n) size *= 2;
  if (size > slots_.size()) rehash(size);
}

std::uint32_t Dictionary::intern(std::string_view text) {
  // Exports list the lines of an invoice, and often of a customer, together.
  if (last_ < ends_.size() && this->text(last_) == text) return last_;
  if (2 * (ends_.size() + 1) > slots_.size()) rehash(std::max(kMinSlots, 2 * slots_.size()));
  const std::uint64_t hash = hash_text(text);
  const std::size_t s = probe(text, hash);
  if (slots_[s].index_plus_one != 0) return last_ = slots_[s].index_plus_one - 1;
  const auto index = static_cast<std::uint32_t>(ends_.size());
  bytes_.insert(bytes_.end(), text.begin(), text.end());
  ends_.push_back(bytes_.size());
  slots_[s] = {index + 1, tag_of(hash)};
  return last_ = index;
}

std::optional<std::uint32_t> Dictionary::find(std::string_view text) const {
  if (slots_.empty()) return std::nullopt;
  const Slot& slot = slots_[probe(text, hash_text(text))];
  if (slot.index_plus_one == 0) return std::nullopt;
  return slot.index_plus_one - 1;
}

std::vector<std::uint32_t> Dictionary::sorted_indexes() const {
  std::vector<std::uint32_t> order(ends_.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(),
            [this](std::uint32_t a, std::uint32_t b) { return text(a) < text(b); });
  return order;
}

}  // namespace rapport::analytics
