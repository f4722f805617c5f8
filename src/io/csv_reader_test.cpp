// Tests for the streaming CSV reader: RFC 4180 quoting, line ends, BOM, whitespace mode, errors,
// buffer boundaries, and the contact CSV fixtures of the shared data read in place.
#include "io/csv_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace rapport::io {
namespace {

using Rows = std::vector<std::vector<std::string>>;

// Hands out at most `chunk` bytes per read, to push records across buffer refills.
class TrickleSource final : public ByteSource {
 public:
  TrickleSource(std::string_view bytes, std::size_t chunk) : bytes_(bytes), chunk_(chunk) {}
  core::Result<std::size_t> read(std::span<char> out) override {
    const std::size_t n = std::min({out.size(), bytes_.size(), chunk_});
    std::copy_n(bytes_.data(), n, out.data());
    bytes_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view bytes_;
  std::size_t chunk_;
};

core::Result<Rows> read_all(ByteSource& source, const CsvOptions& options,
                            std::vector<std::int64_t>* lines = nullptr) {
  CsvReader reader(source, options);
  CsvRecord record;
  Rows rows;
  for (;;) {
    auto more = reader.next(record);
    if (!more.ok()) return std::move(more).error();
    if (!*more) return rows;
    rows.emplace_back(record.fields.begin(), record.fields.end());
    if (lines != nullptr) lines->push_back(record.line);
  }
}

Rows parse(std::string_view text, CsvOptions options = {},
           std::vector<std::int64_t>* lines = nullptr) {
  MemorySource source(text);
  auto rows = read_all(source, options, lines);
  EXPECT_TRUE(rows.ok()) << (rows.ok() ? "" : rows.error().message);
  return rows.ok() ? *rows : Rows{};
}

TEST(CsvReader, QuotesDoubledQuotesAndEmbeddedNewlines) {
  std::vector<std::int64_t> lines;
  const Rows rows = parse("a,\"b,c\",\"say \"\"hi\"\"\"\n\"multi\nline\",,x\nlast,row", {}, &lines);
  EXPECT_EQ(rows, (Rows{{"a", "b,c", "say \"hi\""}, {"multi\nline", "", "x"}, {"last", "row"}}));
  EXPECT_EQ(lines, (std::vector<std::int64_t>{1, 2, 4}));
}

TEST(CsvReader, LineEndsCrLfCrAndLfMixed) {
  const Rows expected = {{"a", "b"}, {"c", "d"}, {"e", "f"}};
  EXPECT_EQ(parse("a,b\r\nc,d\r\ne,f\r\n"), expected);
  EXPECT_EQ(parse("a,b\rc,d\re,f"), expected);
  EXPECT_EQ(parse("a,b\nc,d\r\ne,f\r"), expected);
}

TEST(CsvReader, SkipsBomAndEmptyLinesButCountsThem) {
  std::vector<std::int64_t> lines;
  const Rows rows = parse("\xEF\xBB\xBFid,name\n\n\r\n1,x\n", {}, &lines);
  EXPECT_EQ(rows, (Rows{{"id", "name"}, {"1", "x"}}));
  EXPECT_EQ(lines, (std::vector<std::int64_t>{1, 4}));
}

TEST(CsvReader, KeepsEmptyLinesWhenAsked) {
  CsvOptions options;
  options.skip_empty_lines = false;
  EXPECT_EQ(parse("a\n\nb\n", options), (Rows{{"a"}, {""}, {"b"}}));
}

TEST(CsvReader, TrailingDelimiterGivesEmptyField) {
  EXPECT_EQ(parse("a,b,\n,\n"), (Rows{{"a", "b", ""}, {"", ""}}));
  EXPECT_EQ(parse("a,"), (Rows{{"a", ""}}));
}

TEST(CsvReader, OtherDelimiters) {
  CsvOptions semicolon;
  semicolon.delimiter = ';';
  EXPECT_EQ(parse("a;\"b;c\";d\n", semicolon), (Rows{{"a", "b;c", "d"}}));
  CsvOptions tab;
  tab.delimiter = '\t';
  EXPECT_EQ(parse("a\tb,c\t\n", tab), (Rows{{"a", "b,c", ""}}));
}

TEST(CsvReader, WhitespaceDelimitedLikeCdnow) {
  CsvOptions options;
  options.whitespace_delimited = true;
  EXPECT_EQ(parse(" 00001 19970101  1   11.77\r\n\t00002 19970112 1 12.00  \r\n   \r\n", options),
            (Rows{{"00001", "19970101", "1", "11.77"}, {"00002", "19970112", "1", "12.00"}}));
  EXPECT_EQ(parse("\"a b\"  c\n", options), (Rows{{"a b", "c"}}));
}

TEST(CsvReader, LenientStrayQuotesAreLiteral) {
  EXPECT_EQ(parse("5\"4,\"a\"b\",c\n"), (Rows{{"5\"4", "a\"b", "c"}}));
}

TEST(CsvReader, StrictStrayQuoteIsAnErrorWithLine) {
  CsvOptions options;
  options.strict_quotes = true;
  MemorySource source("ok\n\"a\"b,c\n");
  auto rows = read_all(source, options);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().kind, core::ErrorKind::kInvalid);
  EXPECT_THAT(rows.error().message, testing::HasSubstr("line 2"));
  ASSERT_EQ(rows.error().fields.size(), 1U);
  EXPECT_EQ(rows.error().fields[0].field, "line/2");
}

TEST(CsvReader, UnterminatedQuoteReportsWhereTheFieldStarted) {
  MemorySource source("a\nb,\"open\nstill open\n");
  auto rows = read_all(source, {});
  ASSERT_FALSE(rows.ok());
  EXPECT_THAT(rows.error().message, testing::HasSubstr("line 2"));
  EXPECT_THAT(rows.error().message, testing::HasSubstr("not closed"));
}

TEST(CsvReader, StaysFailedAfterAnError) {
  MemorySource source("\"x");
  CsvReader reader(source);
  CsvRecord record;
  EXPECT_FALSE(reader.next(record).ok());
  EXPECT_FALSE(reader.next(record).ok());
}

TEST(CsvReader, BackslashEscapeWhenConfigured) {
  CsvOptions options;
  options.escape = '\\';
  EXPECT_EQ(parse("\"five\\\"six\",\"a\\\\b\"\n", options), (Rows{{"five\"six", "a\\b"}}));
}

TEST(CsvReader, RecordOverTheLimitIsTooLarge) {
  CsvOptions options;
  options.max_record_bytes = 64;
  const std::string big = "x," + std::string(200, 'y') + "\n";
  MemorySource source(big);
  auto rows = read_all(source, options);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().kind, core::ErrorKind::kTooLarge);
}

