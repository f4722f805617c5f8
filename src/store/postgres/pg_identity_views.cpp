// The saved-view statements of PgIdentityTx.
#include <string>

#include "store/postgres/pg_identity_store.hpp"
#include "store/postgres/pg_time.hpp"

namespace rapport::store::postgres {
namespace {

constexpr std::string_view kViewColumns =
    " id, owner_id, team_id, kind, name, query, columns, version,"
    " extract(epoch FROM created_at)::bigint, extract(epoch FROM updated_at)::bigint";

core::Result<core::SavedView> view_at(const PgResult& rows, int row) {
  core::SavedView v;
  v.id = rows.int64(row, 0);
  v.owner_id = rows.int64(row, 1);
  v.team_id = rows.optional_int64(row, 2);
  RAPPORT_ASSIGN_OR_RETURN(v.kind, core::parse_record_kind(rows.text(row, 3)));
  v.name = rows.text(row, 4);
  v.query = rows.text(row, 5);
  RAPPORT_ASSIGN_OR_RETURN(v.columns, parse_view_columns(rows.text(row, 6)));
  v.version = rows.int64(row, 7);
  v.created_at = from_epoch(rows.int64(row, 8));
  v.updated_at = from_epoch(rows.int64(row, 9));
  return v;
}

}  // namespace

core::Result<core::SavedView> PgIdentityTx::insert_view(const core::SavedView& view,
                                                        sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("INSERT INTO saved_views (owner_id, team_id, kind, name, query, columns,"
                 " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7),"
                 " to_timestamp($7)) RETURNING" +
                     std::string(kViewColumns),
                 {view.owner_id, view.team_id, core::to_string(view.kind), view.name, view.query,
                  view_columns_text(view.columns), epoch(now)}));
  return view_at(rows, 0);
}

core::Result<std::optional<core::SavedView>> PgIdentityTx::find_view(std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT" + std::string(kViewColumns) + " FROM saved_views WHERE id = $1", {id}));
  if (rows.rows() == 0) return std::optional<core::SavedView>();
  RAPPORT_ASSIGN_OR_RETURN(core::SavedView view, view_at(rows, 0));
  return std::optional(std::move(view));
}

core::Result<std::vector<core::SavedView>> PgIdentityTx::list_views(
    core::RecordKind kind, std::int64_t owner_id, std::optional<std::int64_t> team_id) {
  // Byte order of names, as SQLite's: the same list on both engines.
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT" + std::string(kViewColumns) +
                     " FROM saved_views WHERE kind = $1 AND (owner_id = $2 OR team_id = $3)"
                     " ORDER BY name COLLATE \"C\", id",
                 {core::to_string(kind), owner_id, team_id}));
  std::vector<core::SavedView> views;
  views.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row) {
    RAPPORT_ASSIGN_OR_RETURN(core::SavedView view, view_at(rows, row));
    views.push_back(std::move(view));
  }
  return views;
}

core::Result<std::int64_t> PgIdentityTx::count_views(std::int64_t owner_id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("SELECT count(*) FROM saved_views WHERE owner_id = $1", {owner_id}));
  return rows.int64(0, 0);
}

core::Result<core::SavedView> PgIdentityTx::update_view(const core::SavedView& view,
                                                        sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec("UPDATE saved_views SET team_id = $3, name = $4, query = $5, columns = $6,"
                 " version = version + 1, updated_at = to_timestamp($7)"
                 " WHERE id = $1 AND version = $2 RETURNING" +
                     std::string(kViewColumns),
                 {view.id, view.version, view.team_id, view.name, view.query,
                  view_columns_text(view.columns), epoch(now)}));
  if (rows.rows() == 0) return missing_or_stale("saved_views", view.id);
  return view_at(rows, 0);
}

core::Status PgIdentityTx::delete_view(std::int64_t id) {
  RAPPORT_TRY(conn_.exec("DELETE FROM saved_views WHERE id = $1", {id}));
  return core::ok_status();
}

}  // namespace rapport::store::postgres
