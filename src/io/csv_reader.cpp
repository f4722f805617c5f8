// The CSV reader's scanner. A record is scanned from its first byte each time; when the buffer
// ends inside it, the partial record moves to the front, more is read and the scan starts again,
// so nothing is modified until the whole record is known (then quoted fields are unescaped in
// place, which only ever shortens them).
#include "io/csv_reader.hpp"

#include <algorithm>
#include <cstring>

namespace rapport::io {
namespace {

// Reads of 256 KiB keep per-call overhead negligible; longer records grow the buffer.
constexpr std::size_t kBlockBytes = std::size_t{256} << 10;
constexpr char kBom[] = "\xEF\xBB\xBF";

bool is_blank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

CsvReader::CsvReader(ByteSource& source, CsvOptions options)
    : source_(source), options_(options), line_(options.first_line) {
  capacity_ = std::max<std::size_t>(std::min(kBlockBytes, options_.max_record_bytes), 64);
  buffer_.reset(new char[capacity_]);
  for (char c : {'\n', '\r', options_.quote, options_.escape}) {
    if (c != '\0') is_quoted_special_[static_cast<unsigned char>(c)] = 1;
  }
  is_special_[static_cast<unsigned char>('\n')] = 1;
  is_special_[static_cast<unsigned char>('\r')] = 1;
  if (options_.whitespace_delimited) {
    is_special_[static_cast<unsigned char>(' ')] = 1;
    is_special_[static_cast<unsigned char>('\t')] = 1;
  } else {
    is_special_[static_cast<unsigned char>(options_.delimiter)] = 1;
  }
}

core::Error CsvReader::fail(std::int64_t line, std::string what, bool too_large) {
  const std::string where = "line/" + std::to_string(line);
  std::string message = "line " + std::to_string(line) + ": " + what;
  core::Error error = core::Error::invalid(std::move(message), {{where, std::move(what)}});
  if (too_large) error.kind = core::ErrorKind::kTooLarge;
  failed_ = error;
  return error;
}

core::Status CsvReader::refill() {
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, end_ - begin_);
    end_ -= begin_;
    begin_ = 0;
  }
  if (end_ == capacity_) {
    if (capacity_ >= options_.max_record_bytes) {
      return fail(line_,
                  "record longer than " + std::to_string(options_.max_record_bytes) + " bytes",
                  true);
    }
    capacity_ = std::min(capacity_ * 2, options_.max_record_bytes);
    std::unique_ptr<char[]> bigger(new char[capacity_]);
    std::memcpy(bigger.get(), buffer_.get(), end_);
    buffer_ = std::move(bigger);
  }
  auto got = source_.read(std::span<char>(buffer_.get() + end_, capacity_ - end_));
  if (!got.ok()) {
    failed_ = got.error();
    return std::move(got).error();
  }
  if (*got == 0) eof_ = true;
  end_ += *got;
  return core::ok_status();
}