TEST(CsvReader, SameResultWhateverTheReadSize) {
  const std::string text =
      "\xEF\xBB\xBFh1,h2\r\n\"a\"\"b\",\"c\r\nd\"\r\n\r\ne,f\r\"g\",h\n\"\",\"\"\"\"";
  MemorySource whole(text);
  auto expected = read_all(whole, {});
  ASSERT_TRUE(expected.ok());
  EXPECT_EQ(*expected,
            (Rows{{"h1", "h2"}, {"a\"b", "c\r\nd"}, {"e", "f"}, {"g", "h"}, {"", "\""}}));
  for (std::size_t chunk : {1U, 2U, 3U, 7U}) {
    TrickleSource source(text, chunk);
    auto rows = read_all(source, {});
    ASSERT_TRUE(rows.ok()) << chunk;
    EXPECT_EQ(*rows, *expected) << chunk;
  }
}

TEST(CsvReader, LongRecordsGrowTheBuffer) {
  std::string text;
  const std::string long_field(3 << 20, 'z');
  text += "a,\"" + long_field + "\"\nb,c\n";
  MemorySource source(text);
  auto rows = read_all(source, {});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2U);
  EXPECT_EQ((*rows)[0][1].size(), long_field.size());
  EXPECT_EQ((*rows)[1], (std::vector<std::string>{"b", "c"}));
}

