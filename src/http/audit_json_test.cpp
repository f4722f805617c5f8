// Audit entries as the admins' log and as a record's timeline show them.
#include "http/audit_json.hpp"

#include <gtest/gtest.h>

namespace rapport::http {
namespace {

core::AuditEntry entry(std::string changes) {
  core::AuditEntry e;
  e.id = 40;
  e.actor_id = 7;
  e.action = "update";
  e.object_type = "contacts";
  e.object_id = 5;
  e.changes_json = std::move(changes);
  e.at = std::chrono::sys_seconds(std::chrono::seconds(1'790'000'000));
  e.client_address = "192.0.2.1";
  return e;
}

TEST(AuditJson, AChangeCarriesItsFieldsButNotTheClientAddress) {
  const auto o = audit_change_to_json(entry(R"({"given_name":{"before":"Ann","after":"Anne"}})"));
  EXPECT_EQ(o.at("id").as_int64(), 40);
  EXPECT_EQ(o.at("actor_id").as_int64(), 7);
  EXPECT_EQ(o.at("action").as_string(), "update");
  EXPECT_FALSE(o.at("redacted").as_bool());
  EXPECT_EQ(o.at("changes").at("given_name").at("after").as_string(), "Anne");
  EXPECT_EQ(o.at("at"), audit_entry_to_json(entry("{}")).at("at"));
  EXPECT_FALSE(o.contains("client_address"));
  EXPECT_FALSE(o.contains("object_type"));
}

TEST(AuditJson, ARedactedChangeSaysSoAndHasNoChanges) {
  const auto o = audit_change_to_json(entry(std::string(core::kRedactedChanges)));
  EXPECT_TRUE(o.at("redacted").as_bool());
  EXPECT_TRUE(o.at("changes").is_null());
  EXPECT_EQ(o.at("action").as_string(), "update");
}

TEST(AuditJson, TheAdminsLogKeepsTheClientAddress) {
  const auto o = audit_entry_to_json(entry("{}"));
  EXPECT_EQ(o.at("client_address").as_string(), "192.0.2.1");
  EXPECT_EQ(o.at("object_type").as_string(), "contacts");
  EXPECT_TRUE(o.at("changes").as_object().empty());
}

}  // namespace
}  // namespace rapport::http
