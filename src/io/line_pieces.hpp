// Splitting a file into pieces that end at line ends, and counting the lines of a piece, so that
// pieces can be parsed at once and still report the file's own line numbers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "io/positional_source.hpp"

namespace rapport::io {

struct LinePiece {
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
};

// Splits the source into at most `count` pieces of similar size; each piece but the last ends
// just after a '\n', the last at the end of the source. Fewer pieces come back when the source
// is small or has few line ends (none for an empty source). Fails on a read error.
core::Result<std::vector<LinePiece>> split_at_line_ends(const PositionalSource& source,
                                                        std::size_t count);

// The physical lines that end in bytes [begin, end), counted as CsvReader counts them: LF,
// CR LF and a lone CR each end one line, inside quoted fields too. A CR at the very end of the
// range counts as a lone CR. Fails on a read error.
core::Result<std::int64_t> count_line_ends(const PositionalSource& source, std::uint64_t begin,
                                           std::uint64_t end);

}  // namespace rapport::io
