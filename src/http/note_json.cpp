// Mapping between core::Note and its JSON form.
#include "http/note_json.hpp"

#include "core/timestamp.hpp"
#include "http/json_input.hpp"
#include "http/record_json.hpp"

namespace rapport::http {

namespace {

// The wire name of a note's parent id: "contact_id" on a contact's note, "company_id" on a
// company's (the names clients already read).
std::string_view parent_field(core::RecordKind kind) {
  switch (kind) {
    case core::RecordKind::kContact:
      return "contact_id";
    case core::RecordKind::kCompany:
      return "company_id";
    case core::RecordKind::kActivity:
      return "activity_id";
  }
  return "contact_id";
}

}  // namespace

boost::json::object note_to_json(const core::Note& note) {
  boost::json::object out;
  out["id"] = note.id;
  out["version"] = note.meta.version;
  out[parent_field(note.parent.kind)] = note.parent.id;
  out["body"] = note.body;
  out["created_at"] = core::format_timestamp(note.meta.created_at);
  out["created_by"] = optional_id_json(note.meta.created_by);
  out["updated_at"] = core::format_timestamp(note.meta.updated_at);
  out["updated_by"] = optional_id_json(note.meta.updated_by);
  return out;
}

core::Result<std::string> note_body_from_json(const boost::json::object& body) {
  ObjectReader reader(body);
  reader.allow_only({"body"});
  auto text = reader.string("body", Need::kRequired);
  RAPPORT_TRY(reader.finish());
  return std::move(*text);
}

}  // namespace rapport::http
