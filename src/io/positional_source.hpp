// Bytes with random access (an uncompressed file read with pread, or a buffer), and a ByteSource
// over one range of them: what lets the parallel loader parse several pieces of a file at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "io/byte_source.hpp"

namespace rapport::io {

class PositionalSource {
 public:
  virtual ~PositionalSource() = default;
  virtual std::uint64_t size() const = 0;
  // Copies up to out.size() bytes from offset into out and returns how many (0 only at or past
  // the end). Safe to call from several threads at once. Fails on an I/O error.
  virtual core::Result<std::size_t> read_at(std::uint64_t offset, std::span<char> out) const = 0;
};

// A caller-owned buffer, which must outlive the source.
class MemoryBytes final : public PositionalSource {
 public:
  explicit MemoryBytes(std::string_view bytes) : bytes_(bytes) {}
  std::uint64_t size() const override { return bytes_.size(); }
  core::Result<std::size_t> read_at(std::uint64_t offset, std::span<char> out) const override;

 private:
  std::string_view bytes_;
};

// A regular, uncompressed file.
class PlainFile final : public PositionalSource {
 public:
  // Opens path. Returns nullptr (not an error) when the file is gzip-compressed, which only a
  // sequential FileSource can read; fails with kNotFound when it cannot be opened.
  static core::Result<std::unique_ptr<PlainFile>> open(const std::string& path);
  ~PlainFile() override;
  PlainFile(const PlainFile&) = delete;
  PlainFile& operator=(const PlainFile&) = delete;

  std::uint64_t size() const override { return size_; }
  core::Result<std::size_t> read_at(std::uint64_t offset, std::span<char> out) const override;

 private:
  PlainFile(int fd, std::uint64_t size, std::string path)
      : fd_(fd), size_(size), path_(std::move(path)) {}
  int fd_;
  std::uint64_t size_;
  std::string path_;
};

// Reads bytes [begin, end) of a positional source (which must outlive it) in order.
class RangeSource final : public ByteSource {
 public:
  RangeSource(const PositionalSource& source, std::uint64_t begin, std::uint64_t end)
      : source_(source), next_(begin), end_(end) {}
  core::Result<std::size_t> read(std::span<char> out) override;

 private:
  const PositionalSource& source_;
  std::uint64_t next_;
  std::uint64_t end_;
};

}  // namespace rapport::io
