// Tests of search bodies and query plans.
#include "store/search_document.hpp"

#include <gtest/gtest.h>

namespace rapport::store {
namespace {

TEST(SearchDocument, BodyHoldsNormalisedNamesEmailsPhoneDigitsAndNotes) {
  core::Contact c;
  c.display_name = "Nguyễn Văn An";
  c.emails = {{"an@example.vn", "work", true}};
  c.phones = {{"081-234-5678", "+66812345678", "mobile", true, ""}};
  c.notes = "Met at Müller GmbH";
  c.companies = {{7, "Buyer"}};
  std::string body = contact_search_body(c, {}, {"ประชุม สัปดาห์หน้า"});
  for (const char* part : {"nguyen van an", "an@example.vn", "66812345678", "0812345678",
                           "muller gmbh", "ประชุม"}) {
    EXPECT_NE(body.find(part), std::string::npos) << part;
  }
}

TEST(SearchDocument, CompanyBodyHoldsItsNotes) {
  core::Company c;
  c.name = "Siam Widgets";
  c.notes = "Key account";
  std::string body = company_search_body(c, {}, {"Renewal due in März", "会议纪要"});
  for (const char* part : {"siam widgets", "key account", "renewal due in marz", "会议纪要"}) {
    EXPECT_NE(body.find(part), std::string::npos) << part;
  }
}

TEST(SearchDocument, NameGramsArePairsWithinWordsAndWordInitials) {
  auto grams = search_grams({"王小明", "Li Na"}, "");
  EXPECT_EQ(grams, (std::set<std::string>{"王", "王小", "小明", "l", "li", "n", "na"}));
}

TEST(SearchDocument, BodyGramsArePairsOfUnspacedScriptsOnly) {
  auto grams = search_grams({}, "台灣精密 ok\nสวัสดี\nab");
  for (const char* gram : {"台灣", "灣精", "精密", "สว", "ดี"}) {
    EXPECT_TRUE(grams.contains(gram)) << gram;
  }
  EXPECT_FALSE(grams.contains("ok"));
  EXPECT_FALSE(grams.contains("ab"));
  EXPECT_FALSE(grams.contains("密 "));
}

TEST(SearchDocument, PlansPhonesPhrasesAndGrams) {
  EXPECT_EQ(plan_search("+66 81 234 5678").phrases, std::vector<std::string>{"66812345678"});
  EXPECT_EQ(plan_search("081-234-5678").phrases, std::vector<std::string>{"0812345678"});
  auto words = plan_search("Nguyễn Lê");
  EXPECT_EQ(words.phrases, std::vector<std::string>{"nguyen"});
  EXPECT_EQ(plan_search("小明").grams, std::vector<std::string>{"小明"});
  EXPECT_TRUE(plan_search("   ").empty());
  EXPECT_EQ(plan_search("陳").grams, std::vector<std::string>{"陳"});
  EXPECT_EQ(fts_phrase("a\"b"), "\"a\"\"b\"");
}

}  // namespace
}  // namespace rapport::store
