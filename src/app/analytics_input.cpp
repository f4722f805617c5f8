// Shared transaction-file options of `rapport analytics` and the loading of that file.
#include "app/analytics_input.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string_view>

#include "analytics/parallel_load.hpp"
#include "io/byte_source.hpp"
#include "io/date_format.hpp"
#include "io/positional_source.hpp"

namespace rapport::app {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// A column option: empty → not mapped; without a header it must be a 1-based position.
core::Result<io::ColumnRef> column(const std::string& text, bool by_position,
                                   const std::string& option) {
  if (text.empty()) return io::ColumnRef{};
  if (!by_position) return io::ColumnRef::named(text);
  std::size_t position = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), position);
  if (ec != std::errc{} || ptr != text.data() + text.size() || position == 0) {
    return core::Error::field(option, "without a header row, give the column's 1-based position");
  }
  return io::ColumnRef::at(position - 1);
}

core::Result<io::TransactionMapping> mapping_of(const TransactionInput& in) {
  io::TransactionMapping m;
  const bool by_position = in.no_header || in.whitespace;
  m.has_header = !by_position;
  RAPPORT_ASSIGN_OR_RETURN(m.customer, column(in.customer_col, by_position, "--customer-col"));
  RAPPORT_ASSIGN_OR_RETURN(m.date, column(in.date_col, by_position, "--date-col"));
  RAPPORT_ASSIGN_OR_RETURN(m.invoice, column(in.invoice_col, by_position, "--invoice-col"));
  RAPPORT_ASSIGN_OR_RETURN(m.product, column(in.product_col, by_position, "--product-col"));
  RAPPORT_ASSIGN_OR_RETURN(m.quantity, column(in.quantity_col, by_position, "--quantity-col"));
  RAPPORT_ASSIGN_OR_RETURN(m.unit_price, column(in.price_col, by_position, "--price-col"));
  RAPPORT_ASSIGN_OR_RETURN(m.amount, column(in.amount_col, by_position, "--amount-col"));
  RAPPORT_ASSIGN_OR_RETURN(m.currency, column(in.currency_col, by_position, "--currency-col"));
  m.date_format = in.date_format;
  m.minor_digits = in.minor_digits;
  // Spreadsheet exports write integer ids as floats ("17850.0"); the ids are the integers.
  m.strip_zero_fraction_from_ids = true;
  return m;
}

