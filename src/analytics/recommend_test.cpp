// Tests for co-occurrence recommendations: exact support, confidence and lift on small baskets,
// the basket cap, next offers excluding owned products, and the Online Retail set end to end.
#include "analytics/recommend.hpp"

#include <gtest/gtest.h>

#include <set>

#include "analytics/transaction_test_data.hpp"

namespace rapport::analytics {
namespace {

TransactionTable baskets(
    const std::vector<std::pair<std::string, std::vector<std::string>>>& orders) {
  TransactionTable t;
  int n = 0;
  for (const auto& [customer, products] : orders) {
    const std::string invoice = "I" + std::to_string(n++);
    for (const std::string& p : products) {
      io::TransactionRow row;
      row.customer = customer;
      row.invoice = invoice;
      row.product = p;
      row.currency = "EUR";
      row.amount = 100;
      EXPECT_TRUE(t.add(row).ok());
    }
  }
  return t;
}

std::uint32_t id(const TransactionTable& t, std::string_view product) {
  return *t.products.find(product);
}

TEST(Recommend, SupportConfidenceAndLift) {
  const TransactionTable t = baskets({{"u1", {"bread", "butter"}},
                                      {"u2", {"bread", "butter", "jam"}},
                                      {"u3", {"bread", "jam"}},
                                      {"u4", {"milk"}}});
  CooccurrenceOptions options;
  options.min_pair_count = 1;
  auto model = build_cooccurrence(t, options);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model->baskets, 4U);
  const auto from_butter = model->also_bought(id(t, "butter"));
  ASSERT_EQ(from_butter.size(), 2U);
  EXPECT_EQ(from_butter[0].product, id(t, "bread"));
  EXPECT_EQ(from_butter[0].together, 2);
  EXPECT_DOUBLE_EQ(from_butter[0].support, 0.5);
  EXPECT_DOUBLE_EQ(from_butter[0].confidence, 1.0);
  EXPECT_DOUBLE_EQ(from_butter[0].lift, 4.0 / 3.0);
  EXPECT_EQ(from_butter[1].product, id(t, "jam"));
  EXPECT_DOUBLE_EQ(from_butter[1].confidence, 0.5);
  EXPECT_DOUBLE_EQ(from_butter[1].lift, 1.0);
  EXPECT_TRUE(model->also_bought(id(t, "milk")).empty());

  options.min_pair_count = 2;
  auto strict = build_cooccurrence(t, options);
  ASSERT_TRUE(strict.ok());
  EXPECT_EQ(strict->also_bought(id(t, "butter")).size(), 1U);
}

TEST(Recommend, NextOffersExcludeWhatIsOwned) {
  const TransactionTable t = baskets({{"u1", {"bread", "butter"}},
                                      {"u2", {"bread", "butter", "jam"}},
                                      {"u3", {"bread", "jam"}},
                                      {"u4", {"butter"}}});
  CooccurrenceOptions options;
  options.min_pair_count = 1;
  auto model = build_cooccurrence(t, options);
  ASSERT_TRUE(model.ok());
  const std::vector<std::uint32_t> owned = {id(t, "butter"), id(t, "butter")};
  const auto offers = next_offers(*model, owned, 5);
  ASSERT_EQ(offers.size(), 2U);
  EXPECT_EQ(offers[0].product, id(t, "bread"));
  EXPECT_DOUBLE_EQ(offers[0].score, 2.0 / 3.0);
  EXPECT_EQ(offers[1].product, id(t, "jam"));
  EXPECT_EQ(next_offers(*model, owned, 1).size(), 1U);

  const CustomerOffers all = next_offers_for_all(t, *model, 5);
  const auto u4 = all.of(*t.customers.find("u4"));
  ASSERT_EQ(u4.size(), 2U);
  EXPECT_EQ(u4[0].product, id(t, "bread"));
  EXPECT_TRUE(all.of(*t.customers.find("u2")).empty());
}

TEST(Recommend, BasketCapKeepsThePopularProducts) {
  const TransactionTable t = baskets({{"u1", {"a", "b", "c", "d"}}, {"u2", {"a", "b"}}});
  CooccurrenceOptions options;
  options.min_pair_count = 1;
  options.max_items_per_basket = 2;
  auto model = build_cooccurrence(t, options);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model->product_baskets[id(t, "c")], 1);  // support still counts the full basket
  EXPECT_TRUE(model->also_bought(id(t, "c")).empty());
  ASSERT_EQ(model->also_bought(id(t, "a")).size(), 1U);
  EXPECT_EQ(model->also_bought(id(t, "a"))[0].together, 2);
}

TEST(Recommend, CustomerBasketsAndBadInput) {
  const TransactionTable t = baskets({{"u1", {"a"}}, {"u1", {"b"}}, {"u2", {"a", "b"}}});
  CooccurrenceOptions options;
  options.basket = BasketKind::kCustomer;
  auto model = build_cooccurrence(t, options);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model->baskets, 2U);
  ASSERT_EQ(model->also_bought(id(t, "a")).size(), 1U);
  EXPECT_EQ(model->also_bought(id(t, "a"))[0].together, 2);
  EXPECT_FALSE(build_cooccurrence(TransactionTable()).ok());
  options.neighbours_per_item = 0;
  EXPECT_FALSE(build_cooccurrence(t, options).ok());
}

TEST(Recommend, OnlineRetailOffersAreNewAndOrderIndependent) {
  const TransactionTable& t = testing::online_retail_clean();
  auto model = build_cooccurrence(t);
  ASSERT_TRUE(model.ok());
  EXPECT_EQ(model->baskets, 18532U);
  const CustomerOffers all = next_offers_for_all(t, *model, 10);
  std::vector<std::set<std::uint32_t>> owned(t.customers.size());
  for (std::size_t i = 0; i < t.size(); ++i) owned[t.customer[i]].insert(t.product[i]);
  std::size_t with_offers = 0;
  for (std::uint32_t c = 0; c < t.customers.size(); ++c) {
    const auto offers = all.of(c);
    with_offers += !offers.empty();
    for (std::size_t k = 0; k < offers.size(); ++k) {
      EXPECT_EQ(owned[c].count(offers[k].product), 0U);
      if (k > 0) {
        EXPECT_GE(offers[k - 1].score, offers[k].score);
      }
    }
  }
  EXPECT_GT(with_offers, t.customers.size() * 9 / 10);

  const TransactionTable shuffled = testing::shuffled_copy(t, 3);
  auto again = build_cooccurrence(shuffled);
  ASSERT_TRUE(again.ok());
  const CustomerOffers all_again = next_offers_for_all(shuffled, *again, 10);
  for (std::uint32_t c = 0; c < t.customers.size(); ++c) {
    const auto a = all.of(c);
    const auto b = all_again.of(*shuffled.customers.find(t.customers.text(c)));
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(t.products.text(a[k].product), shuffled.products.text(b[k].product));
      EXPECT_EQ(a[k].score, b[k].score);
    }
  }
}

}  // namespace
}  // namespace rapport::analytics
