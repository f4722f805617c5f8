// libFuzzer target: any file bytes (gzip or not) → FileSource reads to the end or fails with
// kInvalid; a corrupt or truncated gzip stream never crashes, hangs or reads past its buffer.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <unistd.h>

#include "io/byte_source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace rapport;
  // FileSource reads paths (zlib's gzopen), so each input goes through one scratch file.
  static const std::string path = "/tmp/rapport_fuzz_gzip_" + std::to_string(::getpid());
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) std::abort();
    if (size > 0 && std::fwrite(data, 1, size, f) != size) std::abort();
    std::fclose(f);
  }
  auto source = io::FileSource::open(path);
  if (!source.ok()) std::abort();
  std::vector<char> buffer(4096);
  std::size_t total = 0;
  while (true) {
    auto got = (*source)->read(buffer);
    if (!got.ok()) {
      if (got.error().kind != core::ErrorKind::kInvalid) std::abort();
      break;
    }
    if (*got == 0) break;
    if (*got > buffer.size()) std::abort();
    total += *got;
  }
  source->reset();
  std::remove(path.c_str());
  // A plain file is passed through byte for byte.
  if (size < 2 || data[0] != 0x1f || data[1] != 0x8b) {
    if (total != size) std::abort();
  }
  return 0;
}
