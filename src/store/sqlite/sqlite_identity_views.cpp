// The saved-view statements of SqliteIdentityTx.
#include <string>

#include "store/sqlite/sqlite_identity_store.hpp"
#include "store/sqlite/sqlite_time.hpp"

namespace rapport::store::sqlite {
namespace {

#define RAPPORT_VIEW_COLUMNS \
  "id, owner_id, team_id, kind, name, query, columns, version, created_at, updated_at"

core::Result<core::SavedView> read_view(const Statement& s) {
  core::SavedView v;
  v.id = s.int64_at(0);
  v.owner_id = s.int64_at(1);
  v.team_id = s.optional_int64_at(2);
  RAPPORT_ASSIGN_OR_RETURN(v.kind, core::parse_record_kind(s.text_at(3)));
  v.name = s.text_at(4);
  v.query = s.text_at(5);
  RAPPORT_ASSIGN_OR_RETURN(v.columns, parse_view_columns(s.text_at(6)));
  v.version = s.int64_at(7);
  v.created_at = time_at(s, 8);
  v.updated_at = time_at(s, 9);
  return v;
}

}  // namespace

core::Result<core::SavedView> SqliteIdentityTx::insert_view(const core::SavedView& view,
                                                            sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("INSERT INTO saved_views (owner_id, team_id, kind, name, query, "
                                 "columns, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
                                 "?6, ?7, ?7) RETURNING " RAPPORT_VIEW_COLUMNS));
  s.bind(1, view.owner_id).bind(2, view.team_id).bind(3, core::to_string(view.kind));
  s.bind(4, std::string_view(view.name)).bind(5, std::string_view(view.query));
  s.bind(6, view_columns_text(view.columns)).bind(7, to_epoch(now));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
  if (!row) return core::Error::internal("insert returned no row");
  RAPPORT_ASSIGN_OR_RETURN(core::SavedView inserted, read_view(s));
  RAPPORT_TRY(s.run());
  return inserted;
}

core::Result<std::optional<core::SavedView>> SqliteIdentityTx::find_view(std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("SELECT " RAPPORT_VIEW_COLUMNS " FROM saved_views WHERE id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, id).step());
  if (!row) return std::optional<core::SavedView>();
  RAPPORT_ASSIGN_OR_RETURN(core::SavedView view, read_view(s));
  return std::optional(std::move(view));
}

core::Result<std::vector<core::SavedView>> SqliteIdentityTx::list_views(
    core::RecordKind kind, std::int64_t owner_id, std::optional<std::int64_t> team_id) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("SELECT " RAPPORT_VIEW_COLUMNS " FROM saved_views WHERE kind = ?1 AND "
                    "(owner_id = ?2 OR team_id = ?3) ORDER BY name, id"));
  s.bind(1, core::to_string(kind)).bind(2, owner_id).bind(3, team_id);
  std::vector<core::SavedView> views;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return views;
    RAPPORT_ASSIGN_OR_RETURN(core::SavedView view, read_view(s));
    views.push_back(std::move(view));
  }
}

core::Result<std::int64_t> SqliteIdentityTx::count_views(std::int64_t owner_id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("SELECT count(*) FROM saved_views WHERE owner_id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, owner_id).step());
  return row ? s.int64_at(0) : 0;
}

core::Result<core::SavedView> SqliteIdentityTx::update_view(const core::SavedView& view,
                                                            sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("UPDATE saved_views SET team_id = ?1, name = ?2, query = ?3, columns = ?4, "
                    "version = version + 1, updated_at = ?5 WHERE id = ?6 AND version = ?7 "
                    "RETURNING " RAPPORT_VIEW_COLUMNS));
  s.bind(1, view.team_id).bind(2, std::string_view(view.name));
  s.bind(3, std::string_view(view.query)).bind(4, view_columns_text(view.columns));
  s.bind(5, to_epoch(now)).bind(6, view.id).bind(7, view.version);
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
  if (!row) return missing_or_stale("saved_views", view.id);
  RAPPORT_ASSIGN_OR_RETURN(core::SavedView updated, read_view(s));
  RAPPORT_TRY(s.run());
  return updated;
}

core::Status SqliteIdentityTx::delete_view(std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s, conn_.prepare("DELETE FROM saved_views WHERE id = ?1"));
  return s.bind(1, id).run();
}

}  // namespace rapport::store::sqlite
