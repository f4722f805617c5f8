// A compact columnar table of purchase lines (customer, day, invoice, product, quantity, amount,
// currency) that every descriptive analysis and model input is computed from.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "analytics/dictionary.hpp"
#include "core/result.hpp"
#include "io/transactions_csv.hpp"

namespace rapport::analytics {

inline constexpr std::uint32_t kNoIndex = 0xFFFFFFFFU;

// The optional columns a table keeps. An analysis that reads fewer columns loads fewer: at ten
// million lines each 4-byte column is 40 MB, and the invoice dictionary far more.
struct TableColumns {
  bool invoice = true;
  bool product = true;
  bool quantity = true;
  bool second_of_day = true;
};

// Row i of every column describes line i; a column left out by TableColumns stays empty. Text
// columns are dictionary indexes; money is integer minor units (DESIGN.md), never floating point.
class TransactionTable {
 public:
  explicit TransactionTable(int minor_digits = 2, TableColumns columns = {})
      : minor_digits_(minor_digits), columns_(columns) {}

  // Appends a row (from io::read_transactions or built by hand). An empty invoice or product
  // is stored as kNoIndex. Fails when the timestamp lies outside the int32 day range.
  core::Status add(const io::TransactionRow& row);
  // Appends `other`'s rows, re-interning its texts here (in other's index order, so that a file
  // read in pieces and appended in order gets the indexes of a reading in one go). Fails when
  // the currencies no longer fit their 16-bit column.
  core::Status append(const TransactionTable& other);
  // Reserves room for n rows in every kept column.
  void reserve(std::size_t n);
  // Releases every column and dictionary (the per-customer results outlive the lines).
  void clear();

  const TableColumns& columns() const { return columns_; }

  std::size_t size() const { return day.size(); }
  int minor_digits() const { return minor_digits_; }
  // Money in major units (dollars, pounds) for reports and models that take doubles.
  double to_major(std::int64_t minor) const;
  // Fails unless every row has the same currency: sums across currencies are meaningless.
  core::Status require_single_currency() const;

  Dictionary customers;
  Dictionary invoices;
  Dictionary products;
  Dictionary currencies;

  std::vector<std::uint32_t> customer;
  std::vector<std::int32_t> day;            // days since 1970-01-01
  std::vector<std::int32_t> second_of_day;  // 0..86399; 0 when the source has dates only
  std::vector<std::uint32_t> invoice;       // kNoIndex when not given
  std::vector<std::uint32_t> product;       // kNoIndex when not given
  std::vector<std::int64_t> quantity;
  std::vector<std::int64_t> amount;  // line total, minor units
  std::vector<std::uint16_t> currency;

 private:
  int minor_digits_;
  TableColumns columns_;
};

// The rows of each customer, in CSR form: customer c's rows are rows[offsets[c] .. offsets[c+1]),
// ascending. Lets per-customer analyses work customer by customer instead of sorting all lines.
struct RowsByCustomer {
  std::vector<std::size_t> offsets;
  std::vector<std::size_t> rows;
};

// Groups the rows by customer with a counting sort: linear in the rows.
RowsByCustomer group_by_customer(const TransactionTable& table);

// Purchases merged per customer and day (the models' unit of "a transaction", REFERENCE.md §1),
// in CSR form: customer c's days are days[offsets[c] .. offsets[c+1]), ascending, with the summed
// amounts of that day. Customer indexes are the table's.
struct CustomerDays {
  std::vector<std::size_t> offsets;
  std::vector<std::int32_t> days;
  std::vector<std::int64_t> amounts;

  std::size_t customers() const { return offsets.empty() ? 0 : offsets.size() - 1; }
};

// Merges same-day lines of each customer, summing amounts (returns included, so a day can net
// to zero or less). Linear in the rows plus a sort of each customer's days.
CustomerDays merge_same_day(const TransactionTable& table);

struct LoadedTransactions {
  TransactionTable table;
  io::ImportSummary summary;
};

// Reads a transaction CSV (see io/transactions_csv.hpp) into a table keeping `columns`. Fails as
// io::read_transactions does. (parallel_load.hpp reads an uncompressed file on several cores.)
core::Result<LoadedTransactions> load_transactions(
    io::ByteSource& source, const io::CsvOptions& csv, const io::TransactionMapping& mapping,
    const io::TransactionFilter& filter, io::BadRowPolicy bad_rows, TableColumns columns = {});

}  // namespace rapport::analytics
