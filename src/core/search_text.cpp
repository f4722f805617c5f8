// Search normalisation with ICU: NFKD, drop marks after Latin/Greek/Cyrillic bases, fold case,
// recompose (NFC) so untouched scripts read as typed.
#include "core/search_text.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

namespace rapport::core {

namespace {

bool drops_marks(UChar32 base) {
  UErrorCode status = U_ZERO_ERROR;
  UScriptCode script = uscript_getScript(base, &status);
  return U_SUCCESS(status) &&
         (script == USCRIPT_LATIN || script == USCRIPT_GREEK || script == USCRIPT_CYRILLIC);
}

// Letters whose stroke is not a combining mark, so NFKD leaves them whole.
UChar32 unstroke(UChar32 c) {
  switch (c) {
    case 0x0110:
    case 0x0111:
      return 'd';  // Đ đ (Vietnamese)
    case 0x00D8:
    case 0x00F8:
      return 'o';  // Ø ø
    case 0x0141:
    case 0x0142:
      return 'l';  // Ł ł
    case 0x0131:
      return 'i';  // dotless ı
    default:
      return c;
  }
}

}  // namespace

std::string normalize_for_search(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString decomposed = nfkd->normalize(icu::UnicodeString::fromUTF8(text), status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString kept;
  bool strip = false;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length();) {
    UChar32 c = decomposed.char32At(i);
    i += U16_LENGTH(c);
    if (u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) {
      if (!strip) kept.append(c);
      continue;
    }
    if (u_isUWhiteSpace(c) || u_iscntrl(c)) {
      pending_space = !kept.isEmpty();
      continue;
    }
    if (pending_space) kept.append(static_cast<UChar>(' '));
    pending_space = false;
    strip = drops_marks(c);
    kept.append(unstroke(c));
  }
  kept.foldCase();
  icu::UnicodeString composed = nfc->normalize(kept, status);
  std::string out;
  (U_FAILURE(status) ? kept : composed).toUTF8String(out);
  return out;
}

std::size_t code_point_count(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace rapport::core