io::TransactionFilter filter_of(const TransactionInput& in) {
  io::TransactionFilter f;
  f.require_customer = true;
  f.cancellation_prefix = in.clean && in.cancel_prefix.empty() ? "C" : in.cancel_prefix;
  f.drop_cancellations = in.drop_cancellations || in.clean;
  f.require_positive_quantity = in.positive_quantity || in.clean;
  f.require_positive_price = in.positive_price || in.clean;
  return f;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

void add_transaction_options(CLI::App& command, TransactionInput& in) {
  command.add_option("--transactions", in.path, "Transaction CSV file (gzip is read too)")
      ->required();
  command.add_option("--customer-col", in.customer_col, "Customer id column")->required();
  command.add_option("--date-col", in.date_col, "Purchase date column")->required();
  command.add_option("--date-format", in.date_format,
                     "Date format: %Y %y %m %d %H %M %S %b (default %Y-%m-%d)");
  command.add_option("--invoice-col", in.invoice_col, "Invoice (order) column");
  command.add_option("--product-col", in.product_col, "Product column");
  command.add_option("--quantity-col", in.quantity_col, "Quantity column (1 when absent)");
  command.add_option("--price-col", in.price_col, "Unit price column (amount = quantity × price)");
  command.add_option("--amount-col", in.amount_col, "Line total column (instead of --price-col)");
  command.add_option("--currency-col", in.currency_col, "ISO 4217 currency column");
  command.add_option("--delimiter", in.delimiter, "Field separator (default ,)");
  command.add_flag("--whitespace", in.whitespace,
                   "Fields separated by blanks, no header (CDNOW); columns by 1-based position");
  command.add_flag("--no-header", in.no_header, "No header row; columns by 1-based position");
  command.add_option("--minor-digits", in.minor_digits, "Decimals of the currency (default 2)");
  command.add_option("--cancel-prefix", in.cancel_prefix,
                     "Invoices starting with this are cancellations (kept as negative lines)");
  command.add_flag("--drop-cancellations", in.drop_cancellations, "Skip cancellation invoices");
  command.add_flag("--positive-quantity", in.positive_quantity, "Skip lines with quantity <= 0");
  command.add_flag("--positive-price", in.positive_price, "Skip lines with price <= 0");
  command.add_flag("--clean", in.clean,
                   "Online Retail cleaning: --cancel-prefix C --drop-cancellations "
                   "--positive-quantity --positive-price");
  command.add_flag("--strict", in.strict, "Stop at the first bad row instead of skipping it");
  command.add_flag("--quiet", in.quiet, "No progress on standard error");
}

core::Result<analytics::LoadedTransactions> load_transaction_input(
    const TransactionInput& in, analytics::TableColumns columns) {
  io::CsvOptions csv;
  csv.whitespace_delimited = in.whitespace;
  if (!in.whitespace) {
    if (in.delimiter.size() != 1 || in.delimiter[0] == '"' || in.delimiter[0] == '\n') {
      return core::Error::field("--delimiter", "must be one character other than a quote");
    }
    csv.delimiter = in.delimiter[0];
  }
  RAPPORT_ASSIGN_OR_RETURN(const io::TransactionMapping mapping, mapping_of(in));
  const auto bad_rows = in.strict ? io::BadRowPolicy::kFail : io::BadRowPolicy::kSkip;
  const auto start = std::chrono::steady_clock::now();
  RAPPORT_ASSIGN_OR_RETURN(const auto plain, io::PlainFile::open(in.path));
  analytics::LoadedTransactions loaded;
  if (plain) {
    analytics::ParallelLoadOptions options;
    options.columns = columns;
    RAPPORT_ASSIGN_OR_RETURN(loaded, analytics::load_transactions_parallel(
                                         *plain, csv, mapping, filter_of(in), bad_rows, options));
  } else {
    RAPPORT_ASSIGN_OR_RETURN(auto source, io::FileSource::open(in.path));
    RAPPORT_ASSIGN_OR_RETURN(loaded, analytics::load_transactions(
                                         *source, csv, mapping, filter_of(in), bad_rows, columns));
  }
  if (!in.quiet) {
    char line[160];
    std::snprintf(line, sizeof line, "read %lld rows, kept %lld (%zu customers) in %.2f s",
                  static_cast<long long>(loaded.summary.rows_read),
                  static_cast<long long>(loaded.summary.rows_kept), loaded.table.customers.size(),
                  seconds_since(start));
    progress(in, line);
    for (std::size_t r = 0; r < io::kSkipReasonCount; ++r) {
      const auto& skip = loaded.summary.skipped[r];
      if (skip.rows == 0) continue;
      std::string text = "skipped " + std::to_string(skip.rows) +
                         " rows: " + std::string(io::to_string(static_cast<io::SkipReason>(r))) +
                         " (first on line";
      for (const auto l : skip.first_lines) text += " " + std::to_string(l);
      progress(in, text + ")");
    }
    for (const auto& error : loaded.summary.first_errors) progress(in, error.message);
  }
  if (loaded.table.size() == 0) {
    return core::Error::field("--transactions", "no transaction was kept from " + in.path);
  }
  return loaded;
}

core::Result<std::int32_t> parse_day_option(const std::string& text, const TransactionInput& in,
                                            const std::string& option) {
  auto seconds = io::parse_date_time(text, "%Y-%m-%d");
  if (!seconds && io::validate_date_format(in.date_format).ok()) {
    seconds = io::parse_date_time(text, in.date_format);
  }
  if (!seconds) {
    return core::Error::field(option, "'" + text + "' is not a date (use YYYY-MM-DD)");
  }
  const std::int64_t day = *seconds >= 0 ? *seconds / kSecondsPerDay
                                         : -((-*seconds + kSecondsPerDay - 1) / kSecondsPerDay);
  return static_cast<std::int32_t>(day);
}

void progress(const TransactionInput& in, const std::string& message) {
  if (!in.quiet) std::cerr << "analytics: " << message << '\n';
}

}  // namespace rapport::app