Rows parse_file(const std::string& relative, CsvOptions options = {}) {
  auto source = FileSource::open(std::string(RAPPORT_SHARED_DATA) + "/" + relative);
  EXPECT_TRUE(source.ok()) << relative;
  if (!source.ok()) return {};
  auto rows = read_all(**source, options);
  EXPECT_TRUE(rows.ok()) << relative << ": " << (rows.ok() ? "" : rows.error().message);
  return rows.ok() ? *rows : Rows{};
}

TEST(CsvReaderSharedData, HordeQuotingFixtures) {
  EXPECT_EQ(parse_file("contacts_csv/horde/fixtures/getcsv/quote5.csv"),
            (Rows{{"one two", "three, four", "five"}, {"six", "seven ", "eight"}}));
  EXPECT_EQ(parse_file("contacts_csv/horde/fixtures/getcsv/quote7.csv"),
            (Rows{{"one", "two", "three"}, {"four", "five\"six", "seven\n\"eight\""}}));
  CsvOptions backslash;
  backslash.escape = '\\';
  EXPECT_EQ(parse_file("contacts_csv/horde/fixtures/getcsv/quote6.csv", backslash),
            (Rows{{"one", "two", "three"}, {"four", "five\"six", "seven\n\"eight\""}}));
}

TEST(CsvReaderSharedData, HordeMultilineFixture) {
  EXPECT_EQ(parse_file("contacts_csv/horde/fixtures/getcsv/multiline1.csv"),
            (Rows{{"one", "two", "three\nfour"},
                  {"five", "six\nseven", "eight"},
                  {"nine", "ten", "eleven\ntwelve"},
                  {"one", "two", "three\n four"}}));
}

TEST(CsvReaderSharedData, CarriageReturnOnlyFile) {
  EXPECT_EQ(parse_file("contacts_csv/horde/fixtures/getcsv/005.csv"),
            (Rows{{"Field 1-1", "Field 1-2", "Field 1-3", "Field 1-4"},
                  {"Field 2-1", "Field 2-2", "Field 2-3", "I'm multiline\rField"},
                  {"Field 3-1", "Field 3-2", "Field 3-3"}}));
}

TEST(CsvReaderSharedData, MultilineFieldInAnOutlookExport) {
  const Rows rows = parse_file("contacts_csv/horde/fixtures/getcsv/bug_4025.csv");
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0].size(), 22U);
  EXPECT_EQ(rows[1].size(), 22U);
  EXPECT_EQ(rows[1][9], "Haas, J\xC3\xB6rg");
  EXPECT_EQ(rows[1][14], "\n");
}

TEST(CsvReaderSharedData, BomHeaderAndSemicolons) {
  const Rows all = parse_file("contacts_csv/roundcube/all.csv");
  ASSERT_FALSE(all.empty());
  EXPECT_EQ(all[0][0], "Display Name");
  CsvOptions semicolon;
  semicolon.delimiter = ';';
  const Rows rows = parse_file("contacts_csv/thunderbird/csv_semicolon.csv", semicolon);
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].size(), rows[1].size());
}

TEST(CsvReaderSharedData, EveryContactFixtureParsesWithTheSameWidthPerFile) {
  for (const char* file :
       {"contacts_csv/horde/examples/Outlook.csv", "contacts_csv/horde/examples/Gmail.csv",
        "contacts_csv/thunderbird/quote.csv"}) {
    const Rows rows = parse_file(file);
    ASSERT_GE(rows.size(), 2U) << file;
    for (const auto& row : rows) EXPECT_EQ(row.size(), rows[0].size()) << file;
  }
  // Thunderbird ends each data row, but not the header, with an extra comma.
  const Rows thunderbird = parse_file("contacts_csv/thunderbird/basic_csv_addressbook.csv");
  ASSERT_EQ(thunderbird.size(), 3U);
  EXPECT_EQ(thunderbird[0].size(), 37U);
  EXPECT_EQ(thunderbird[1].size(), 38U);
  EXPECT_EQ(thunderbird[2].size(), 38U);
}

}  // namespace
}  // namespace rapport::io
