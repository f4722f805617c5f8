// The contact kind: a person, with names, ways to reach them, company links and consent.
#include "core/kind_tables.hpp"
#include "core/lifecycle.hpp"

namespace rapport::core {
namespace {

constexpr std::uint32_t kFilter = kFilterable;
constexpr std::uint32_t kSortFilter = kSortable | kFilterable;
constexpr std::uint32_t kStamp = kSortable | kFilterable | kReadOnly;

constexpr FieldDescriptor kFields[] = {
    {"id", FieldType::kId, kSortFilter | kReadOnly, "id"},
    {"given_name", FieldType::kText, kSortFilter | kSearchable, "given_name", "given_key"},
    {"family_name", FieldType::kText, kSortFilter | kSearchable, "family_name", "family_key"},
    {"display_name", FieldType::kText, kSortFilter | kSearchable, "display_name", "display_key"},
    {"emails", FieldType::kEmails, kSearchable},
    {"phones", FieldType::kPhones, kSearchable},
    {"addresses", FieldType::kAddresses, kSearchable},
    {"city", FieldType::kPlace, kFilter},
    {"country", FieldType::kPlace, kFilter},
    {"companies", FieldType::kTitledLinks, kFilter | kSearchable, {}, {}, RecordKind::kCompany},
    {"lifecycle_stage",
     FieldType::kEnum,
     kSortFilter,
     "lifecycle_stage",
     {},
     {},
     kDefaultLifecycleStages},
    {"lead_source", FieldType::kText, kFilter, "lead_source"},
    {"owner_id", FieldType::kUser, kSortFilter, "owner_id"},
    {"team_id", FieldType::kTeam, kFilter, "team_id"},
    {"tags", FieldType::kTags, kFilter},
    {"preferred_language", FieldType::kLanguage, kSortFilter, "preferred_language"},
    {"time_zone", FieldType::kTimeZone, kSortFilter, "time_zone"},
    {"consents", FieldType::kConsents, 0},
    {"notes", FieldType::kLongText, kSearchable},
    {"created_at", FieldType::kTimestamp, kStamp, "created_at"},
    {"created_by", FieldType::kUser, kFilter | kReadOnly, "created_by"},
    {"updated_at", FieldType::kTimestamp, kStamp, "updated_at"},
    {"updated_by", FieldType::kUser, kReadOnly},
    {"deleted_at", FieldType::kTimestamp, kFilter | kReadOnly, "deleted_at"},
};

}  // namespace

constinit const KindDescriptor kContactKind{
    .kind = RecordKind::kContact,
    .collection = "contacts",
    .table = "contacts",
    .object = ObjectType::kContacts,
    .flags = kOwned | kTrash | kSearch | kCustomFields | kTimeline | kAudit,
    .fields = kFields,
    .default_sort = "id",
};

}  // namespace rapport::core
