// Rows of any kind: which fields are columns and links, and the accessors the codecs use.
#include "store/record_row.hpp"

#include <algorithm>
#include <array>

#include "store/records.hpp"

namespace rapport::store {

namespace {

bool is_stored(const core::FieldDescriptor& field) {
  return !field.column.empty() && !field.has(core::kReadOnly);
}

// Which fields of a kind are stored columns and which are links, worked out once per kind.
struct Layout {
  std::vector<const core::FieldDescriptor*> stored;
  std::vector<const core::FieldDescriptor*> links;
};

const Layout& layout(core::RecordKind kind) {
  static const auto layouts = [] {
    std::array<Layout, core::kRecordKinds.size()> out;
    for (core::RecordKind k : core::kRecordKinds) {
      Layout& l = out[static_cast<std::size_t>(k)];
      for (const core::FieldDescriptor& f : core::describe(k).fields) {
        if (is_stored(f)) l.stored.push_back(&f);
        if (core::is_link(f.type)) l.links.push_back(&f);
      }
    }
    return out;
  }();
  return layouts[static_cast<std::size_t>(kind)];
}

// The position of `field` among `fields`. The names come from the codecs, which are written
// against the descriptor: a name that is not there is a programming error, which at() reports.
std::size_t position(std::span<const core::FieldDescriptor* const> fields, std::string_view field) {
  auto it = std::find_if(fields.begin(), fields.end(),
                         [&](const core::FieldDescriptor* f) { return f->name == field; });
  return static_cast<std::size_t>(it - fields.begin());
}

template <class Record>
core::Result<RecordIndex> index_as(const RecordRow& row,
                                   const std::vector<core::CustomFieldDefinition>& definitions,
                                   const std::vector<std::string>& note_bodies) {
  RAPPORT_ASSIGN_OR_RETURN(Record record, RecordCodec<Record>::from_row(row));
  return RecordCodec<Record>::index(record, definitions, note_bodies);
}

template <class Record>
core::Result<RecordRow> rederive_as(const RecordRow& row) {
  RAPPORT_ASSIGN_OR_RETURN(Record record, RecordCodec<Record>::from_row(row));
  return RecordCodec<Record>::to_row(record);
}

}  // namespace

std::span<const core::FieldDescriptor* const> stored_fields(core::RecordKind kind) {
  return layout(kind).stored;
}

std::span<const core::FieldDescriptor* const> link_fields(core::RecordKind kind) {
  return layout(kind).links;
}

RecordRow::RecordRow(core::RecordKind kind)
    : kind(kind), cells(stored_fields(kind).size()), links(link_fields(kind).size()) {}

void RecordRow::set(std::string_view field, Cell value) {
  cells.at(position(stored_fields(kind), field)) = std::move(value);
}

void RecordRow::set(std::string_view field, const std::optional<core::Id>& value) {
  set(field, value ? Cell(*value) : Cell());
}

void RecordRow::set(std::string_view field, const std::optional<core::Timestamp>& value) {
  set(field, value ? Cell(core::to_millis(*value)) : Cell());
}

void RecordRow::set_links(std::string_view field, std::vector<RowLink> links_of_field) {
  links.at(position(link_fields(kind), field)) = std::move(links_of_field);
}

void RecordRow::set_link_ids(std::string_view field, const std::vector<core::Id>& ids) {
  std::vector<RowLink> out;
  out.reserve(ids.size());
  for (core::Id id : ids) out.push_back({id, {}});
  set_links(field, std::move(out));
}

const Cell& RecordRow::cell(std::string_view field) const {
  return cells.at(position(stored_fields(kind), field));
}

std::string RecordRow::text(std::string_view field) const {
  const Cell& c = cell(field);
  return std::holds_alternative<std::string>(c) ? std::get<std::string>(c) : std::string();
}

std::optional<std::int64_t> RecordRow::number(std::string_view field) const {
  const Cell& c = cell(field);
  if (std::holds_alternative<std::int64_t>(c)) return std::get<std::int64_t>(c);
  return std::nullopt;
}

std::optional<core::Timestamp> RecordRow::time(std::string_view field) const {
  if (auto millis = number(field)) return core::from_millis(*millis);
  return std::nullopt;
}

const std::vector<RowLink>& RecordRow::linked(std::string_view field) const {
  return links.at(position(link_fields(kind), field));
}

std::vector<core::Id> RecordRow::linked_ids(std::string_view field) const {
  std::vector<core::Id> out;
  for (const RowLink& link : linked(field)) out.push_back(link.id);
  return out;
}

core::Result<RecordIndex> index_row(const RecordRow& row,
                                    const std::vector<core::CustomFieldDefinition>& definitions,
                                    const std::vector<std::string>& note_bodies) {
  switch (row.kind) {
    case core::RecordKind::kContact:
      return index_as<core::Contact>(row, definitions, note_bodies);
    case core::RecordKind::kCompany:
      return index_as<core::Company>(row, definitions, note_bodies);
    case core::RecordKind::kActivity:
      return index_as<core::Activity>(row, definitions, note_bodies);
  }
  return core::Error::internal("no codec for " + std::string(core::to_string(row.kind)));
}

core::Result<RecordRow> rederive_row(const RecordRow& row) {
  switch (row.kind) {
    case core::RecordKind::kContact:
      return rederive_as<core::Contact>(row);
    case core::RecordKind::kCompany:
      return rederive_as<core::Company>(row);
    case core::RecordKind::kActivity:
      return rederive_as<core::Activity>(row);
  }
  return core::Error::internal("no codec for " + std::string(core::to_string(row.kind)));
}

}  // namespace rapport::store
