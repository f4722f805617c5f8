// Co-occurrence counting over baskets in CSR form, and scoring of next offers.
#include "analytics/recommend.hpp"

#include <algorithm>
#include <numeric>

#include "analytics/transaction_table.hpp"

namespace rapport::analytics {
namespace {

struct Csr {
  std::vector<std::size_t> offsets;
  std::vector<std::uint32_t> values;
};

// Groups sorted (group, value) keys into CSR rows; groups are renumbered densely.
Csr group_sorted(const std::vector<std::uint64_t>& keys) {
  Csr csr;
  csr.offsets.push_back(0);
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (i > 0 && (keys[i] >> 32) != (keys[i - 1] >> 32)) csr.offsets.push_back(csr.values.size());
    csr.values.push_back(static_cast<std::uint32_t>(keys[i] & 0xFFFFFFFFU));
  }
  if (!keys.empty()) csr.offsets.push_back(csr.values.size());
  return csr;
}

// Distinct (basket, product) pairs of the positive lines with a product.
std::vector<std::uint64_t> basket_keys(const TransactionTable& table, BasketKind kind) {
  std::vector<std::uint64_t> keys;
  keys.reserve(table.size());
  // Lines without an invoice are grouped per (customer, day) under basket ids after the invoices.
  std::vector<std::uint64_t> day_keys;
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table.product[i] == kNoIndex || table.quantity[i] <= 0) continue;
    if (kind == BasketKind::kCustomer) {
      keys.push_back(std::uint64_t{table.customer[i]} << 32 | table.product[i]);
    } else if (table.invoice[i] != kNoIndex) {
      keys.push_back(std::uint64_t{table.invoice[i]} << 32 | table.product[i]);
    } else {
      day_keys.push_back(i);
    }
  }
  if (!day_keys.empty()) {
    std::vector<std::uint64_t> customer_days;
    for (std::uint64_t i : day_keys) {
      customer_days.push_back(std::uint64_t{table.customer[i]} << 32 |
                              static_cast<std::uint32_t>(table.day[i]));
    }
    std::vector<std::uint64_t> distinct = customer_days;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    const std::uint64_t first = table.invoices.size();
    for (std::size_t j = 0; j < day_keys.size(); ++j) {
      const auto basket =
          first + static_cast<std::uint64_t>(
                      std::lower_bound(distinct.begin(), distinct.end(), customer_days[j]) -
                      distinct.begin());
      keys.push_back(basket << 32 | table.product[day_keys[j]]);
    }
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

bool better(const Association& a, const Association& b, const std::vector<std::uint32_t>& rank) {
  if (a.confidence != b.confidence) return a.confidence > b.confidence;
  if (a.lift != b.lift) return a.lift > b.lift;
  return rank[a.product] < rank[b.product];
}

}  // namespace

core::Result<CooccurrenceModel> build_cooccurrence(const TransactionTable& table,
                                                   const CooccurrenceOptions& options) {
  const std::size_t products = table.products.size();
  if (products == 0) return core::Error::field("product", "the transactions have no products");
  if (options.neighbours_per_item == 0) {
    return core::Error::field("neighbours_per_item", "must be at least 1");
  }
  CooccurrenceModel model;
  model.text_rank.resize(products);
  {
    const std::vector<std::uint32_t> by_text = table.products.sorted_indexes();
    for (std::size_t r = 0; r < by_text.size(); ++r) {
      model.text_rank[by_text[r]] = static_cast<std::uint32_t>(r);
    }
  }
  Csr baskets = group_sorted(basket_keys(table, options.basket));
  model.baskets = baskets.offsets.empty() ? 0 : baskets.offsets.size() - 1;
  model.product_baskets.assign(products, 0);
  for (std::uint32_t p : baskets.values) ++model.product_baskets[p];

  // Cap oversized baskets to their most popular products.
  const auto popular = [&](std::uint32_t a, std::uint32_t b) {
    if (model.product_baskets[a] != model.product_baskets[b]) {
      return model.product_baskets[a] > model.product_baskets[b];
    }
    return model.text_rank[a] < model.text_rank[b];
  };
  Csr capped;
  capped.offsets.push_back(0);
  for (std::size_t b = 0; b < model.baskets; ++b) {
    auto first = baskets.values.begin() + static_cast<std::ptrdiff_t>(baskets.offsets[b]);
    auto last = baskets.values.begin() + static_cast<std::ptrdiff_t>(baskets.offsets[b + 1]);
    if (static_cast<std::size_t>(last - first) > options.max_items_per_basket) {
      std::partial_sort(first, first + static_cast<std::ptrdiff_t>(options.max_items_per_basket),
                        last, popular);
      last = first + static_cast<std::ptrdiff_t>(options.max_items_per_basket);
    }
    capped.values.insert(capped.values.end(), first, last);
    capped.offsets.push_back(capped.values.size());
  }

  // Inverted index product → capped baskets.
  std::vector<std::size_t> item_offsets(products + 1, 0);
  for (std::uint32_t p : capped.values) ++item_offsets[p + 1];
  std::partial_sum(item_offsets.begin(), item_offsets.end(), item_offsets.begin());
  std::vector<std::uint32_t> item_baskets(capped.values.size());
  {
    std::vector<std::size_t> fill(item_offsets.begin(), item_offsets.end() - 1);
    for (std::size_t b = 0; b + 1 < capped.offsets.size(); ++b) {
      for (std::size_t j = capped.offsets[b]; j < capped.offsets[b + 1]; ++j) {
        item_baskets[fill[capped.values[j]]++] = static_cast<std::uint32_t>(b);
      }
    }
  }

  const auto n_baskets = static_cast<double>(model.baskets);
  std::vector<std::int64_t> together(products, 0);
  std::vector<std::uint32_t> touched;
  std::vector<Association> row;
  model.offsets.push_back(0);
  for (std::uint32_t a = 0; a < products; ++a) {
    for (std::size_t k = item_offsets[a]; k < item_offsets[a + 1]; ++k) {
      const std::uint32_t b = item_baskets[k];
      for (std::size_t j = capped.offsets[b]; j < capped.offsets[b + 1]; ++j) {
        const std::uint32_t other = capped.values[j];
        if (other == a) continue;
        if (together[other]++ == 0) touched.push_back(other);
      }
    }
    row.clear();
    const auto with_a = static_cast<double>(model.product_baskets[a]);
    for (std::uint32_t other : touched) {
      const std::int64_t count = together[other];
      together[other] = 0;
      if (count < options.min_pair_count) continue;
      const auto c = static_cast<double>(count);
      const double confidence = c / with_a;
      const double lift =
          confidence * n_baskets / static_cast<double>(model.product_baskets[other]);
      row.push_back({other, count, c / n_baskets, confidence, lift});
    }
    touched.clear();
    const auto keep = std::min(row.size(), options.neighbours_per_item);
    std::partial_sort(
        row.begin(), row.begin() + static_cast<std::ptrdiff_t>(keep), row.end(),
        [&](const Association& x, const Association& y) { return better(x, y, model.text_rank); });
    model.associations.insert(model.associations.end(), row.begin(),
                              row.begin() + static_cast<std::ptrdiff_t>(keep));
    model.offsets.push_back(model.associations.size());
  }
  return model;
}

