// Strict UTF-8: the sequences lenient decoders let through must be rejected.
#include "http/utf8.hpp"

#include <gtest/gtest.h>

namespace rapport::http {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
  EXPECT_FALSE(find_invalid_utf8(""));
  EXPECT_FALSE(find_invalid_utf8("plain ascii"));
  EXPECT_FALSE(find_invalid_utf8("สวัสดี 你好 Jürgen 𝄞"));
  EXPECT_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF
}

TEST(Utf8, RejectsOverlongSurrogatesAndOutOfRange) {
  EXPECT_EQ(find_invalid_utf8("ab\xC0\xAF"), 2u);        // overlong '/'
  EXPECT_EQ(find_invalid_utf8("\xE0\x80\xAF"), 0u);      // overlong, 3 bytes
  EXPECT_EQ(find_invalid_utf8("\xED\xA0\x80"), 0u);      // U+D800 surrogate
  EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(find_invalid_utf8("\xF0\x80\x80\x80"), 0u);  // overlong, 4 bytes
  EXPECT_EQ(find_invalid_utf8("x\xFF"), 1u);
  EXPECT_EQ(find_invalid_utf8("\xE4\xBD"), 0u);      // truncated
  EXPECT_EQ(find_invalid_utf8("\xE4\x41\xA0"), 0u);  // bad continuation
  EXPECT_EQ(find_invalid_utf8("\x80"), 0u);          // lone continuation
}

}  // namespace
}  // namespace rapport::http
