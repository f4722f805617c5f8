// Tests for Result<T> and Status.
#include "core/result.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace rapport::core {
namespace {

Result<int> parse_positive(int v) {
  if (v <= 0) return Error::field("value", "must be positive");
  return v;
}

Result<int> doubled(int v) {
  RAPPORT_ASSIGN_OR_RETURN(int x, parse_positive(v));
  return 2 * x;
}

Status check(int v) {
  RAPPORT_TRY(parse_positive(v));
  return ok_status();
}

TEST(Result, CarriesValueOrError) {
  EXPECT_EQ(*doubled(4), 8);
  auto bad = doubled(-1);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, ErrorKind::kInvalid);
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "value");
}

TEST(Result, StatusPropagates) {
  EXPECT_TRUE(check(1).ok());
  EXPECT_EQ(check(0).error().message, "value: must be positive");
}

TEST(Result, HoldsMoveOnlyValues) {
  Result<std::unique_ptr<std::string>> r = std::make_unique<std::string>("x");
  auto p = std::move(r).value();
  EXPECT_EQ(*p, "x");
}

TEST(Error, KindNames) {
  EXPECT_EQ(to_string(ErrorKind::kStale), "stale");
  EXPECT_EQ(to_string(ErrorKind::kNotFound), "not_found");
}

}  // namespace
}  // namespace rapport::core
