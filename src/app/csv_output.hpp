// CSV output for the analytics reports: RFC 4180 quoting and spreadsheet-formula neutralisation
// of text cells (DESIGN.md security rule), written to a file or standard output.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace rapport::app {

// Returns the cell as it must appear in a CSV file: text starting with =, +, -, @, tab, CR or NUL
// gets a leading apostrophe so spreadsheets do not run it, and a cell containing a comma, quote,
// CR or LF is quoted with inner quotes doubled.
std::string csv_text_cell(std::string_view text);

class CsvOutput {
 public:
  // Opens path for writing ("-" is standard output). Fails with an invalid error naming
  // `option` when the file cannot be created.
  static core::Result<std::unique_ptr<CsvOutput>> open(const std::string& path,
                                                       const std::string& option);
  ~CsvOutput();
  CsvOutput(const CsvOutput&) = delete;
  CsvOutput& operator=(const CsvOutput&) = delete;

  // Appends a text cell (neutralised and quoted as csv_text_cell does).
  void text(std::string_view value);
  // Appends a number, shortest round-trip form ("nan" and "inf" as written by printf).
  void number(double value);
  void integer(long long value);
  void end_row();
  // Flushes and closes; fails when any write failed (disk full, closed pipe).
  core::Status close();

 private:
  CsvOutput(std::FILE* file, std::string path) : file_(file), path_(std::move(path)) {}
  void separate();
  std::FILE* file_;
  std::string path_;
  std::string row_;
  bool first_cell_ = true;
  bool failed_ = false;
};

}  // namespace rapport::app
