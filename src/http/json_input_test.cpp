// Strict body parsing and the collecting field reader, including the naughty-strings corpus.
#include "http/json_input.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <map>
#include <sstream>

namespace rapport::http {
namespace {

core::Error error_of(std::string_view body, const JsonLimits& limits = {}) {
  auto r = parse_json(body, limits);
  EXPECT_FALSE(r.ok()) << body;
  return r.ok() ? core::Error{} : r.error();
}

TEST(JsonInput, ParsesValidJson) {
  auto r = parse_json_object(R"({"given_name":"สมชาย","tags":["a"],"n":1})");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->at("given_name").as_string(), "สมชาย");
}

TEST(JsonInput, MalformedJsonIsInvalidWithoutField) {
  for (const char* bad : {"", "{", "{\"a\":}", "[1,]", "{\"a\":1}x", "nul", "{'a':1}"}) {
    const core::Error e = error_of(bad);
    EXPECT_EQ(e.kind, core::ErrorKind::kInvalid) << bad;
    EXPECT_TRUE(e.fields.empty()) << bad;
  }
}

TEST(JsonInput, RejectsInvalidUtf8InRawBytesAndInEscapes) {
  EXPECT_NE(error_of("{\"a\":\"\xC0\xAF\"}").message.find("UTF-8"), std::string::npos);
  EXPECT_EQ(error_of("{\"a\":\"\xED\xA0\x80\"}").kind, core::ErrorKind::kInvalid);
  EXPECT_EQ(error_of(R"({"a":"\ud800"})").kind, core::ErrorKind::kInvalid);
  EXPECT_EQ(error_of(R"({"\udc00":1})").kind, core::ErrorKind::kInvalid);
  EXPECT_TRUE(parse_json(R"({"a":"\ud83d\ude00"})").ok());  // a proper surrogate pair
}

TEST(JsonInput, EnforcesDepthAndStringLimits) {
  JsonLimits limits;
  limits.max_depth = 4;
  limits.max_string_bytes = 8;
  EXPECT_TRUE(parse_json("[[[[1]]]]", limits).ok());
  EXPECT_NE(error_of("[[[[[1]]]]]", limits).message.find("deeper"), std::string::npos);
  const core::Error long_value = error_of(R"({"a":{"b":["ok","123456789"]}})", limits);
  ASSERT_EQ(long_value.fields.size(), 1u);
  EXPECT_EQ(long_value.fields[0].field, "a/b/1");
  EXPECT_EQ(error_of(R"({"123456789":1})", limits).fields.at(0).field, "123456789");
  EXPECT_FALSE(parse_json(std::string(100000, '[') + std::string(100000, ']')).ok());
}

TEST(JsonInput, TopLevelMustBeAnObject) {
  auto r = parse_json_object("[1]");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(r.error().fields.empty());
}

TEST(JsonInput, ChildPathsEscapeLikeJsonPointer) {
  EXPECT_EQ(child_path("", "a"), "a");
  EXPECT_EQ(child_path("emails", std::size_t{2}), "emails/2");
  EXPECT_EQ(child_path("custom", "a/b~c"), "custom/a~1b~0c");
}

TEST(ObjectReader, CollectsUnknownServerOwnedAndWrongTypeFields) {
  const auto obj = boost::json::parse(
                       R"({"given_name":5,"id":3,"version":1,"color":"red","tags":"x",
                           "vip":true,"score":2.5,"emails":[{"address":7}]})")
                       .as_object();
  ObjectReader reader(obj);
  reader.allow_only({"given_name", "tags", "vip", "score", "emails", "family_name"});
  EXPECT_FALSE(reader.string("given_name"));
  EXPECT_FALSE(reader.array("tags"));
  EXPECT_EQ(reader.boolean("vip"), true);
  EXPECT_FALSE(reader.integer("score"));
  EXPECT_FALSE(reader.string("family_name", Need::kRequired));
  const auto* emails = reader.array("emails");
  ASSERT_NE(emails, nullptr);
  ObjectReader email =
      reader.nested(emails->at(0).as_object(), child_path("emails", std::size_t{0}));
  EXPECT_FALSE(email.string("address"));

