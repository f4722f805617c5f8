// Tests of the note rules: one parent, a body that is present, UTF-8, bounded and NUL-free.
#include "core/note.hpp"

#include <gtest/gtest.h>

namespace rapport::core {
namespace {

Note on_contact(std::string body) {
  Note n;
  n.contact_id = 7;
  n.body = std::move(body);
  return n;
}

std::string only_field(const Status& s) {
  EXPECT_FALSE(s.ok());
  if (s.ok() || s.error().fields.size() != 1) return "";
  return s.error().fields[0].field;
}

TEST(Note, ValidNotesOnEitherParent) {
  Note n = on_contact("ประชุมวันอังคาร\nเรื่องใบเสนอราคา\t(ครั้งที่ 2)");
  EXPECT_TRUE(validate(n).ok());
  EXPECT_EQ(parent_of(n), NoteParent::contact(7));
  Note c;
  c.company_id = 3;
  c.body = "会议纪要";
  EXPECT_TRUE(validate(c).ok());
  EXPECT_EQ(parent_of(c), NoteParent::company(3));
}

TEST(Note, NeedsExactlyOneParent) {
  Note none = on_contact("x");
  none.contact_id.reset();
  EXPECT_EQ(only_field(validate(none)), "contact_id");
  Note both = on_contact("x");
  both.company_id = 2;
  EXPECT_EQ(only_field(validate(both)), "company_id");
  Note bad = on_contact("x");
  bad.contact_id = 0;
  EXPECT_EQ(only_field(validate(bad)), "contact_id");
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
