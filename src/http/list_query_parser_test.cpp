// Query strings → ListQuery, and the precise errors for everything else.
#include "http/list_query_parser.hpp"

#include <gtest/gtest.h>

#include "core/kind_descriptor.hpp"

namespace rapport::http {
namespace {

using core::FilterOp;

std::string field_of(std::string_view query) {
  auto r = parse_list_query(query);
  EXPECT_FALSE(r.ok()) << query;
  if (r.ok() || r.error().fields.empty()) return {};
  return r.error().fields[0].field;
}

TEST(ListQueryParser, EmptyGivesDefaults) {
  auto q = parse_list_query("");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(*q, core::ListQuery{});
}

TEST(ListQueryParser, ParsesEveryPart) {
  auto q = parse_list_query(
      "limit=25&after=eyJpZCI6MTJ9_-&sort=-created_at&q=J%C3%BCrgen+M"
      "&filter[lifecycle_stage]=lead&filter[owner_id][ne]=3&filter[created_at][gt]=2024-01-01"
      "&filter[stage][in]=lead,customer&filter[notes][contains]=vip&filter[phone][empty]=true"
      "&filter[tags]=a,b&filter%5Bcustom.region%5D=north");
  ASSERT_TRUE(q.ok()) << q.error().message;
  EXPECT_EQ(q->limit, 25);
  EXPECT_EQ(q->after, "eyJpZCI6MTJ9_-");
  EXPECT_EQ(q->sort, (core::SortKey{"created_at", true}));
  EXPECT_EQ(q->search, "Jürgen M");
  const std::vector<core::Filter> expected = {
      {"lifecycle_stage", FilterOp::kEq, {"lead"}},  {"owner_id", FilterOp::kNe, {"3"}},
      {"created_at", FilterOp::kGt, {"2024-01-01"}}, {"stage", FilterOp::kIn, {"lead", "customer"}},
      {"notes", FilterOp::kContains, {"vip"}},       {"phone", FilterOp::kEmpty, {"true"}},
      {"tags", FilterOp::kIn, {"a", "b"}},           {"custom.region", FilterOp::kEq, {"north"}},
  };
  EXPECT_EQ(q->filters, expected);
}

// Every operator but eq (written without one) by the wire name /api/v1/meta lists.
TEST(ListQueryParser, EveryOperatorParsesByItsName) {
  for (FilterOp op : core::kFilterOps) {
    if (op == FilterOp::kEq) continue;
    const std::string value = op == FilterOp::kEmpty ? "true" : "x";
    auto q = parse_list_query("filter[f][" + std::string(core::to_string(op)) + "]=" + value);
    ASSERT_TRUE(q.ok()) << core::to_string(op) << ": " << q.error().message;
    ASSERT_EQ(q->filters.size(), 1u);
    EXPECT_EQ(q->filters[0].op, op) << core::to_string(op);
  }
  EXPECT_FALSE(parse_list_query("filter[f][like]=x").ok());
}

TEST(ListQueryParser, AscendingSortAndLtFilter) {
  auto q = parse_list_query("sort=family_name&filter[updated_at][lt]=2025-06-01T00:00:00Z");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->sort, (core::SortKey{"family_name", false}));
  EXPECT_EQ(q->filters.at(0).op, FilterOp::kLt);
}

TEST(ListQueryParser, RejectsBadLimits) {
  for (const char* bad : {"limit=0", "limit=-1", "limit=501", "limit=abc", "limit=", "limit=1.5",
                          "limit=99999999999999999999", "limit=+5", "limit=%20"}) {
    EXPECT_EQ(field_of(bad), "limit") << bad;
  }
  EXPECT_EQ(parse_list_query("limit=500")->limit, 500);
  EXPECT_EQ(parse_list_query("limit=1")->limit, 1);
}

TEST(ListQueryParser, RejectsMalformedCursors) {
  for (const char* bad :
       {"after=", "after=abc%3D", "after=a+b", "after=%F0%9F%98%80", "after=a/b"}) {
    EXPECT_EQ(field_of(bad), "after") << bad;
  }
  EXPECT_EQ(field_of("after=" + std::string(513, 'A')), "after");
}

TEST(ListQueryParser, RejectsUnknownOperatorsFieldsAndParameters) {
  EXPECT_EQ(field_of("filter[owner_id][like]=3"), "filter[owner_id][like]");
  EXPECT_EQ(field_of("filter[owner_id][eq]=3"), "filter[owner_id][eq]");
  EXPECT_EQ(field_of("filter[Owner-Id]=3"), "filter[Owner-Id]");
  EXPECT_EQ(field_of("filter[a; DROP TABLE contacts]=1"), "filter[a; DROP TABLE contacts]");
  EXPECT_EQ(field_of("filter[owner_id"), "filter[owner_id");
  EXPECT_EQ(field_of("filter[owner_id][gt]x=1"), "filter[owner_id][gt]x");
  EXPECT_EQ(field_of("filter[phone][empty]=maybe"), "filter[phone][empty]");
  EXPECT_EQ(field_of("filter[stage][in]=a,,b"), "filter[stage][in]");
  EXPECT_EQ(field_of("filter[stage]="), "filter[stage]");
  EXPECT_EQ(field_of("sort=--name"), "sort");
  EXPECT_EQ(field_of("sort=name,id"), "sort");
  EXPECT_EQ(field_of("page=2"), "page");
}

TEST(ListQueryParser, RejectsDuplicatesAndBadEncoding) {
  EXPECT_EQ(field_of("limit=5&limit=6"), "limit");
  EXPECT_EQ(field_of("filter[tags]=a&filter%5Btags%5D=b"), "filter[tags]");
  EXPECT_FALSE(parse_list_query("q=%zz").ok());
  EXPECT_EQ(field_of("q=%C0%AF"), "q");
}

TEST(ListQueryParser, ExtraParametersAreLeftToTheCaller) {
  auto q = parse_list_query("include_deleted=true&limit=3", {"include_deleted"});
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->limit, 3);
}

}  // namespace
}  // namespace rapport::http
