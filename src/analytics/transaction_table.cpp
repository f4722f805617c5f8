// Building the columnar table and the per-customer day merge.
#include "analytics/transaction_table.hpp"

#include <algorithm>
#include <limits>

namespace rapport::analytics {

core::Status TransactionTable::add(const io::TransactionRow& row) {
  constexpr std::int64_t kSecondsPerDay = 86400;
  // Floor division, so times before 1970 fall on the right day.
  std::int64_t days = row.timestamp / kSecondsPerDay;
  std::int64_t second = row.timestamp % kSecondsPerDay;
  if (second < 0) {
    second += kSecondsPerDay;
    --days;
  }
  if (days < std::numeric_limits<std::int32_t>::min() ||
      days > std::numeric_limits<std::int32_t>::max()) {
    return core::Error::field("line/" + std::to_string(row.line), "date out of range");
  }
  if (currencies.size() >= std::numeric_limits<std::uint16_t>::max() &&
      !currencies.find(row.currency)) {
    return core::Error::field("line/" + std::to_string(row.line), "too many currencies");
  }
  customer.push_back(customers.intern(row.customer));
  day.push_back(static_cast<std::int32_t>(days));
  second_of_day.push_back(static_cast<std::int32_t>(second));
  invoice.push_back(row.invoice.empty() ? kNoIndex : invoices.intern(row.invoice));
  product.push_back(row.product.empty() ? kNoIndex : products.intern(row.product));
  quantity.push_back(row.quantity);
  amount.push_back(row.amount);
  currency.push_back(static_cast<std::uint16_t>(currencies.intern(row.currency)));
  return core::ok_status();
}

double TransactionTable::to_major(std::int64_t minor) const {
  double scale = 1;
  for (int i = 0; i < minor_digits_; ++i) scale *= 10;
  return static_cast<double>(minor) / scale;
}

core::Status TransactionTable::require_single_currency() const {
  if (currencies.size() > 1) {
    return core::Error::invalid("the transactions mix " + std::to_string(currencies.size()) +
                                " currencies; analyse one currency at a time");
  }
  return core::ok_status();
}

CustomerDays merge_same_day(const TransactionTable& table) {
  const std::size_t customers = table.customers.size();
  CustomerDays out;
  // Counting sort of the rows by customer, then each customer's rows by day.
  std::vector<std::size_t> start(customers + 1, 0);
  for (std::uint32_t c : table.customer) ++start[c + 1];
  for (std::size_t c = 0; c < customers; ++c) start[c + 1] += start[c];
  std::vector<std::size_t> order(table.size());
  std::vector<std::size_t> fill(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < table.size(); ++i) order[fill[table.customer[i]]++] = i;

  out.offsets.reserve(customers + 1);
  out.offsets.push_back(0);
  for (std::size_t c = 0; c < customers; ++c) {
    const auto first = order.begin() + static_cast<std::ptrdiff_t>(start[c]);
    const auto last = order.begin() + static_cast<std::ptrdiff_t>(start[c + 1]);
    std::sort(first, last,
              [&](std::size_t a, std::size_t b) { return table.day[a] < table.day[b]; });
    for (auto it = first; it != last; ++it) {
      const std::int32_t d = table.day[*it];
      if (out.days.size() > out.offsets.back() && out.days.back() == d) {
        out.amounts.back() += table.amount[*it];
      } else {
        out.days.push_back(d);
        out.amounts.push_back(table.amount[*it]);
      }
    }
    out.offsets.push_back(out.days.size());
  }
  return out;
}

core::Result<LoadedTransactions> load_transactions(io::ByteSource& source,
                                                   const io::CsvOptions& csv,
                                                   const io::TransactionMapping& mapping,
                                                   const io::TransactionFilter& filter,
                                                   io::BadRowPolicy bad_rows) {
  LoadedTransactions loaded{TransactionTable(mapping.minor_digits), {}};
  auto summary = io::read_transactions(
      source, csv, mapping, filter, bad_rows,
      [&loaded](const io::TransactionRow& row) { return loaded.table.add(row); });
  if (!summary.ok()) return std::move(summary).error();
  loaded.summary = std::move(summary).value();
  return loaded;
}

}  // namespace rapport::analytics
