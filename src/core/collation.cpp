// ICU sort keys at secondary strength (case ignored, accents kept), one collator per thread:
// ICU's collators are cheap to clone and not meant to be shared between threads.
#include "core/collation.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

namespace rapport::core {

namespace {

std::unique_ptr<icu::Collator> make_collator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(
      icu::Collator::createInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !collator) throw std::runtime_error("ICU has no root collator");
  collator->setStrength(icu::Collator::SECONDARY);
  collator->setAttribute(UCOL_NORMALIZATION_MODE, UCOL_ON, status);
  return collator;
}

icu::Collator& thread_collator() {
  thread_local std::unique_ptr<icu::Collator> collator = make_collator();
  return *collator;
}

void append_hex(std::string& out, std::uint8_t byte) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += kDigits[byte >> 4];
  out += kDigits[byte & 0x0f];
}

}  // namespace

std::string collation_key(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::Collator& collator = thread_collator();
  std::vector<std::uint8_t> key(64);
  int32_t length = collator.getSortKey(unicode, key.data(), static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<std::size_t>(length));
    length = collator.getSortKey(unicode, key.data(), length);
  }
  std::string out;
  // The key ends in a zero byte, which adds nothing to the order.
  std::size_t size = length > 0 ? static_cast<std::size_t>(length) - 1 : 0;
  out.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) append_hex(out, key[i]);
  return out;
}

std::string number_key(double value) {
  if (std::isnan(value)) return std::string(16, 'f');
  if (value == 0) value = 0;  // -0 and +0 are the same number
  auto bits = std::bit_cast<std::uint64_t>(value);
  // Negative numbers reverse their order by flipping every bit; positive ones move above them.
  bits = (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
  std::string out;
  out.reserve(16);
  for (int shift = 56; shift >= 0; shift -= 8)
    append_hex(out, static_cast<std::uint8_t>(bits >> shift));
  return out;
}

std::string collation_version() {
  UVersionInfo version;
  thread_collator().getVersion(version);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, text);
  return std::string("icu-root-secondary-") + text;
}

}  // namespace rapport::core
