// Tests of the note rules: a parent with an id, a body that is present, UTF-8, bounded and
// NUL-free.
#include "core/note.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

Note on_contact(std::string body) {
  Note n;
  n.parent = {RecordKind::kContact, 7};
  n.body = std::move(body);
  return n;
}

std::string only_field(const Status& s) {
  EXPECT_FALSE(s.ok());
  if (s.ok() || s.error().fields.size() != 1) return "";
  return s.error().fields[0].field;
}

TEST(Note, ValidNotesOnEveryKind) {
  for (RecordKind kind : kRecordKinds) {
    Note n = on_contact("ประชุมวันอังคาร\nเรื่องใบเสนอราคา\t(ครั้งที่ 2)");
    n.parent.kind = kind;
    EXPECT_TRUE(validate(n).ok()) << to_string(kind);
  }
}

TEST(Note, NeedsAParentId) {
  Note none = on_contact("x");
  none.parent.id = 0;
  EXPECT_EQ(only_field(validate(none)), "parent_id");
  Note negative = on_contact("x");
  negative.parent = {RecordKind::kCompany, -3};
  EXPECT_EQ(only_field(validate(negative)), "parent_id");
}

TEST(Note, BodyRules) {
  EXPECT_EQ(only_field(validate(on_contact(""))), "body");
  EXPECT_EQ(only_field(validate(on_contact(" \n\t "))), "body");
  EXPECT_EQ(only_field(validate(on_contact("bad \xff byte"))), "body");
  EXPECT_EQ(only_field(validate(on_contact(std::string("nul\0inside", 10)))), "body");
  EXPECT_TRUE(validate(on_contact("Roses are \x1b[0;31mred\x1b[0m")).ok());
  EXPECT_TRUE(validate(on_contact(std::string(kMaxNoteBytes, 'a'))).ok());
  EXPECT_EQ(only_field(validate(on_contact(std::string(kMaxNoteBytes + 1, 'a')))), "body");
}

}  // namespace
}  // namespace rapport::core
