// Transaction CSV import: resolves the mapping against the header, parses each record's fields
// exactly (dates by format, money as scaled integers) and applies the filter in a fixed order.
#include "io/transactions_csv.hpp"

#include <optional>

#include "core/text_rules.hpp"
#include "io/date_format.hpp"
#include "io/decimal.hpp"

namespace rapport::io {
namespace {

// Unit prices keep six decimals (Online Retail has 0.001) until the line total is rounded.
constexpr int kPriceScale = 6;

// Most fields have no blanks around them: one look at each end, inlined, and done.
inline std::string_view trim(std::string_view s) {
  const bool blank_ends =
      !s.empty() && (s.front() == ' ' || s.front() == '\t' || s.back() == ' ' || s.back() == '\t');
  return blank_ends ? core::trim_blanks(s) : s;
}

std::string_view strip_zero_fraction(std::string_view id) {
  const std::size_t dot = id.find('.');
  if (dot == std::string_view::npos || dot == 0) return id;
  for (std::size_t i = 0; i < dot; ++i) {
    if (id[i] < '0' || id[i] > '9') return id;
  }
  if (dot + 1 == id.size()) return id;
  for (std::size_t i = dot + 1; i < id.size(); ++i) {
    if (id[i] != '0') return id;
  }
  return id.substr(0, dot);
}

struct Column {
  std::optional<std::size_t> index;
  std::string name;  // for error messages
};

struct Columns {
  Column customer, date, invoice, product, quantity, unit_price, amount, currency;
  std::size_t min_fields = 0;
};

core::Result<Column> resolve(const ColumnRef& ref, const CsvRecord* header, std::string_view role) {
  Column column;
  if (ref.index) {
    column.index = ref.index;
    column.name = header != nullptr && *ref.index < header->size()
                      ? std::string(trim((*header)[*ref.index]))
                      : std::to_string(*ref.index);
  } else if (!ref.name.empty()) {
    column.name = ref.name;
    for (std::size_t i = 0; header != nullptr && i < header->size(); ++i) {
      if (trim((*header)[i]) == ref.name) {
        column.index = i;
        break;
      }
    }
    if (!column.index) {
      return core::Error::field(std::string(role),
                                "no column named \"" + ref.name + "\" in the header");
    }
  }
  return column;
}

core::Result<Columns> resolve_all(const TransactionMapping& m, const CsvRecord* header) {
  Columns c;
  RAPPORT_ASSIGN_OR_RETURN(c.customer, resolve(m.customer, header, "customer"));
  RAPPORT_ASSIGN_OR_RETURN(c.date, resolve(m.date, header, "date"));
  RAPPORT_ASSIGN_OR_RETURN(c.invoice, resolve(m.invoice, header, "invoice"));
  RAPPORT_ASSIGN_OR_RETURN(c.product, resolve(m.product, header, "product"));
  RAPPORT_ASSIGN_OR_RETURN(c.quantity, resolve(m.quantity, header, "quantity"));
  RAPPORT_ASSIGN_OR_RETURN(c.unit_price, resolve(m.unit_price, header, "unit_price"));
  RAPPORT_ASSIGN_OR_RETURN(c.amount, resolve(m.amount, header, "amount"));
  RAPPORT_ASSIGN_OR_RETURN(c.currency, resolve(m.currency, header, "currency"));
  for (const Column* col : {&c.customer, &c.date, &c.invoice, &c.product, &c.quantity,
                            &c.unit_price, &c.amount, &c.currency}) {
    if (col->index) c.min_fields = std::max(c.min_fields, *col->index + 1);
  }
  return c;
}

// Parses one record; on failure returns the error to report for the row.
class RowParser {
 public:
  RowParser(const TransactionMapping& mapping, const TransactionFilter& filter,
            const Columns& columns)
      : mapping_(mapping),
        filter_(filter),
        columns_(columns),
        date_shape_(iso_shape_of(mapping.date_format)) {}

