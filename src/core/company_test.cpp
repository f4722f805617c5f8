// Tests of the company rules.
#include "core/company.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

TEST(Company, ValidCompanyIsNormalised) {
  Company c;
  c.name = "  Siam Widgets ";
  c.domains = {"Siam-Widgets.CO.TH"};
  c.size = "51-200";
  c.annual_revenue = Money{500000000, "THB"};
  auto status = validate(c, {}, "TH");
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(c.name, "Siam Widgets");
  EXPECT_EQ(c.domains[0], "siam-widgets.co.th");
}

TEST(Company, AllErrorsComeAtOnce) {
  Company c;
  c.id = 7;
  c.domains = {"not a domain", "ok.com", "OK.com"};
  c.size = "huge";
  c.annual_revenue = Money{-1, "ABC"};
  c.parent_id = 7;
  auto status = validate(c, {}, "TH");
  ASSERT_FALSE(status.ok());
  std::vector<std::string> fields;
  for (const auto& f : status.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "domains/0", "domains/2", "size",
                                              "annual_revenue/currency",
                                              "annual_revenue/minor_units", "parent_id"}));
}

}  // namespace
}  // namespace rapport::core
