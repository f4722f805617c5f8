// CSV output with quoting and formula neutralisation.
#include "app/csv_output.hpp"

#include <charconv>
#include <system_error>

namespace rapport::app {

std::string csv_text_cell(std::string_view text) {
  std::string out;
  const bool formula =
      !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r' || text[0] == '\0');
  const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
  if (quote) out += '"';
  if (formula) out += '\'';
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  if (quote) out += '"';
  return out;
}

core::Result<std::unique_ptr<CsvOutput>> CsvOutput::open(const std::string& path,
                                                         const std::string& option) {
  if (path == "-") return std::unique_ptr<CsvOutput>(new CsvOutput(stdout, path));
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) return core::Error::field(option, "cannot create " + path);
  return std::unique_ptr<CsvOutput>(new CsvOutput(file, path));
}

CsvOutput::~CsvOutput() {
  if (file_ != nullptr && file_ != stdout) std::fclose(file_);
}

void CsvOutput::separate() {
  if (!first_cell_) row_ += ',';
  first_cell_ = false;
}

void CsvOutput::text(std::string_view value) {
  separate();
  row_ += csv_text_cell(value);
}

void CsvOutput::number(double value) {
  separate();
  char buf[32];
  const auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
  row_.append(buf, ec == std::errc{} ? ptr : buf);
}

void CsvOutput::integer(long long value) {
  separate();
  row_ += std::to_string(value);
}

void CsvOutput::end_row() {
  row_ += '\n';
  first_cell_ = true;
  if (row_.size() >= (std::size_t{1} << 16)) {
    failed_ |= std::fwrite(row_.data(), 1, row_.size(), file_) != row_.size();
    row_.clear();
  }
}

core::Status CsvOutput::close() {
  failed_ |= std::fwrite(row_.data(), 1, row_.size(), file_) != row_.size();
  row_.clear();
  failed_ |= std::fflush(file_) != 0;
  if (file_ != stdout) failed_ |= std::fclose(file_) != 0;
  file_ = nullptr;
  if (failed_) return core::Error::internal("writing " + path_ + " failed");
  return core::ok_status();
}

}  // namespace rapport::app
