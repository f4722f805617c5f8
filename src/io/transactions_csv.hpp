// Reads purchase transactions (customer, date, invoice, product, quantity, price, currency) from
// CSV, applies a cleaning policy and hands each kept row to a callback.
//
// Why a callback: io sits below analytics (DESIGN.md layers), so it cannot fill the analytics
// TransactionTable. It produces TransactionRow values whose text fields are views into the
// reader's buffer; analytics::load_transactions interns them into its columnar table. Other
// consumers (an order import into the store) can use the same rows.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "io/byte_source.hpp"
#include "io/csv_reader.hpp"

namespace rapport::io {

// A column: absent (the default), named by the header row, or a 0-based position.
struct ColumnRef {
  std::string name;
  std::optional<std::size_t> index;

  static ColumnRef named(std::string name) { return {std::move(name), std::nullopt}; }
  static ColumnRef at(std::size_t index) { return {{}, index}; }
  bool present() const { return index.has_value() || !name.empty(); }
};

struct TransactionMapping {
  bool has_header = true;  // the first record names the columns (required for named columns)
  ColumnRef customer;      // required
  ColumnRef date;          // required; parsed with date_format
  ColumnRef invoice;       // optional: groups lines into orders (RFM frequency, baskets)
  ColumnRef product;       // optional
  ColumnRef quantity;      // optional: an integer ("6" or "6.0"); 1 when absent
  ColumnRef unit_price;    // exactly one of unit_price and amount is required
  ColumnRef amount;        // the line total
  ColumnRef currency;      // optional: an ISO 4217 code per row
  std::string date_format = "%Y-%m-%d";  // see io/date_format.hpp
  std::string default_currency = "XXX";  // used without a currency column ("XXX": none given)
  int minor_digits = 2;                  // decimals of the currency's minor unit, 0..6
  // Exports that wrote integer ids as floats ("17850.0") get them back as "17850".
  bool strip_zero_fraction_from_ids = false;
};

// Which rows to keep. Every rule is off by default; REFERENCE.md §6's clean set is
// {require_customer, cancellation_prefix "C" + drop_cancellations, require_positive_quantity,
// require_positive_price}.
struct TransactionFilter {
  bool require_customer = true;
  // Invoices starting with this prefix are cancellations (empty: none are). Kept cancellations
  // are stored as negative lines (quantity and amount made ≤ 0) so that they net out revenue.
  std::string cancellation_prefix;
  bool drop_cancellations = false;
  bool require_positive_quantity = false;
  bool require_positive_price = false;  // unit price, or the amount when only that is mapped
};

// Why a row was not kept, checked in this order (a row is counted under its first reason).
enum class SkipReason {
  kBadRow,  // wrong field count, unparsable date or number, overflow
  kMissingCustomer,
  kCancelled,
  kNonPositiveQuantity,
  kNonPositivePrice,
};
inline constexpr std::size_t kSkipReasonCount = 5;
std::string_view to_string(SkipReason reason);

enum class BadRowPolicy {
  kSkip,  // count the row, remember its error, go on
  kFail,  // stop and return the row's error
};

struct SkipCount {
  std::int64_t rows = 0;
  std::vector<std::int64_t> first_lines;  // line numbers of the first few such rows
};

struct ImportSummary {
  static constexpr std::size_t kExamples = 5;
  std::int64_t rows_read = 0;  // data records, header excluded
  std::int64_t rows_kept = 0;
  std::array<SkipCount, kSkipReasonCount> skipped{};
  std::vector<core::Error> first_errors;  // up to kExamples bad-row errors, with line numbers

  const SkipCount& of(SkipReason reason) const { return skipped[static_cast<std::size_t>(reason)]; }
};

// One kept row. Views point into the reader's buffer and are valid during the callback only.
struct TransactionRow {
  std::string_view customer;
  std::string_view invoice;  // empty when not mapped
  std::string_view product;  // empty when not mapped
  std::string_view currency;
  std::int64_t timestamp = 0;  // seconds since 1970-01-01 (clock time as written)
  std::int64_t quantity = 1;
  std::int64_t amount = 0;  // line total in minor units, rounded half away from zero
  std::int64_t line = 0;    // where the record starts in the file
};

using TransactionSink = std::function<core::Status(const TransactionRow&)>;

// Checks a mapping against the rules above (required columns, one of price/amount, a valid date
// format, minor_digits in range, named columns only with a header). Fails with field errors.
core::Status validate_mapping(const TransactionMapping& mapping);

// Reads every record from source, hands kept rows to sink, and returns what was read and skipped.
// Fails on an invalid mapping, a header without a named column, a CSV syntax error (line number
// in the message), a bad row under BadRowPolicy::kFail, or an error returned by the sink.
core::Result<ImportSummary> read_transactions(ByteSource& source, const CsvOptions& csv,
                                              const TransactionMapping& mapping,
                                              const TransactionFilter& filter,
                                              BadRowPolicy bad_rows, const TransactionSink& sink);

// The first record's fields: a file's header row, for reading its later pieces on their own.
// Fails as CsvReader does, or for an empty file.
core::Result<std::vector<std::string>> read_header_fields(ByteSource& source,
                                                          const CsvOptions& csv);

// As read_transactions, for a piece of a file that starts on a record boundary (csv.first_line
// says on which line) and holds no header row of its own: named columns resolve against
// `header`, the file's header fields (empty for a file without a header row).
core::Result<ImportSummary> read_transactions_piece(ByteSource& source, const CsvOptions& csv,
                                                    const TransactionMapping& mapping,
                                                    const std::vector<std::string>& header,
                                                    const TransactionFilter& filter,
                                                    BadRowPolicy bad_rows,
                                                    const TransactionSink& sink);

}  // namespace rapport::io
