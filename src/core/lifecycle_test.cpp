// Tests of lifecycle stage lists.
#include "core/lifecycle.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(Lifecycle, DefaultsInOrder) {
  auto stages = LifecycleStages::defaults();
  ASSERT_EQ(stages.names().size(), 8u);
  EXPECT_EQ(stages.initial(), "subscriber");
  EXPECT_TRUE(stages.contains("marketing_qualified"));
  EXPECT_FALSE(stages.contains("Lead"));
}

TEST(Lifecycle, ConfiguredListIsChecked) {
  EXPECT_TRUE(LifecycleStages::make({"prospect", "client"}).ok());
  EXPECT_FALSE(LifecycleStages::make({}).ok());
  EXPECT_FALSE(LifecycleStages::make({"a", "a"}).ok());
  EXPECT_FALSE(LifecycleStages::make({"Has Space"}).ok());
}

}  // namespace
}  // namespace rapport::core
