// Tests of custom field definitions and value checks per type.
#include "core/custom_field.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

CustomFieldDefinition def(std::string key, CustomFieldType type,
                          std::vector<std::string> options = {}) {
  CustomFieldDefinition d;
  d.key = std::move(key);
  d.label = "Label";
  d.type = type;
  d.options = std::move(options);
  return d;
}

Status check(const CustomFieldDefinition& d, CustomValue v) {
  return normalize_custom_value(d, v, "TH", "custom/" + d.key);
}

TEST(CustomField, TypeNamesRoundTrip) {
  for (auto t : {CustomFieldType::kText, CustomFieldType::kMultiSelect, CustomFieldType::kPhone,
                 CustomFieldType::kDateTime}) {
    EXPECT_EQ(*parse_custom_field_type(to_string(t)), t);
  }
  EXPECT_FALSE(parse_custom_field_type("decimal").ok());
}

TEST(CustomField, DefinitionErrorsComeTogether) {
  auto d = def("Bad Key", CustomFieldType::kSingleSelect);
  d.label = "";
  auto status = validate(d);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().fields.size(), 3u);
  EXPECT_TRUE(validate(def("tier", CustomFieldType::kSingleSelect, {"gold", "silver"})).ok());
  EXPECT_FALSE(validate(def("tier", CustomFieldType::kSingleSelect, {"gold", "gold"})).ok());
  EXPECT_FALSE(validate(def("flag", CustomFieldType::kText, {"x"})).ok());
}

TEST(CustomField, ValuesAreCheckedPerType) {
  EXPECT_TRUE(check(def("n", CustomFieldType::kNumber), {"12.5", {}, {}}).ok());
  EXPECT_FALSE(check(def("n", CustomFieldType::kNumber), {"12,5", {}, {}}).ok());
  EXPECT_FALSE(check(def("n", CustomFieldType::kNumber), {"nan", {}, {}}).ok());
  EXPECT_TRUE(check(def("d", CustomFieldType::kDate), {"2024-02-29", {}, {}}).ok());
  EXPECT_FALSE(check(def("d", CustomFieldType::kDate), {"2023-02-29", {}, {}}).ok());
  EXPECT_TRUE(check(def("b", CustomFieldType::kBoolean), {"true", {}, {}}).ok());
  EXPECT_FALSE(check(def("b", CustomFieldType::kBoolean), {"yes", {}, {}}).ok());
  EXPECT_TRUE(check(def("u", CustomFieldType::kUrl), {"https://example.com/x", {}, {}}).ok());
  EXPECT_FALSE(check(def("u", CustomFieldType::kUrl), {"javascript:alert(1)", {}, {}}).ok());
  EXPECT_FALSE(check(def("m", CustomFieldType::kMoney), {"", {}, Money{100, "XXQ"}}).ok());
  EXPECT_TRUE(check(def("m", CustomFieldType::kMoney), {"", {}, Money{100, "THB"}}).ok());
  auto select = def("s", CustomFieldType::kMultiSelect, {"a", "b"});
  EXPECT_TRUE(check(select, {"", {"a", "b"}, {}}).ok());
  EXPECT_FALSE(check(select, {"", {"a", "c"}, {}}).ok());
  EXPECT_FALSE(check(select, {"", {"a", "a"}, {}}).ok());
}

TEST(CustomField, ValuesAreNormalised) {
  CustomValue phone{"081-234-5678", {}, {}};
  ASSERT_TRUE(normalize_custom_value(def("p", CustomFieldType::kPhone), phone, "TH", "p").ok());
  EXPECT_EQ(phone.text, "+66812345678");
  CustomValue when{"2024-01-01T07:00:00+07:00", {}, {}};
  ASSERT_TRUE(normalize_custom_value(def("t", CustomFieldType::kDateTime), when, "TH", "t").ok());
  EXPECT_EQ(when.text, "2024-01-01T00:00:00.000Z");
}

TEST(CustomField, RecordValuesCollectUnknownAndMissingRequired) {
  auto required = def("tier", CustomFieldType::kText);
  required.required = true;
  CustomValues values{{"nope", {"x", {}, {}}}};
  std::vector<FieldError> errors;
  check_custom_values({required}, values, "TH", errors);
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].field, "custom/nope");
  EXPECT_EQ(errors[1].field, "custom/tier");
}

}  // namespace
}  // namespace rapport::core