core::Result<CsvReader::Scan> CsvReader::scan(std::size_t& consumed, std::int64_t& newlines) {
  const char* base = buffer_.get();
  const std::size_t n = end_;
  const bool ws = options_.whitespace_delimited;
  const char delim = options_.delimiter;
  const char quote = options_.quote;
  const char escape = options_.escape;
  std::size_t p = begin_;
  newlines = 0;
  raw_count_ = 0;

  // Length of the line terminator at i (1 or 2), 0 when there is none, -1 when a CR ends the
  // buffer and the next byte decides between CR and CRLF.
  auto line_end = [&](std::size_t i) -> int {
    if (base[i] == '\n') return 1;
    if (base[i] != '\r') return 0;
    if (i + 1 < n) return base[i + 1] == '\n' ? 2 : 1;
    return eof_ ? 1 : -1;
  };
  auto finish = [&](std::size_t at, Scan kind) {
    consumed = at - begin_;
    return kind;
  };

  if (p == n) return eof_ ? Scan::kEnd : Scan::kNeedMore;
  if (ws) {
    while (p < n && is_blank(base[p])) ++p;
    if (p == n) return eof_ ? finish(p, Scan::kEmptyLine) : Scan::kNeedMore;
  }
  if (const int t = line_end(p); t != 0) {
    if (t < 0) return Scan::kNeedMore;
    newlines = 1;
    return finish(p + t, Scan::kEmptyLine);
  }

  for (;;) {
    const std::size_t start = p;
    if (quote != '\0' && base[p] == quote) {
      const std::int64_t field_line = line_ + newlines;
      bool needs_unescape = false;
      const std::size_t content = ++p;
      for (;;) {
        while (p < n && !is_quoted_special_[static_cast<unsigned char>(base[p])]) ++p;
        if (p >= n || (escape != '\0' && base[p] == escape && p + 1 >= n)) {
          if (!eof_) return Scan::kNeedMore;
          return fail(field_line, "quoted field is not closed");
        }
        const char c = base[p];
        if (escape != '\0' && c == escape) {
          if (base[p + 1] == '\n') ++newlines;
          needs_unescape = true;
          p += 2;
          continue;
        }
        if (c == quote) {
          if (p + 1 >= n) {
            if (!eof_) return Scan::kNeedMore;
            add_raw(content, p, needs_unescape);
            return finish(p + 1, Scan::kRecord);
          }
          const char d = base[p + 1];
          if (d == quote) {
            needs_unescape = true;
            p += 2;
            continue;
          }
          if ((ws ? is_blank(d) : d == delim) || d == '\n' || d == '\r') {
            add_raw(content, p, needs_unescape);
            ++p;
            break;
          }
          if (options_.strict_quotes) {
            return fail(line_ + newlines, "unexpected character after a closing quote");
          }
          needs_unescape = true;
          ++p;
          continue;
        }
        if (c == '\n') {
          ++newlines;
        } else if (c == '\r') {
          if (p + 1 >= n && !eof_) return Scan::kNeedMore;
          if (p + 1 >= n || base[p + 1] != '\n') ++newlines;
        }
        ++p;
      }
    } else {
      while (p < n && !is_special_[static_cast<unsigned char>(base[p])]) ++p;
      add_raw(start, p, false);
      if (p >= n) return eof_ ? finish(p, Scan::kRecord) : Scan::kNeedMore;
    }

    // p is at a separator or a line end.
    if (ws) {
      while (p < n && is_blank(base[p])) ++p;
      if (p >= n) return eof_ ? finish(p, Scan::kRecord) : Scan::kNeedMore;
    } else if (base[p] == delim) {
      ++p;
      if (p >= n) {
        if (!eof_) return Scan::kNeedMore;
        add_raw(p, p, false);
        return finish(p, Scan::kRecord);
      }
      continue;
    }
    if (const int t = line_end(p); t != 0) {
      if (t < 0) return Scan::kNeedMore;
      ++newlines;
      return finish(p + t, Scan::kRecord);
    }
  }
}

std::string_view CsvReader::unescape_quoted(const RawField& field) {
  char* base = buffer_.get();
  const char quote = options_.quote;
  const char escape = options_.escape;
  char* out = base + field.begin;
  for (std::size_t i = field.begin; i < field.end;) {
    const char c = base[i];
    if (escape != '\0' && c == escape && i + 1 < field.end) {
      *out++ = base[i + 1];
      i += 2;
    } else if (c == quote && i + 1 < field.end && base[i + 1] == quote) {
      *out++ = quote;
      i += 2;
    } else {
      *out++ = c;
      ++i;
    }
  }
  return {base + field.begin, static_cast<std::size_t>(out - (base + field.begin))};
}

void CsvReader::finish_record(CsvRecord& record) {
  if (fields_.size() < raw_count_) fields_.resize(raw_count_);
  for (std::size_t i = 0; i < raw_count_; ++i) fields_[i] = unescape(raw_[i]);
  record.fields = std::span<const std::string_view>(fields_.data(), raw_count_);
  record.line = line_;
}

core::Result<bool> CsvReader::next(CsvRecord& record) {
  if (failed_) return *failed_;
  if (!started_ && options_.skip_byte_order_mark) {
    while (end_ - begin_ < 3 && !eof_) RAPPORT_TRY(refill());
    if (end_ - begin_ >= 3 && std::memcmp(buffer_.get() + begin_, kBom, 3) == 0) begin_ += 3;
    started_ = true;
  }
  for (;;) {
    std::size_t consumed = 0;
    std::int64_t newlines = 0;
    RAPPORT_ASSIGN_OR_RETURN(const Scan kind, scan(consumed, newlines));
    switch (kind) {
      case Scan::kEnd:
        return false;
      case Scan::kNeedMore:
        RAPPORT_TRY(refill());
        continue;
      case Scan::kEmptyLine:
        if (options_.skip_empty_lines) {
          begin_ += consumed;
          line_ += newlines;
          continue;
        }
        raw_count_ = 0;
        add_raw(begin_, begin_, false);
        break;
      case Scan::kRecord:
        break;
    }
    finish_record(record);
    begin_ += consumed;
    line_ += newlines;
    return true;
  }
}

}  // namespace rapport::io
