// Line-aligned splitting and line counting with memchr over large blocks.
#include "io/line_pieces.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

namespace rapport::io {
namespace {

constexpr std::size_t kBlockBytes = std::size_t{1} << 20;
constexpr std::size_t kWindowBytes = std::size_t{64} << 10;

std::int64_t count_byte(const char* data, std::size_t n, char byte) {
  std::int64_t count = 0;
  const char* end = data + n;
  for (const char* p = data; p < end; ++p) {
    p = static_cast<const char*>(std::memchr(p, byte, static_cast<std::size_t>(end - p)));
    if (p == nullptr) break;
    ++count;
  }
  return count;
}

// Offset just past the first '\n' at or after `from`, or the source's size when there is none.
core::Result<std::uint64_t> after_next_line_end(const PositionalSource& source,
                                                std::uint64_t from) {
  std::unique_ptr<char[]> window(new char[kWindowBytes]);
  for (std::uint64_t at = from; at < source.size();) {
    RAPPORT_ASSIGN_OR_RETURN(const std::size_t got,
                             source.read_at(at, std::span<char>(window.get(), kWindowBytes)));
    if (got == 0) break;
    if (const void* lf = std::memchr(window.get(), '\n', got)) {
      return at + static_cast<std::uint64_t>(static_cast<const char*>(lf) - window.get()) + 1;
    }
    at += got;
  }
  return source.size();
}

}  // namespace

core::Result<std::vector<LinePiece>> split_at_line_ends(const PositionalSource& source,
                                                        std::size_t count) {
  std::vector<LinePiece> pieces;
  const std::uint64_t size = source.size();
  if (size == 0) return pieces;
  if (count == 0) count = 1;
  std::uint64_t begin = 0;
  for (std::size_t k = 1; k <= count && begin < size; ++k) {
    std::uint64_t end = size;
    if (k < count) {
      const std::uint64_t target = std::max(begin, size / count * k);
      RAPPORT_ASSIGN_OR_RETURN(end, after_next_line_end(source, target));
    }
    pieces.push_back({begin, end});
    begin = end;
  }
  return pieces;
}

core::Result<std::int64_t> count_line_ends(const PositionalSource& source, std::uint64_t begin,
                                           std::uint64_t end) {
  std::unique_ptr<char[]> block(new char[kBlockBytes]);
  std::int64_t lines = 0;
  bool previous_cr = false;  // the last byte of the previous block was a CR
  for (std::uint64_t at = begin; at < end;) {
    const std::size_t want = std::min<std::uint64_t>(kBlockBytes, end - at);
    RAPPORT_ASSIGN_OR_RETURN(const std::size_t got,
                             source.read_at(at, std::span<char>(block.get(), want)));
    if (got == 0) return core::Error::invalid("the file ended early (was it truncated meanwhile?)");
    const char* data = block.get();
    // Every LF ends a line; so does every CR, except one directly followed by an LF.
    lines += count_byte(data, got, '\n') + count_byte(data, got, '\r');
    if (previous_cr && data[0] == '\n') --lines;
    const char* end_of_data = data + got;
    for (const char* p = data; p < end_of_data; ++p) {
      p = static_cast<const char*>(std::memchr(p, '\r', static_cast<std::size_t>(end_of_data - p)));
      if (p == nullptr) break;
      if (p + 1 < end_of_data && p[1] == '\n') --lines;
    }
    previous_cr = data[got - 1] == '\r';
    at += got;
  }
  return lines;
}

}  // namespace rapport::io
