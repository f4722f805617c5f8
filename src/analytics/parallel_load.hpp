// Loading an uncompressed transaction CSV on several cores: the file is cut into pieces at line
// ends, each piece is parsed into its own table at once, and the pieces are appended in order.
#pragma once

#include <cstddef>

#include "analytics/transaction_table.hpp"
#include "core/result.hpp"
#include "io/positional_source.hpp"

namespace rapport::analytics {

struct ParallelLoadOptions {
  TableColumns columns;
  // Pieces parsed at once; 0: one per hardware thread for a source of at least
  // kMinParallelBytes, else one.
  std::size_t pieces = 0;
};

// Below this a single reader is as fast as starting threads.
inline constexpr std::size_t kMinParallelBytes = std::size_t{4} << 20;

// Reads the source as load_transactions does and returns the same table (same rows in the same
// order, same dictionary indexes), summary and errors, whatever the number of pieces. Pieces are
// cut at '\n' without knowing where quoted fields are; when a cut falls inside a quoted field the
// piece before it ends in an open quote, and then — as on any error in a piece, so that errors
// and their line numbers are exactly those of a single reading — the whole source is read again
// by a single reader.
core::Result<LoadedTransactions> load_transactions_parallel(const io::PositionalSource& source,
                                                            const io::CsvOptions& csv,
                                                            const io::TransactionMapping& mapping,
                                                            const io::TransactionFilter& filter,
                                                            io::BadRowPolicy bad_rows,
                                                            const ParallelLoadOptions& options);

}  // namespace rapport::analytics