  // Fills row and returns the reason to skip it, or nullopt to keep it. A bad row's error is
  // left in error().
  std::optional<SkipReason> parse(const CsvRecord& record, TransactionRow& row) {
    row.line = record.line;
    if (record.size() < columns_.min_fields) {
      return bad(record.line, "",
                 "expected at least " + std::to_string(columns_.min_fields) + " fields, found " +
                     std::to_string(record.size()));
    }
    auto text = [&](const Column& c) {
      return c.index ? trim(record[*c.index]) : std::string_view();
    };
    row.customer = text(columns_.customer);
    if (mapping_.strip_zero_fraction_from_ids) row.customer = strip_zero_fraction(row.customer);
    row.invoice = text(columns_.invoice);
    row.product = text(columns_.product);
    row.currency = text(columns_.currency);
    if (row.currency.empty()) row.currency = mapping_.default_currency;

    const std::string_view date = text(columns_.date);
    const auto timestamp = parse_date_time(date, mapping_.date_format, date_shape_);
    if (!timestamp) {
      return bad(record.line, columns_.date.name,
                 "\"" + std::string(date) + "\" does not match " + mapping_.date_format);
    }
    row.timestamp = *timestamp;

    row.quantity = 1;
    if (columns_.quantity.index) {
      // Three decimals let "6.0" through while a fractional quantity is refused.
      const std::string_view q = text(columns_.quantity);
      const auto milli = parse_scaled_decimal(q, 3);
      if (!milli || *milli % 1000 != 0) {
        return bad(record.line, columns_.quantity.name,
                   "\"" + std::string(q) + "\" is not a whole number");
      }
      row.quantity = *milli / 1000;
    }

    const Column& money = columns_.unit_price.index ? columns_.unit_price : columns_.amount;
    const std::string_view money_text = text(money);
    const auto price = parse_scaled_decimal(money_text, kPriceScale);
    if (!price) {
      return bad(record.line, money.name, "\"" + std::string(money_text) + "\" is not a number");
    }
    std::int64_t total = *price;
    if (columns_.unit_price.index && __builtin_mul_overflow(*price, row.quantity, &total)) {
      return bad(record.line, money.name, "quantity times price is too large");
    }
    row.amount = round_scaled(total, kPriceScale - mapping_.minor_digits);

    if (filter_.require_customer && row.customer.empty()) return SkipReason::kMissingCustomer;
    if (!filter_.cancellation_prefix.empty() &&
        row.invoice.starts_with(filter_.cancellation_prefix)) {
      if (filter_.drop_cancellations) return SkipReason::kCancelled;
      if (row.quantity > 0) row.quantity = -row.quantity;
      if (row.amount > 0) row.amount = -row.amount;
    }
    if (filter_.require_positive_quantity && row.quantity <= 0) {
      return SkipReason::kNonPositiveQuantity;
    }
    if (filter_.require_positive_price && *price <= 0) return SkipReason::kNonPositivePrice;
    return std::nullopt;
  }

  core::Error& error() { return error_; }

 private:
  SkipReason bad(std::int64_t line, const std::string& column, std::string what) {
    std::string where = "line/" + std::to_string(line);
    std::string message = "line " + std::to_string(line);
    if (!column.empty()) {
      where += "/" + column;
      message += ", column " + column;
    }
    message += ": " + what;
    error_ = core::Error::invalid(std::move(message), {{std::move(where), std::move(what)}});
    return SkipReason::kBadRow;
  }

