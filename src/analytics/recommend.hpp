// Item-to-item recommendations from co-occurrence: "customers who bought this also bought" with
// support, confidence and lift, and per customer a ranked list of products to offer next.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace rapport::analytics {

class TransactionTable;

enum class BasketKind {
  kInvoice,   // an order; lines without an invoice form one basket per customer and day
  kCustomer,  // everything a customer ever bought
};

struct CooccurrenceOptions {
  BasketKind basket = BasketKind::kInvoice;
  // Pair counting costs the sum of squared basket sizes. A basket with more distinct products
  // keeps only this many of them, the most popular ones (most baskets, then product id text);
  // product support still counts every basket. This bounds the work per basket at 1M customers.
  std::size_t max_items_per_basket = 200;
  std::int64_t min_pair_count = 2;       // pairs seen fewer times are noise and are dropped
  std::size_t neighbours_per_item = 50;  // the best associations kept per product
};

// An association antecedent → product.
struct Association {
  std::uint32_t product = 0;  // index in the table's product dictionary
  std::int64_t together = 0;  // baskets holding both
  double support = 0;         // together / baskets
  double confidence = 0;      // together / baskets holding the antecedent = P(product | antecedent)
  double lift = 0;            // confidence / P(product); > 1 means bought together more than chance
};

// Associations per product, best first (confidence, then lift, then product id text).
struct CooccurrenceModel {
  std::size_t baskets = 0;
  std::vector<std::int64_t> product_baskets;  // baskets holding each product
  std::vector<std::size_t> offsets;           // CSR over products into associations
  std::vector<Association> associations;
  std::vector<std::uint32_t> text_rank;  // each product's position in ascending id-text order

  std::span<const Association> also_bought(std::uint32_t product) const {
    return {associations.data() + offsets[product], offsets[product + 1] - offsets[product]};
  }
};

// Builds the model from the table's lines with a product and a positive quantity (returns do not
// make baskets). Time and memory are linear in the counted pairs plus the products; the pair
// counts are accumulated one antecedent at a time in a dense scratch row, never as a P×P matrix.
// Fails (invalid) when the table has no products or neighbours_per_item is 0.
core::Result<CooccurrenceModel> build_cooccurrence(const TransactionTable& table,
                                                   const CooccurrenceOptions& options = {});

struct Offer {
  std::uint32_t product = 0;
  double score = 0;  // Σ over the customer's products of the confidence of antecedent → product
};

// Ranks products for someone who owns `owned` (product indexes, any order, duplicates allowed):
// products associated with what they own, excluding what they own, best score first (ties by
// product id text); at most `count`.
std::vector<Offer> next_offers(const CooccurrenceModel& model, std::span<const std::uint32_t> owned,
                               std::size_t count);

// next_offers for every customer of the table (owned = products of their positive lines), in CSR
// form by customer index.
struct CustomerOffers {
  std::vector<std::size_t> offsets;
  std::vector<Offer> offers;

  std::span<const Offer> of(std::uint32_t customer) const {
    return {offers.data() + offsets[customer], offsets[customer + 1] - offsets[customer]};
  }
};
CustomerOffers next_offers_for_all(const TransactionTable& table, const CooccurrenceModel& model,
                                   std::size_t count);

}  // namespace rapport::analytics
