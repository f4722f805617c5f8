// One record as the generic store operations move it, whatever its kind: the values of the
// columns its descriptor names, its links to other records, its document (the fields without a
// column, as JSON) and its bookkeeping. Each kind's codec (store/records.hpp) maps its typed
// record to a row and back; the engines read and write rows knowing only the descriptor.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/custom_field.hpp"
#include "core/ids.hpp"
#include "core/kind_descriptor.hpp"
#include "core/record_meta.hpp"
#include "core/result.hpp"
#include "core/timestamp.hpp"

namespace rapport::store {

// A column's value: NULL, a whole number (ids, milliseconds since the epoch) or text.
using Cell = std::variant<std::monostate, std::int64_t, std::string>;

// The fields of `kind` a write stores in the kind's own table: those with a column that the
// client may set (not the id and stamps), in descriptor order.
std::span<const core::FieldDescriptor* const> stored_fields(core::RecordKind kind);

// The fields of `kind` kept as rows of record_links (core::is_link), in descriptor order.
std::span<const core::FieldDescriptor* const> link_fields(core::RecordKind kind);

// One link of a record: the record linked and the link's title (a job title; "" for kLinks).
struct RowLink {
  core::Id id = 0;
  std::string title;
  bool operator==(const RowLink&) const = default;
};

struct RecordRow {
  explicit RecordRow(core::RecordKind kind);

  core::RecordKind kind;
  core::Id id = 0;
  std::vector<Cell> cells;                   // one per stored_fields(describe(kind))
  std::vector<std::vector<RowLink>> links;   // in link order, one list per link_fields()
  std::string doc;
  core::RecordMeta meta;

  void set(std::string_view field, Cell value);
  void set(std::string_view field, const std::optional<core::Id>& value);
  void set(std::string_view field, const std::optional<core::Timestamp>& value);
  void set_links(std::string_view field, std::vector<RowLink> links);
  void set_link_ids(std::string_view field, const std::vector<core::Id>& ids);  // untitled

  const Cell& cell(std::string_view field) const;
  std::string text(std::string_view field) const;  // "" for NULL
  std::optional<std::int64_t> number(std::string_view field) const;
  std::optional<core::Timestamp> time(std::string_view field) const;
  const std::vector<RowLink>& linked(std::string_view field) const;
  std::vector<core::Id> linked_ids(std::string_view field) const;
};

// A city and a country a record is at (normalised for filters), one row of <kind>_places.
struct Place {
  std::string city;
  std::string country;
};

// What a record contributes to its kind's derived tables: tags, custom values (filters and
// uniqueness), the search body (trigram index), the names whose grams answer short queries and,
// for kinds with place filters, its places.
struct RecordIndex {
  std::vector<std::string> tags;
  core::CustomValues custom;
  std::string body;
  std::vector<std::string> names;
  std::vector<Place> places;
};

// How the engines index a row of `row.kind` without knowing its type: decodes it and builds its
// index from the custom field definitions of the kind and the bodies of the notes on the record.
core::Result<RecordIndex> index_row(const RecordRow& row,
                                    const std::vector<core::CustomFieldDefinition>& definitions,
                                    const std::vector<std::string>& note_bodies);

// `row` decoded and encoded again by its kind's codec: the columns derived from its document
// (a contact's language) as this program derives them, for a reindex to store.
core::Result<RecordRow> rederive_row(const RecordRow& row);

}  // namespace rapport::store
