// Tests of cursor packing.
#include "store/cursor.hpp"

#include <gtest/gtest.h>

namespace rapport::store {
namespace {

TEST(Cursor, RoundTrips) {
  for (const Cursor& c : {Cursor{"id", true, std::int64_t{42}, 42},
                          Cursor{"display_name", false, std::string("王|小明 \"'"), 7},
                          Cursor{"created_at", true, std::int64_t{-5}, 9}}) {
    std::string text = encode_cursor(c);
    EXPECT_EQ(text.find_first_of("+/=|"), std::string::npos);
    auto back = decode_cursor(text);
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(*back, c);
  }
}

TEST(Cursor, RejectsForgeries) {
  for (const char* bad : {"", "!!!", "djE", "' OR 1=1 --", "djF8aWR8YXxpfDF8eA"}) {
    auto c = decode_cursor(bad);
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_EQ(c.error().kind, core::ErrorKind::kInvalid);
  }
}

}  // namespace
}  // namespace rapport::store
