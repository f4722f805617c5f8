// Record kind names: stable, parsed back, and a clear error listing them for anything else.
#include "core/record_kind.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(RecordKind, EveryNameParsesBackToItsKind) {
  for (RecordKind kind : kRecordKinds) {
    auto parsed = parse_record_kind(to_string(kind));
    ASSERT_TRUE(parsed.ok()) << to_string(kind);
    EXPECT_EQ(*parsed, kind);
  }
  EXPECT_EQ(to_string(RecordKind::kContact), "contact");
  EXPECT_EQ(to_string(RecordKind::kCompany), "company");
}

TEST(RecordKind, AnUnknownNameIsAFieldErrorListingTheKinds) {
  for (std::string_view name : {"", "contacts", "Contact", "deal", "contact\n"}) {
    auto parsed = parse_record_kind(name, "entity");
    ASSERT_FALSE(parsed.ok()) << name;
    EXPECT_EQ(parsed.error().kind, ErrorKind::kInvalid);
    ASSERT_EQ(parsed.error().fields.size(), 1u);
    EXPECT_EQ(parsed.error().fields[0].field, "entity");
    EXPECT_EQ(parsed.error().fields[0].message,
              "must be one of \"contact\", \"company\", \"activity\"");
  }
}

}  // namespace
}  // namespace rapport::core