  const TransactionMapping& mapping_;
  const TransactionFilter& filter_;
  const Columns& columns_;
  const IsoShape date_shape_;
  core::Error error_;
};

}  // namespace

std::string_view to_string(SkipReason reason) {
  switch (reason) {
    case SkipReason::kBadRow:
      return "bad row";
    case SkipReason::kMissingCustomer:
      return "missing customer";
    case SkipReason::kCancelled:
      return "cancelled";
    case SkipReason::kNonPositiveQuantity:
      return "quantity not positive";
    case SkipReason::kNonPositivePrice:
      return "price not positive";
  }
  return "bad row";
}

core::Status validate_mapping(const TransactionMapping& m) {
  std::vector<core::FieldError> errors;
  if (!m.customer.present()) errors.push_back({"customer", "a customer column is required"});
  if (!m.date.present()) errors.push_back({"date", "a date column is required"});
  if (m.unit_price.present() == m.amount.present()) {
    errors.push_back({"unit_price", "map exactly one of unit_price and amount"});
  }
  if (auto status = validate_date_format(m.date_format); !status.ok()) {
    errors.insert(errors.end(), status.error().fields.begin(), status.error().fields.end());
  }
  if (m.minor_digits < 0 || m.minor_digits > kPriceScale) {
    errors.push_back({"minor_digits", "must be between 0 and 6"});
  }
  if (m.default_currency.empty()) errors.push_back({"default_currency", "must not be empty"});
  if (!m.has_header) {
    for (const ColumnRef* ref : {&m.customer, &m.date, &m.invoice, &m.product, &m.quantity,
                                 &m.unit_price, &m.amount, &m.currency}) {
      if (!ref->index && !ref->name.empty()) {
        errors.push_back({ref->name, "named columns need a header row"});
      }
    }
  }
  if (!errors.empty())
    return core::Error::invalid("invalid transaction mapping", std::move(errors));
  return core::ok_status();
}

namespace {

// Reads the data records left in reader, handing kept rows to sink.
core::Result<ImportSummary> read_records(CsvReader& reader, const Columns& columns,
                                         const TransactionMapping& mapping,
                                         const TransactionFilter& filter, BadRowPolicy bad_rows,
                                         const TransactionSink& sink) {
  ImportSummary summary;
  RowParser parser(mapping, filter, columns);
  CsvRecord record;
  TransactionRow row;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(const bool has_record, reader.next(record));
    if (!has_record) break;
    ++summary.rows_read;
    const std::optional<SkipReason> skip = parser.parse(record, row);
    if (!skip) {
      RAPPORT_TRY(sink(row));
      ++summary.rows_kept;
      continue;
    }
    if (*skip == SkipReason::kBadRow) {
      if (bad_rows == BadRowPolicy::kFail) return std::move(parser.error());
      if (summary.first_errors.size() < ImportSummary::kExamples) {
        summary.first_errors.push_back(parser.error());
      }
    }
    SkipCount& count = summary.skipped[static_cast<std::size_t>(*skip)];
    ++count.rows;
    if (count.first_lines.size() < ImportSummary::kExamples)
      count.first_lines.push_back(record.line);
  }
  return summary;
}

}  // namespace

core::Result<ImportSummary> read_transactions(ByteSource& source, const CsvOptions& csv,
                                              const TransactionMapping& mapping,
                                              const TransactionFilter& filter,
                                              BadRowPolicy bad_rows, const TransactionSink& sink) {
  RAPPORT_TRY(validate_mapping(mapping));
  CsvReader reader(source, csv);
  Columns columns;
  if (mapping.has_header) {
    CsvRecord header;
    RAPPORT_ASSIGN_OR_RETURN(const bool has_record, reader.next(header));
    if (!has_record) return core::Error::invalid("the file is empty: no header row");
    RAPPORT_ASSIGN_OR_RETURN(columns, resolve_all(mapping, &header));
  } else {
    RAPPORT_ASSIGN_OR_RETURN(columns, resolve_all(mapping, nullptr));
  }
  return read_records(reader, columns, mapping, filter, bad_rows, sink);
}

core::Result<std::vector<std::string>> read_header_fields(ByteSource& source,
                                                          const CsvOptions& csv) {
  CsvReader reader(source, csv);
  CsvRecord header;
  RAPPORT_ASSIGN_OR_RETURN(const bool has_record, reader.next(header));
  if (!has_record) return core::Error::invalid("the file is empty: no header row");
  return std::vector<std::string>(header.fields.begin(), header.fields.end());
}

core::Result<ImportSummary> read_transactions_piece(ByteSource& source, const CsvOptions& csv,
                                                    const TransactionMapping& mapping,
                                                    const std::vector<std::string>& header,
                                                    const TransactionFilter& filter,
                                                    BadRowPolicy bad_rows,
                                                    const TransactionSink& sink) {
  RAPPORT_TRY(validate_mapping(mapping));
  Columns columns;
  if (mapping.has_header) {
    const std::vector<std::string_view> fields(header.begin(), header.end());
    CsvRecord header_record;
    header_record.fields = fields;
    RAPPORT_ASSIGN_OR_RETURN(columns, resolve_all(mapping, &header_record));
  } else {
    RAPPORT_ASSIGN_OR_RETURN(columns, resolve_all(mapping, nullptr));
  }
  CsvReader reader(source, csv);
  return read_records(reader, columns, mapping, filter, bad_rows, sink);
}

}  // namespace rapport::io
