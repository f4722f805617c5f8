// The parallel transaction loader: line-aligned pieces, one thread each, merged in file order.
#include "analytics/parallel_load.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "io/line_pieces.hpp"

namespace rapport::analytics {
namespace {

// Runs job(k) for k in [0, n) on n threads and waits for all.
template <class Job>
void run_each(std::size_t n, const Job& job) {
  std::vector<std::thread> threads;
  threads.reserve(n);
  for (std::size_t k = 0; k < n; ++k) threads.emplace_back([&job, k] { job(k); });
  for (auto& t : threads) t.join();
}

// Adds `piece`'s counts and examples after `total`'s, as one reading would have found them.
void merge_summary(io::ImportSummary& total, const io::ImportSummary& piece) {
  total.rows_read += piece.rows_read;
  total.rows_kept += piece.rows_kept;
  for (std::size_t r = 0; r < io::kSkipReasonCount; ++r) {
    io::SkipCount& to = total.skipped[r];
    const io::SkipCount& from = piece.skipped[r];
    to.rows += from.rows;
    for (const auto line : from.first_lines) {
      if (to.first_lines.size() < io::ImportSummary::kExamples) to.first_lines.push_back(line);
    }
  }
  for (const auto& error : piece.first_errors) {
    if (total.first_errors.size() < io::ImportSummary::kExamples) {
      total.first_errors.push_back(error);
    }
  }
}

core::Result<LoadedTransactions> load_in_one_piece(const io::PositionalSource& source,
                                                   const io::CsvOptions& csv,
                                                   const io::TransactionMapping& mapping,
                                                   const io::TransactionFilter& filter,
                                                   io::BadRowPolicy bad_rows,
                                                   TableColumns columns) {
  io::RangeSource whole(source, 0, source.size());
  return load_transactions(whole, csv, mapping, filter, bad_rows, columns);
}

}  // namespace

core::Result<LoadedTransactions> load_transactions_parallel(const io::PositionalSource& source,
                                                            const io::CsvOptions& csv,
                                                            const io::TransactionMapping& mapping,
                                                            const io::TransactionFilter& filter,
                                                            io::BadRowPolicy bad_rows,
                                                            const ParallelLoadOptions& options) {
  std::size_t wanted = options.pieces;
  if (wanted == 0) {
    wanted = source.size() < kMinParallelBytes
                 ? 1
                 : std::max<std::size_t>(1, std::thread::hardware_concurrency());
  }
  if (wanted <= 1) {
    return load_in_one_piece(source, csv, mapping, filter, bad_rows, options.columns);
  }
  RAPPORT_TRY(io::validate_mapping(mapping));
  std::vector<std::string> header;
  if (mapping.has_header) {
    io::RangeSource start(source, 0, source.size());
    auto fields = io::read_header_fields(start, csv);
    // An empty or unreadable file: the single reader reports it as it always does.
    if (!fields.ok()) {
      return load_in_one_piece(source, csv, mapping, filter, bad_rows, options.columns);
    }
    header = std::move(fields).value();
  }
  RAPPORT_ASSIGN_OR_RETURN(const auto pieces, io::split_at_line_ends(source, wanted));
  const std::size_t n = pieces.size();

  // Line numbers first: piece k starts on the line after the ones ending in pieces 0..k−1.
  std::vector<std::optional<core::Result<std::int64_t>>> lines(n);
  run_each(n, [&](std::size_t k) {
    lines[k] = io::count_line_ends(source, pieces[k].begin, pieces[k].end);
  });
  std::vector<std::int64_t> first_line(n, 1);
  for (std::size_t k = 0; k < n; ++k) {
    if (!lines[k]->ok()) return lines[k]->error();
    if (k + 1 < n) first_line[k + 1] = first_line[k] + **lines[k];
  }

  std::vector<TransactionTable> tables;
  tables.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    tables.emplace_back(mapping.minor_digits, options.columns);
  }
  std::vector<std::optional<core::Result<io::ImportSummary>>> summaries(n);
  run_each(n, [&](std::size_t k) {
    TransactionTable& table = tables[k];
    table.reserve(static_cast<std::size_t>(std::max<std::int64_t>(**lines[k], 0)));
    io::RangeSource range(source, pieces[k].begin, pieces[k].end);
    const io::TransactionSink sink = [&table](const io::TransactionRow& row) {
      return table.add(row);
    };
    if (k == 0) {
      summaries[k] = io::read_transactions(range, csv, mapping, filter, bad_rows, sink);
      return;
    }
    io::CsvOptions piece_csv = csv;
    piece_csv.first_line = first_line[k];
    piece_csv.skip_byte_order_mark = false;
    summaries[k] =
        io::read_transactions_piece(range, piece_csv, mapping, header, filter, bad_rows, sink);
  });
  for (const auto& summary : summaries) {
    if (!summary->ok()) {
      return load_in_one_piece(source, csv, mapping, filter, bad_rows, options.columns);
    }
  }

  LoadedTransactions loaded{std::move(tables[0]), std::move(*summaries[0]).value()};
  for (std::size_t k = 1; k < n; ++k) {
    if (!loaded.table.append(tables[k]).ok()) {
      return load_in_one_piece(source, csv, mapping, filter, bad_rows, options.columns);
    }
    tables[k].clear();
    merge_summary(loaded.summary, **summaries[k]);
  }
  return loaded;
}

}  // namespace rapport::analytics
