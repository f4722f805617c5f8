// Tests for the audit entry's change JSON.
#include "core/audit_entry.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(AuditEntry, ChangesAsJson) {
  EXPECT_EQ(changes_to_json({{"role", "sales", "admin"}, {"team_id", std::nullopt, "3"}}),
            R"({"role":{"before":"sales","after":"admin"},"team_id":{"before":null,"after":"3"}})");
}

TEST(AuditEntry, UnchangedFieldsAreLeftOut) {
  EXPECT_EQ(changes_to_json({{"name", "a", "a"}}), "{}");
  EXPECT_EQ(changes_to_json({}), "{}");
}

TEST(AuditEntry, EscapesText) {
  EXPECT_EQ(json_quote("a\"b\\c\n\x01 ไทย"), "\"a\\\"b\\\\c\\n\\u0001 ไทย\"");
}

}  // namespace
}  // namespace rapport::core
