// Mapping between core::Activity and its JSON form, strict about what a client may send.
#include "http/activity_json.hpp"

#include "http/json_input.hpp"
#include "http/record_json.hpp"

namespace rapport::http {

namespace json = boost::json;

json::object activity_to_json(const core::Activity& a) {
  json::object o;
  add_record_meta(o, a.id, a.meta);
  o["type"] = a.type;
  o["subject"] = a.subject;
  o["body"] = a.body;
  o["status"] = a.status;
  o["priority"] = a.priority;
  o["direction"] = a.direction;
  o["starts_at"] = optional_time_json(a.starts_at);
  o["ends_at"] = optional_time_json(a.ends_at);
  o["due_at"] = optional_time_json(a.due_at);
  o["remind_at"] = optional_time_json(a.remind_at);
  o["duration_seconds"] = a.duration_seconds ? json::value(*a.duration_seconds) : nullptr;
  o["outcome"] = a.outcome;
  o["phone"] = a.phone;
  o["location"] = a.location;
  o["contact_ids"] = ids_json(a.contact_ids);
  o["company_ids"] = ids_json(a.company_ids);
  o["owner_id"] = optional_id_json(a.owner_id);
  o["team_id"] = optional_id_json(a.team_id);
  o["tags"] = strings_json(a.tags);
  o["custom"] = custom_json(a.custom);
  return o;
}

core::Status apply_activity_json(const json::object& body, core::Activity& activity,
                                 services::FieldSet& supplied) {
  ObjectReader reader(body);
  reader.allow_only(
      {"type",      "subject",  "body",        "status",      "priority",         "direction",
       "starts_at", "ends_at",  "due_at",      "remind_at",   "duration_seconds", "outcome",
       "phone",     "location", "contact_ids", "company_ids", "owner_id",         "team_id",
       "tags",      "custom"});
  for (const auto& [key, value] : body) supplied.emplace(key.data(), key.size());
  read_text(reader, "type", activity.type);
  read_text(reader, "subject", activity.subject);
  read_text(reader, "body", activity.body);
  read_text(reader, "status", activity.status);
  read_text(reader, "priority", activity.priority);
  read_text(reader, "direction", activity.direction);
  read_time(reader, "starts_at", activity.starts_at);
  read_time(reader, "ends_at", activity.ends_at);
  read_time(reader, "due_at", activity.due_at);
  read_time(reader, "remind_at", activity.remind_at);
  if (reader.is_null("duration_seconds")) {
    activity.duration_seconds.reset();
  } else if (auto seconds = reader.integer("duration_seconds")) {
    activity.duration_seconds = *seconds;
  }
  read_text(reader, "outcome", activity.outcome);
  read_text(reader, "phone", activity.phone);
  read_text(reader, "location", activity.location);
  if (reader.has("contact_ids")) activity.contact_ids = read_ids(reader, "contact_ids");
  if (reader.has("company_ids")) activity.company_ids = read_ids(reader, "company_ids");
  read_id(reader, "owner_id", activity.owner_id);
  read_id(reader, "team_id", activity.team_id);
  if (reader.has("tags")) activity.tags = read_strings(reader, "tags");
  read_custom(reader, activity.custom);
  return reader.finish();
}

}  // namespace rapport::http
