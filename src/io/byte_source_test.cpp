// Tests for byte sources: memory reads, plain and gzip files through zlib, missing and truncated
// files.
#include "io/byte_source.hpp"

#include <zlib.h>

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

namespace rapport::io {
namespace {

core::Result<std::string> read_all(ByteSource& source) {
  std::string out;
  char block[7];
  for (;;) {
    auto got = source.read(block);
    if (!got.ok()) return std::move(got).error();
    if (*got == 0) return out;
    out.append(block, *got);
  }
}

// A per-process name, so parallel test runs from several build trees do not collide.
std::string temp_path(const std::string& name) {
  static const std::string tag = std::to_string(std::random_device{}());
  return (std::filesystem::temp_directory_path() / ("rapport_io_" + tag + "_" + name)).string();
}

TEST(ByteSource, MemoryHandsOutEveryByteOnce) {
  MemorySource source("hello, world");
  auto text = read_all(source);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "hello, world");
}

TEST(ByteSource, MissingFileIsNotFound) {
  auto source = FileSource::open(temp_path("does_not_exist.csv"));
  ASSERT_FALSE(source.ok());
  EXPECT_EQ(source.error().kind, core::ErrorKind::kNotFound);
}

TEST(ByteSource, PlainAndGzipFilesReadTheSame) {
  const std::string text = "a,b\n1,2\n";
  const std::string plain = temp_path("plain.csv");
  std::ofstream(plain, std::ios::binary) << text;
  const std::string packed = temp_path("packed.csv.gz");
  gzFile out = gzopen(packed.c_str(), "wb");
  ASSERT_NE(out, nullptr);
  ASSERT_EQ(gzwrite(out, text.data(), static_cast<unsigned>(text.size())),
            static_cast<int>(text.size()));
  gzclose(out);
  for (const std::string& path : {plain, packed}) {
    auto source = FileSource::open(path);
    ASSERT_TRUE(source.ok());
    auto read = read_all(**source);
    ASSERT_TRUE(read.ok()) << path;
    EXPECT_EQ(*read, text) << path;
  }

  // Cut the compressed file short: the read must fail, not end quietly.
  const auto size = std::filesystem::file_size(packed);
  std::filesystem::resize_file(packed, size - 6);
  auto truncated = FileSource::open(packed);
  ASSERT_TRUE(truncated.ok());
  EXPECT_FALSE(read_all(**truncated).ok());
  std::filesystem::remove(plain);
  std::filesystem::remove(packed);
}

}  // namespace
}  // namespace rapport::io