  const core::Status status = reader.finish();
  ASSERT_FALSE(status.ok());
  std::map<std::string, std::string> by_field;
  for (const auto& f : status.error().fields) by_field[f.field] = f.message;
  EXPECT_EQ(by_field.size(), 8u);
  EXPECT_EQ(by_field["id"], "is set by the server and cannot be written");
  EXPECT_EQ(by_field["version"], "is set by the server and cannot be written");
  EXPECT_EQ(by_field["color"], "unknown field");
  EXPECT_EQ(by_field["given_name"], "must be a string, not a number");
  EXPECT_EQ(by_field["tags"], "must be an array, not a string");
  EXPECT_EQ(by_field["score"], "must be an integer in the 64-bit range");
  EXPECT_EQ(by_field["family_name"], "is required");
  EXPECT_EQ(by_field["emails/0/address"], "must be a string, not a number");
}

TEST(ObjectReader, NullIsAbsentButVisible) {
  const auto obj = boost::json::parse(R"({"notes":null,"n":9223372036854775807})").as_object();
  ObjectReader reader(obj);
  EXPECT_TRUE(reader.has("notes"));
  EXPECT_TRUE(reader.is_null("notes"));
  EXPECT_FALSE(reader.string("notes"));
  EXPECT_EQ(reader.integer("n"), INT64_MAX);
  EXPECT_TRUE(reader.finish().ok());
}

// Every string of the Big List of Naughty Strings survives a round trip through the parser, or
// (the six with control characters) is refused with a field error naming where it was.
TEST(JsonInput, NaughtyStringsRoundTrip) {
  std::ifstream in(std::string(RAPPORT_SHARED_DATA) + "/naughty/blns.json", std::ios::binary);
  ASSERT_TRUE(in) << "missing shared data";
  std::stringstream text;
  text << in.rdbuf();
  const auto strings = boost::json::parse(text.str()).as_array();
  ASSERT_GT(strings.size(), 500u);
  int refused = 0;
  for (const auto& s : strings) {
    boost::json::object doc{{"given_name", s}};
    auto parsed = parse_json_object(boost::json::serialize(doc));
    if (!parsed.ok()) {
      ++refused;
      ASSERT_EQ(parsed.error().fields.size(), 1u) << s;
      EXPECT_EQ(parsed.error().fields[0].field, "given_name");
      continue;
    }
    EXPECT_EQ(parsed->at("given_name"), s);
  }
  EXPECT_EQ(refused, 6);
}

TEST(JsonInput, ControlCharactersAreRefusedWhereverTheyAre) {
  const core::Error nul = error_of(R"({"custom":{"code":"A\u0000B"}})");
  ASSERT_EQ(nul.fields.size(), 1u);
  EXPECT_EQ(nul.fields[0].field, "custom/code");
  EXPECT_NE(nul.fields[0].message.find("U+0000"), std::string::npos);
  EXPECT_EQ(error_of(R"({"tags":["ok","a\u001b[0m"]})").fields.at(0).field, "tags/1");
  EXPECT_NE(error_of("{\"a\":\"x\x7f\"}").fields.at(0).message.find("U+007F"), std::string::npos);
  // C1: U+0085 (NEXT LINE) encoded as C2 85, and as an escape.
  EXPECT_EQ(error_of("{\"a\":\"x\xC2\x85\"}").fields.at(0).field, "a");
  EXPECT_EQ(error_of(R"({"a\u009b":1})").fields.at(0).field, "a\xC2\x9B");
  // Tab, line feed and carriage return stay for multi-line text; U+00A0 and beyond are text.
  EXPECT_TRUE(parse_json(R"({"body":"line 1\r\n\tline 2 \u00a0\u00e9"})").ok());
}

}  // namespace
}  // namespace rapport::http
