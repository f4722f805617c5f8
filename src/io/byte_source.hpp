// Sources of bytes for the streaming parsers: a buffer in memory, or a file read through zlib so
// that gzip-compressed and plain files are read the same way.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/result.hpp"

struct gzFile_s;

namespace rapport::io {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Copies up to out.size() bytes into out and returns how many; 0 only at the end of the input.
  // Fails when the underlying read fails (I/O error, corrupt gzip stream).
  virtual core::Result<std::size_t> read(std::span<char> out) = 0;
};

// Reads from a caller-owned buffer, which must outlive the source.
class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  core::Result<std::size_t> read(std::span<char> out) override;

 private:
  std::string_view bytes_;
};

// Reads a file; gzip data (detected by its magic bytes) is decompressed on the fly.
class FileSource final : public ByteSource {
 public:
  // Opens path for reading. Fails with kNotFound when it cannot be opened.
  static core::Result<std::unique_ptr<FileSource>> open(const std::string& path);
  ~FileSource() override;
  FileSource(const FileSource&) = delete;
  FileSource& operator=(const FileSource&) = delete;

  core::Result<std::size_t> read(std::span<char> out) override;

 private:
  FileSource(gzFile_s* file, std::string path) : file_(file), path_(std::move(path)) {}
  gzFile_s* file_;
  std::string path_;
};

}  // namespace rapport::io
