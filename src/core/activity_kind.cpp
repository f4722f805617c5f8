// The activity kind: a call, meeting, task or e-mail, linked to contacts and companies.
#include "core/activity.hpp"
#include "core/kind_tables.hpp"

namespace rapport::core {
namespace {

constexpr std::uint32_t kFilter = kFilterable;
constexpr std::uint32_t kSortFilter = kSortable | kFilterable;
constexpr std::uint32_t kStamp = kSortable | kFilterable | kReadOnly;

constexpr FieldDescriptor kFields[] = {
    {"id", FieldType::kId, kSortFilter | kReadOnly, "id"},
    {"type", FieldType::kEnum, kRequired | kSortFilter, "type", {}, {}, kActivityTypes},
    {"subject", FieldType::kText, kRequired | kSortFilter | kSearchable, "subject", "subject_key"},
    {"body", FieldType::kLongText, kSearchable},
    {"status", FieldType::kEnum, kSortFilter, "status", {}, {}, kActivityStatuses},
    {"priority", FieldType::kEnum, kSortFilter, "priority", {}, {}, kActivityPriorities},
    {"direction", FieldType::kEnum, kFilter, "direction", {}, {}, kActivityDirections},
    {"starts_at", FieldType::kTimestamp, kSortFilter, "starts_at"},
    {"ends_at", FieldType::kTimestamp, 0},
    {"due_at", FieldType::kTimestamp, kSortFilter, "due_at"},
    {"remind_at", FieldType::kTimestamp, kFilter, "remind_at"},
    {"duration_seconds", FieldType::kInteger, 0},
    {"outcome", FieldType::kText, kSearchable},
    {"phone", FieldType::kPhone, kSearchable},
    {"location", FieldType::kText, kSearchable},
    {"contact_ids", FieldType::kLinks, kFilter, {}, {}, RecordKind::kContact},
    {"company_ids", FieldType::kLinks, kFilter, {}, {}, RecordKind::kCompany},
    {"owner_id", FieldType::kUser, kSortFilter, "owner_id"},
    {"team_id", FieldType::kTeam, kFilter, "team_id"},
    {"tags", FieldType::kTags, kFilter},
    {"created_at", FieldType::kTimestamp, kStamp, "created_at"},
    {"created_by", FieldType::kUser, kReadOnly},
    {"updated_at", FieldType::kTimestamp, kStamp, "updated_at"},
    {"updated_by", FieldType::kUser, kReadOnly},
    {"deleted_at", FieldType::kTimestamp, kFilter | kReadOnly, "deleted_at"},
};

}  // namespace

constinit const KindDescriptor kActivityKind{
    .kind = RecordKind::kActivity,
    .collection = "activities",
    .table = "activities",
    .object = ObjectType::kActivities,
    .flags = kOwned | kTrash | kSearch | kCustomFields | kAudit,
    .fields = kFields,
    .default_sort = "id",
};

}  // namespace rapport::core
