// Memory and zlib-backed file byte sources.
#include "io/byte_source.hpp"

#include <zlib.h>

#include <algorithm>
#include <climits>
#include <cstring>

namespace rapport::io {

core::Result<std::size_t> MemorySource::read(std::span<char> out) {
  const std::size_t n = std::min(out.size(), bytes_.size());
  std::memcpy(out.data(), bytes_.data(), n);
  bytes_.remove_prefix(n);
  return n;
}

core::Result<std::unique_ptr<FileSource>> FileSource::open(const std::string& path) {
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return core::Error::not_found("cannot open " + path);
  // A large internal buffer keeps zlib's per-call overhead small on multi-megabyte files.
  gzbuffer(file, 1U << 20);
  return std::unique_ptr<FileSource>(new FileSource(file, path));
}

FileSource::~FileSource() { gzclose(file_); }

core::Result<std::size_t> FileSource::read(std::span<char> out) {
  const auto want = static_cast<unsigned>(std::min<std::size_t>(out.size(), INT_MAX));
  const int got = gzread(file_, out.data(), want);
  int code = Z_OK;
  const char* message = gzerror(file_, &code);
  // A truncated gzip stream ends with Z_BUF_ERROR rather than a negative count.
  if (got < 0 || (got == 0 && code != Z_OK && code != Z_STREAM_END)) {
    return core::Error::invalid(path_ + ": " + (message != nullptr ? message : "read failed"));
  }
  return static_cast<std::size_t>(got);
}

}  // namespace rapport::io
