// Array literals: quoting, escaping and NULLs, and that PostgreSQL reads them back unchanged.
#include "store/postgres/pg_array.hpp"

#include <gtest/gtest.h>

#include "store/postgres/pg_connection.hpp"
#include "store/postgres/pg_test_schema.hpp"

namespace rapport::store::postgres {
namespace {

TEST(PgArray, QuotesEscapesAndNulls) {
  EXPECT_EQ(array_literal({}), "{}");
  EXPECT_EQ(array_literal({std::string("a"), std::nullopt, std::string("b\"c\\d")}),
            R"({"a",NULL,"b\"c\\d"})");
  EXPECT_EQ(array_literal({std::string("NULL"), std::string("")}), R"({"NULL",""})");
}

TEST(PgArray, PostgresReadsTheElementsBack) {
  RAPPORT_POSTGRES_URL_OR_SKIP(base);
  auto conn = PgConnection::connect(*base);
  ASSERT_TRUE(conn.ok()) << conn.error().message;
  const std::vector<std::optional<std::string>> elements = {
      std::string("x{y},z"),     std::nullopt,        std::string("quote\" back\\slash"),
      std::string("สมชาย 志明"), std::string("NULL"), std::string(" spaced ")};
  auto rows = (*conn)->exec(
      "SELECT e IS NULL, coalesce(e, '') FROM unnest($1::text[]) WITH ORDINALITY AS x(e, i) "
      "ORDER BY i",
      {array_literal(elements)});
  ASSERT_TRUE(rows.ok()) << rows.error().message;
  ASSERT_EQ(rows->rows(), static_cast<int>(elements.size()));
  for (int i = 0; i < rows->rows(); ++i) {
    const auto& expected = elements[static_cast<std::size_t>(i)];
    EXPECT_EQ(rows->text(i, 0) == "t", !expected.has_value()) << i;
    if (expected) {
      EXPECT_EQ(rows->text(i, 1), *expected) << i;
    }
  }
}

}  // namespace
}  // namespace rapport::store::postgres
