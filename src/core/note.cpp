// The rules of a note.
#include "core/note.hpp"

#include "core/text_rules.hpp"

namespace rapport::core {

namespace {

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

}  // namespace

Status validate(const Note& note) {
  std::vector<FieldError> errors;
  if (note.parent.id <= 0) errors.push_back({"parent_id", "must be an id"});
  std::size_t before = errors.size();
  check_text("body", note.body, kMaxNoteBytes, false, errors);
  if (errors.size() == before) {
    if (blank(note.body)) {
      errors.push_back({"body", "is required"});
    } else if (note.body.find('\0') != std::string::npos) {
      // PostgreSQL text cannot hold NUL; every other character is kept as written.
      errors.push_back({"body", "must not contain NUL characters"});
    }
  }
  if (errors.empty()) return {};
  return Error::invalid("the note is invalid", std::move(errors));
}

}  // namespace rapport::core