namespace {

// Scores with reusable scratch space; owned must be sorted by text rank and distinct so that
// the floating-point sums are the same whatever order the rows came in.
std::vector<Offer> score(const CooccurrenceModel& model, const std::vector<std::uint32_t>& owned,
                         std::size_t count, std::vector<double>& scratch,
                         std::vector<char>& is_owned, std::vector<std::uint32_t>& touched) {
  for (std::uint32_t p : owned) is_owned[p] = 1;
  for (std::uint32_t p : owned) {
    for (const Association& a : model.also_bought(p)) {
      if (is_owned[a.product]) continue;
      if (scratch[a.product] == 0) touched.push_back(a.product);
      scratch[a.product] += a.confidence;
    }
  }
  std::vector<Offer> offers;
  offers.reserve(touched.size());
  for (std::uint32_t p : touched) {
    offers.push_back({p, scratch[p]});
    scratch[p] = 0;
  }
  touched.clear();
  for (std::uint32_t p : owned) is_owned[p] = 0;
  const auto keep = std::min(count, offers.size());
  std::partial_sort(offers.begin(), offers.begin() + static_cast<std::ptrdiff_t>(keep),
                    offers.end(), [&](const Offer& x, const Offer& y) {
                      if (x.score != y.score) return x.score > y.score;
                      return model.text_rank[x.product] < model.text_rank[y.product];
                    });
  offers.resize(keep);
  return offers;
}

void sort_distinct_by_text(std::vector<std::uint32_t>& products,
                           const std::vector<std::uint32_t>& rank) {
  std::sort(products.begin(), products.end(),
            [&](std::uint32_t a, std::uint32_t b) { return rank[a] < rank[b]; });
  products.erase(std::unique(products.begin(), products.end()), products.end());
}

}  // namespace

std::vector<Offer> next_offers(const CooccurrenceModel& model, std::span<const std::uint32_t> owned,
                               std::size_t count) {
  const std::size_t products = model.text_rank.size();
  std::vector<std::uint32_t> mine;
  for (std::uint32_t p : owned) {
    if (p < products) mine.push_back(p);
  }
  sort_distinct_by_text(mine, model.text_rank);
  std::vector<double> scratch(products, 0);
  std::vector<char> is_owned(products, 0);
  std::vector<std::uint32_t> touched;
  return score(model, mine, count, scratch, is_owned, touched);
}

CustomerOffers next_offers_for_all(const TransactionTable& table, const CooccurrenceModel& model,
                                   std::size_t count) {
  std::vector<std::uint64_t> keys;
  keys.reserve(table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (table.product[i] == kNoIndex || table.quantity[i] <= 0) continue;
    keys.push_back(std::uint64_t{table.customer[i]} << 32 | table.product[i]);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

  const std::size_t products = model.text_rank.size();
  std::vector<double> scratch(products, 0);
  std::vector<char> is_owned(products, 0);
  std::vector<std::uint32_t> touched;
  std::vector<std::uint32_t> owned;
  CustomerOffers out;
  out.offsets.push_back(0);
  std::size_t k = 0;
  for (std::uint32_t c = 0; c < table.customers.size(); ++c) {
    owned.clear();
    for (; k < keys.size() && (keys[k] >> 32) == c; ++k) {
      owned.push_back(static_cast<std::uint32_t>(keys[k] & 0xFFFFFFFFU));
    }
    sort_distinct_by_text(owned, model.text_rank);
    const std::vector<Offer> offers = score(model, owned, count, scratch, is_owned, touched);
    out.offers.insert(out.offers.end(), offers.begin(), offers.end());
    out.offsets.push_back(out.offers.size());
  }
  return out;
}

}  // namespace rapport::analytics
