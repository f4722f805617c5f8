// Activities on the generic store path: their row (columns, links, document) and index rows.
#include "store/customer_codec.hpp"
#include "store/records.hpp"
#include "store/search_document.hpp"

namespace rapport::store {

RecordRow RecordCodec<core::Activity>::to_row(const core::Activity& activity) {
  RecordRow row(kKind);
  row.id = activity.id;
  row.meta = activity.meta;
  row.set("type", activity.type);
  row.set("subject", activity.subject);
  row.set("status", activity.status);
  row.set("priority", activity.priority);
  row.set("direction", activity.direction);
  row.set("starts_at", activity.starts_at);
  row.set("due_at", activity.due_at);
  row.set("remind_at", activity.remind_at);
  row.set("owner_id", activity.owner_id);
  row.set("team_id", activity.team_id);
  row.set_link_ids("contact_ids", activity.contact_ids);
  row.set_link_ids("company_ids", activity.company_ids);
  row.doc = activity_doc(activity);
  return row;
}

core::Result<core::Activity> RecordCodec<core::Activity>::from_row(const RecordRow& row) {
  core::Activity activity;
  activity.id = row.id;
  activity.meta = row.meta;
  activity.type = row.text("type");
  activity.subject = row.text("subject");
  activity.status = row.text("status");
  activity.priority = row.text("priority");
  activity.direction = row.text("direction");
  activity.starts_at = row.time("starts_at");
  activity.due_at = row.time("due_at");
  activity.remind_at = row.time("remind_at");
  activity.owner_id = row.number("owner_id");
  activity.team_id = row.number("team_id");
  activity.contact_ids = row.linked_ids("contact_ids");
  activity.company_ids = row.linked_ids("company_ids");
  RAPPORT_TRY(read_activity_doc(row.doc, activity));
  return activity;
}

// Activities carry no notes of their own: their body is their text.
RecordIndex RecordCodec<core::Activity>::index(
    const core::Activity& activity, const std::vector<core::CustomFieldDefinition>& definitions,
    const std::vector<std::string>&) {
  return {activity.tags,
          activity.custom,
          activity_search_body(activity, definitions),
          {activity.subject},
          {}};
}

}  // namespace rapport::store
