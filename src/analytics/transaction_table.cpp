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
  if (columns_.second_of_day) second_of_day.push_back(static_cast<std::int32_t>(second));
  if (columns_.invoice) {
    invoice.push_back(row.invoice.empty() ? kNoIndex : invoices.intern(row.invoice));
  }
  if (columns_.product) {
    product.push_back(row.product.empty() ? kNoIndex : products.intern(row.product));
  }
  if (columns_.quantity) quantity.push_back(row.quantity);
  amount.push_back(row.amount);
  currency.push_back(static_cast<std::uint16_t>(currencies.intern(row.currency)));
  return core::ok_status();
}

namespace {

// Index i of `from` → its index in `to`, interning in from's order.
std::vector<std::uint32_t> reintern(const Dictionary& from, Dictionary& to) {
  std::vector<std::uint32_t> map(from.size());
  for (std::uint32_t i = 0; i < map.size(); ++i) map[i] = to.intern(from.text(i));
  return map;
}

template <class T>
void append_column(std::vector<T>& to, const std::vector<T>& from) {
  to.insert(to.end(), from.begin(), from.end());
}

// Appends `from` through an index map; kNoIndex stays kNoIndex.
void append_mapped(std::vector<std::uint32_t>& to, const std::vector<std::uint32_t>& from,
                   const std::vector<std::uint32_t>& map) {
  to.reserve(to.size() + from.size());
  for (const std::uint32_t i : from) to.push_back(i == kNoIndex ? kNoIndex : map[i]);
}

}  // namespace

core::Status TransactionTable::append(const TransactionTable& other) {
  const auto currency_map = reintern(other.currencies, currencies);
  if (currencies.size() > std::numeric_limits<std::uint16_t>::max()) {
    return core::Error::invalid("too many currencies");
  }
  append_mapped(customer, other.customer, reintern(other.customers, customers));
  append_column(day, other.day);
  if (columns_.second_of_day) append_column(second_of_day, other.second_of_day);
  if (columns_.invoice) append_mapped(invoice, other.invoice, reintern(other.invoices, invoices));
  if (columns_.product) append_mapped(product, other.product, reintern(other.products, products));
  if (columns_.quantity) append_column(quantity, other.quantity);
  append_column(amount, other.amount);
  currency.reserve(currency.size() + other.currency.size());
  for (const std::uint16_t c : other.currency) {
    currency.push_back(static_cast<std::uint16_t>(currency_map[c]));
  }
  return core::ok_status();
}

void TransactionTable::reserve(std::size_t n) {
  customer.reserve(n);
  day.reserve(n);
  if (columns_.second_of_day) second_of_day.reserve(n);
  if (columns_.invoice) invoice.reserve(n);
  if (columns_.product) product.reserve(n);
  if (columns_.quantity) quantity.reserve(n);
  amount.reserve(n);
  currency.reserve(n);
}

void TransactionTable::clear() { *this = TransactionTable(minor_digits_, columns_); }

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

RowsByCustomer group_by_customer(const TransactionTable& table) {
  const std::size_t customers = table.customers.size();
  RowsByCustomer out;
  out.offsets.assign(customers + 1, 0);
  for (const std::uint32_t c : table.customer) ++out.offsets[c + 1];
  for (std::size_t c = 0; c < customers; ++c) out.offsets[c + 1] += out.offsets[c];
  out.rows.resize(table.size());
  std::vector<std::size_t> fill(out.offsets.begin(), out.offsets.end() - 1);
  for (std::size_t i = 0; i < table.size(); ++i) out.rows[fill[table.customer[i]]++] = i;
  return out;
}

CustomerDays merge_same_day(const TransactionTable& table) {
  const std::size_t customers = table.customers.size();
  CustomerDays out;
  // Rows grouped by customer, then each customer's rows sorted by day.
  RowsByCustomer groups = group_by_customer(table);
  const std::vector<std::size_t>& start = groups.offsets;
  std::vector<std::size_t>& order = groups.rows;

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

core::Result<LoadedTransactions> load_transactions(
    io::ByteSource& source, const io::CsvOptions& csv, const io::TransactionMapping& mapping,
    const io::TransactionFilter& filter, io::BadRowPolicy bad_rows, TableColumns columns) {
  LoadedTransactions loaded{TransactionTable(mapping.minor_digits, columns), {}};
  auto summary = io::read_transactions(
      source, csv, mapping, filter, bad_rows,
      [&loaded](const io::TransactionRow& row) { return loaded.table.add(row); });
  if (!summary.ok()) return std::move(summary).error();
  loaded.summary = std::move(summary).value();
  return loaded;
}

}  // namespace rapport::analytics
