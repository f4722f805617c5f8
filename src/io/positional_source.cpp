// Positional byte sources: memory, pread on a file descriptor, and ranges of either.
#include "io/positional_source.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rapport::io {

core::Result<std::size_t> MemoryBytes::read_at(std::uint64_t offset, std::span<char> out) const {
  if (offset >= bytes_.size()) return std::size_t{0};
  const std::size_t n = std::min<std::uint64_t>(out.size(), bytes_.size() - offset);
  std::memcpy(out.data(), bytes_.data() + offset, n);
  return n;
}

core::Result<std::unique_ptr<PlainFile>> PlainFile::open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return core::Error::not_found("cannot open " + path);
  struct stat info {};
  unsigned char magic[2] = {0, 0};
  const bool regular = ::fstat(fd, &info) == 0 && S_ISREG(info.st_mode);
  const bool gzip =
      regular && ::pread(fd, magic, 2, 0) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
  if (!regular || gzip) {
    ::close(fd);
    return std::unique_ptr<PlainFile>();
  }
  return std::unique_ptr<PlainFile>(
      new PlainFile(fd, static_cast<std::uint64_t>(info.st_size), path));
}

PlainFile::~PlainFile() { ::close(fd_); }

core::Result<std::size_t> PlainFile::read_at(std::uint64_t offset, std::span<char> out) const {
  if (offset >= size_) return std::size_t{0};
  const std::size_t want = std::min<std::uint64_t>(out.size(), size_ - offset);
  for (;;) {
    const ssize_t got = ::pread(fd_, out.data(), want, static_cast<off_t>(offset));
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) {
      return core::Error::invalid(path_ + ": " + std::strerror(errno));
    }
  }
}

core::Result<std::size_t> RangeSource::read(std::span<char> out) {
  if (next_ >= end_) return std::size_t{0};
  const std::size_t want = std::min<std::uint64_t>(out.size(), end_ - next_);
  RAPPORT_ASSIGN_OR_RETURN(const std::size_t got, source_.read_at(next_, out.first(want)));
  if (got == 0) return core::Error::invalid("the file ended early (was it truncated meanwhile?)");
  next_ += got;
  return got;
}

}  // namespace rapport::io
