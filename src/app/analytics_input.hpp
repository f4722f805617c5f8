// The transaction-file options every `rapport analytics` subcommand shares (file, columns, format,
// cleaning filters) and loading that file into an analytics::TransactionTable with progress.
#pragma once

#include <CLI/App.hpp>

#include <cstdint>
#include <optional>
#include <string>

#include "analytics/transaction_table.hpp"
#include "core/result.hpp"

namespace rapport::app {

struct TransactionInput {
  std::string path;
  // Column names from the header, or 1-based positions with --no-header / --whitespace.
  std::string customer_col;
  std::string date_col;
  std::string invoice_col;
  std::string product_col;
  std::string quantity_col;
  std::string price_col;
  std::string amount_col;
  std::string currency_col;
  std::string date_format = "%Y-%m-%d";
  std::string delimiter = ",";
  bool whitespace = false;
  bool no_header = false;
  int minor_digits = 2;
  std::string cancel_prefix;
  bool drop_cancellations = false;
  bool positive_quantity = false;
  bool positive_price = false;
  bool clean = false;  // the Online Retail cleaning rules (REFERENCE.md §6) in one flag
  bool strict = false;
  bool quiet = false;
};

// Adds the shared options to `command`, writing into `input`.
void add_transaction_options(CLI::App& command, TransactionInput& input);

// The columns the revenue analyses (concentration, cohorts, customer-base models) read beyond
// customer, day, amount and currency: none. RFM also counts invoices.
inline constexpr analytics::TableColumns kRevenueColumns{false, false, false, false};
inline constexpr analytics::TableColumns kRfmColumns{true, false, false, false};

// Reads the file into a table keeping `columns` (an uncompressed file on every core, see
// analytics/parallel_load.hpp). Prints progress (rows kept, skipped per reason, seconds) on
// standard error unless quiet. Fails with a field error for a bad option (unknown column
// position, bad delimiter), kNotFound for a missing file, or the reader's error (with a line
// number) for a malformed file or, under --strict, a bad row.
core::Result<analytics::LoadedTransactions> load_transaction_input(
    const TransactionInput& input, analytics::TableColumns columns = {});

// Parses a day given on the command line: ISO "YYYY-MM-DD", or else in the file's --date-format.
// Returns days since 1970-01-01, or an invalid error naming `option`.
core::Result<std::int32_t> parse_day_option(const std::string& text, const TransactionInput& input,
                                            const std::string& option);

// Writes "analytics: <message>" on standard error unless quiet: progress for long runs.
void progress(const TransactionInput& input, const std::string& message);

}  // namespace rapport::app
