// Tests for line-aligned splitting and line counting.
#include "io/line_pieces.hpp"

#include <gtest/gtest.h>

#include <string>

namespace rapport::io {
namespace {

TEST(LinePieces, PiecesCoverTheSourceAndEndAfterLineFeeds) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "line " + std::to_string(i) + (i % 3 ? "\n" : "\r\n");
  text += "no line end at the end";
  const MemoryBytes bytes(text);
  for (std::size_t count = 1; count <= 12; ++count) {
    auto pieces = split_at_line_ends(bytes, count);
    ASSERT_TRUE(pieces.ok());
    ASSERT_FALSE(pieces->empty());
    EXPECT_LE(pieces->size(), count);
    EXPECT_EQ(pieces->front().begin, 0U);
    EXPECT_EQ(pieces->back().end, text.size());
    for (std::size_t k = 0; k + 1 < pieces->size(); ++k) {
      EXPECT_EQ((*pieces)[k].end, (*pieces)[k + 1].begin);
      EXPECT_LT((*pieces)[k].begin, (*pieces)[k].end);
      EXPECT_EQ(text[(*pieces)[k].end - 1], '\n');
    }
  }
}

TEST(LinePieces, FewLineEndsGiveFewerPieces) {
  const MemoryBytes one_line("a,b,c\n");
  auto pieces = split_at_line_ends(one_line, 4);
  ASSERT_TRUE(pieces.ok());
  EXPECT_EQ(pieces->size(), 1U);
  auto none = split_at_line_ends(MemoryBytes(""), 4);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
}

TEST(LinePieces, CountsLfCrlfAndLoneCrAsCsvReaderDoes) {
  const std::string text = "a\nb\r\nc\rd\r\n\r\ne\r";
  const MemoryBytes bytes(text);
  auto all = count_line_ends(bytes, 0, text.size());
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(*all, 6);
  // Ranges split after a line feed add up to the whole.
  auto head = count_line_ends(bytes, 0, 5);
  auto tail = count_line_ends(bytes, 5, text.size());
  ASSERT_TRUE(head.ok() && tail.ok());
  EXPECT_EQ(*head + *tail, 6);
}

TEST(LinePieces, CrlfAcrossBlockBoundariesCountsOnce) {
  // 1 MiB blocks: put a CR as the last byte of the first block and its LF first in the next.
  std::string text((std::size_t{1} << 20) - 1, 'x');
  text += "\r\nend\n";
  const MemoryBytes bytes(text);
  auto lines = count_line_ends(bytes, 0, text.size());
  ASSERT_TRUE(lines.ok());
  EXPECT_EQ(*lines, 2);
}

}  // namespace
}  // namespace rapport::io
