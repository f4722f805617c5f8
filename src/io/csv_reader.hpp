// A streaming RFC 4180 CSV reader: reads big blocks from a ByteSource and hands out each record's
// fields as string_views into its buffer, so parsing allocates nothing per field.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "io/byte_source.hpp"

namespace rapport::io {

struct CsvOptions {
  char delimiter = ',';
  // Fields are separated by runs of spaces and tabs; leading and trailing blanks are ignored
  // (the fixed-width look of the CDNOW files). `delimiter` is then unused.
  bool whitespace_delimited = false;
  char quote = '"';    // '\0' turns quoting off
  char escape = '\0';  // e.g. '\\' for writers that emit \" inside quotes; RFC 4180 only doubles
  // Strict: a quote inside a quoted field that is neither doubled nor closing is an error.
  // Lenient (default): it is kept as a literal character, as spreadsheet programs do.
  bool strict_quotes = false;
  bool skip_empty_lines = true;
  std::size_t max_record_bytes = std::size_t{64} << 20;
  // Reading a piece of a file that starts mid-file: the physical line its first byte is on, and
  // whether a leading UTF-8 byte-order mark is skipped (only at the start of a file).
  std::int64_t first_line = 1;
  bool skip_byte_order_mark = true;
};

// One record. The views stay valid until the next call to CsvReader::next.
struct CsvRecord {
  std::span<const std::string_view> fields;
  std::int64_t line = 0;  // 1-based physical line on which the record starts

  std::size_t size() const { return fields.size(); }
  std::string_view operator[](std::size_t i) const { return fields[i]; }
};

class CsvReader {
 public:
  // The source must outlive the reader.
  explicit CsvReader(ByteSource& source, CsvOptions options = {});

  // Reads the next record. Returns true when one was read and false at the end of the input.
  // Fails (kInvalid, or kTooLarge for a record over max_record_bytes, with the line number in the
  // message and in a "line/<n>" field) on an unterminated quoted field, a stray quote in strict
  // mode, or a failed read; the reader then stays failed and returns that error again.
  core::Result<bool> next(CsvRecord& record);

 private:
  enum class Scan { kRecord, kNeedMore, kEmptyLine, kEnd };
  struct RawField {
    std::size_t begin;
    std::size_t end;
    bool unescape;
  };

  core::Status refill();
  core::Result<Scan> scan(std::size_t& consumed, std::int64_t& newlines);
  void finish_record(CsvRecord& record);
  std::string_view unescape(const RawField& field) {
    if (!field.unescape) return {buffer_.get() + field.begin, field.end - field.begin};
    return unescape_quoted(field);
  }
  std::string_view unescape_quoted(const RawField& field);
  core::Error fail(std::int64_t line, std::string what, bool too_large = false);

  ByteSource& source_;
  CsvOptions options_;
  std::unique_ptr<char[]> buffer_;  // uninitialised storage: nothing is read before written
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;  // first unparsed byte
  std::size_t end_ = 0;    // one past the last valid byte
  bool eof_ = false;
  bool started_ = false;  // the byte-order mark has been looked for
  std::int64_t line_ = 1;
  // The current record's fields; raw_ and fields_ only grow, so steady state allocates nothing.
  void add_raw(std::size_t begin, std::size_t end, bool unescape) {
    if (raw_count_ == raw_.size()) raw_.resize(2 * raw_.size() + 16);
    raw_[raw_count_++] = {begin, end, unescape};
  }
  std::vector<RawField> raw_;
  std::size_t raw_count_ = 0;
  std::vector<std::string_view> fields_;
  std::array<char, 256> is_special_{};         // per byte value: ends an unquoted field
  std::array<char, 256> is_quoted_special_{};  // needs a look inside a quoted field
  std::optional<core::Error> failed_;
};

}  // namespace rapport::io
