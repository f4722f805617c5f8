// libFuzzer target: arbitrary bytes through the CSV reader and the transaction import, under a
// few reader options chosen by the first byte. Any crash, sanitizer report or hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "io/csv_reader.hpp"
#include "io/transactions_csv.hpp"

namespace {

using rapport::io::BadRowPolicy;
using rapport::io::ColumnRef;
using rapport::io::CsvOptions;
using rapport::io::CsvReader;
using rapport::io::CsvRecord;
using rapport::io::MemorySource;
using rapport::io::TransactionFilter;
using rapport::io::TransactionMapping;
using rapport::io::TransactionRow;

CsvOptions options_from(std::uint8_t flags) {
  CsvOptions csv;
  csv.whitespace_delimited = (flags & 1) != 0;
  csv.delimiter = (flags & 2) != 0 ? ';' : ',';
  csv.escape = (flags & 4) != 0 ? '\\' : '\0';
  csv.strict_quotes = (flags & 8) != 0;
  csv.skip_empty_lines = (flags & 16) != 0;
  csv.max_record_bytes = (flags & 32) != 0 ? 64 : std::size_t{1} << 20;
  return csv;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const CsvOptions csv = options_from(data[0]);
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  MemorySource raw(text);
  CsvReader reader(raw, csv);
  CsvRecord record;
  for (;;) {
    auto more = reader.next(record);
    if (!more.ok() || !*more) break;
    for (std::string_view field : record.fields) {
      if (field.data() == nullptr && !field.empty()) __builtin_trap();
    }
  }

  TransactionMapping mapping;
  mapping.has_header = (data[0] & 64) != 0;
  mapping.customer = ColumnRef::at(0);
  mapping.date = ColumnRef::at(1);
  mapping.date_format = (data[0] & 128) != 0 ? "%Y-%m-%d %H:%M:%S" : "%Y%m%d";
  mapping.invoice = ColumnRef::at(2);
  mapping.product = ColumnRef::at(3);
  mapping.quantity = ColumnRef::at(4);
  mapping.unit_price = ColumnRef::at(5);
  mapping.strip_zero_fraction_from_ids = true;
  TransactionFilter filter;
  filter.cancellation_prefix = "C";
  filter.require_positive_price = true;
  MemorySource source(text);
  std::int64_t kept = 0;
  auto summary = rapport::io::read_transactions(source, csv, mapping, filter, BadRowPolicy::kSkip,
                                                [&](const TransactionRow& row) {
                                                  if (row.customer.empty()) __builtin_trap();
                                                  ++kept;
                                                  return rapport::core::ok_status();
                                                });
  if (summary.ok() && summary->rows_kept != kept) __builtin_trap();
  return 0;
}
