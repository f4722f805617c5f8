// SqliteIdentityStore::transact and read, and the user and team statements of SqliteIdentityTx.
#include "store/sqlite/sqlite_identity_store.hpp"

#include <string>

#include "store/sqlite/sqlite_time.hpp"

namespace rapport::store::sqlite {
namespace {

#define RAPPORT_USER_COLUMNS                                                                  \
  "id, email, display_name, role, team_id, active, locked, version, created_at, updated_at, " \
  "language, time_zone"
#define RAPPORT_TEAM_COLUMNS "id, name, version, created_at, updated_at"

core::Result<core::User> read_user(const Statement& s) {
  core::User u;
  u.id = s.int64_at(0);
  u.email = s.text_at(1);
  u.display_name = s.text_at(2);
  RAPPORT_ASSIGN_OR_RETURN(u.role, core::parse_role(s.text_at(3)));
  u.team_id = s.optional_int64_at(4);
  u.active = s.int64_at(5) != 0;
  u.locked = s.int64_at(6) != 0;
  u.version = s.int64_at(7);
  u.created_at = time_at(s, 8);
  u.updated_at = time_at(s, 9);
  u.language = s.optional_text_at(10);
  u.time_zone = s.optional_text_at(11);
  return u;
}

core::Team read_team(const Statement& s) {
  return core::Team{s.int64_at(0), s.text_at(1), s.int64_at(2), time_at(s, 3), time_at(s, 4)};
}

}  // namespace

core::Status SqliteIdentityStore::transact(const std::function<core::Status(IdentityTx&)>& work) {
  return db_.write([&](SqliteConnection& conn) {
    SqliteIdentityTx tx(conn);
    return work(tx);
  });
}

core::Status SqliteIdentityStore::read(const std::function<core::Status(IdentityTx&)>& work) {
  return db_.read([&](SqliteConnection& conn) {
    SqliteIdentityTx tx(conn);
    return work(tx);
  });
}

core::Error SqliteIdentityTx::missing_or_stale(std::string_view table, std::int64_t id) {
  // `table` is one of this adapter's literal table names, never input.
  auto s = conn_.prepare("SELECT 1 FROM " + std::string(table) + " WHERE id = ?1");
  if (!s.ok()) return std::move(s).error();
  auto found = s->bind(1, id).step();
  if (!found.ok()) return std::move(found).error();
  if (!*found) return core::Error::not_found(std::string(table) + " not found");
  return core::Error::stale(std::string(table) + " was changed by someone else");
}

core::Result<core::User> SqliteIdentityTx::insert_user(const NewUser& user, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("INSERT INTO users (email, display_name, role, team_id, "
                                 "password_hash, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, "
                                 "?5, ?6, ?6) RETURNING " RAPPORT_USER_COLUMNS));
  s.bind(1, std::string_view(user.email)).bind(2, std::string_view(user.display_name));
  s.bind(3, core::to_string(user.role)).bind(4, user.team_id);
  s.bind(5, std::string_view(user.password_hash)).bind(6, to_epoch(now));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
  if (!row) return core::Error::internal("INSERT … RETURNING gave no row");
  RAPPORT_ASSIGN_OR_RETURN(core::User inserted, read_user(s));
  RAPPORT_TRY(s.run());
  return inserted;
}

core::Result<std::optional<core::User>> SqliteIdentityTx::find_user(std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("SELECT " RAPPORT_USER_COLUMNS " FROM users WHERE id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, id).step());
  if (!row) return std::optional<core::User>();
  RAPPORT_ASSIGN_OR_RETURN(core::User u, read_user(s));
  return std::optional(std::move(u));
}

core::Result<std::optional<UserCredentials>> SqliteIdentityTx::find_user_by_email(
    std::string_view email) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("SELECT " RAPPORT_USER_COLUMNS ", password_hash FROM users WHERE email = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, email).step());
  if (!row) return std::optional<UserCredentials>();
  RAPPORT_ASSIGN_OR_RETURN(core::User u, read_user(s));
  return std::optional(UserCredentials{std::move(u), s.text_at(12)});
}

core::Result<std::vector<core::User>> SqliteIdentityTx::list_users(std::int64_t after_id,
                                                                   int limit) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("SELECT " RAPPORT_USER_COLUMNS
                                         " FROM users WHERE id > ?1 ORDER BY id LIMIT ?2"));
  s.bind(1, after_id).bind(2, std::int64_t{limit});
  std::vector<core::User> users;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return users;
    RAPPORT_ASSIGN_OR_RETURN(core::User u, read_user(s));
    users.push_back(std::move(u));
  }
}

core::Result<core::User> SqliteIdentityTx::update_user(const core::User& user, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare(
          "UPDATE users SET display_name = ?1, role = ?2, team_id = ?3, active = ?4, "
          "locked = ?5, language = ?9, time_zone = ?10, version = version + 1, "
          "updated_at = ?6 WHERE id = ?7 AND version = ?8 RETURNING " RAPPORT_USER_COLUMNS));
  s.bind(1, std::string_view(user.display_name)).bind(2, core::to_string(user.role));
  s.bind(3, user.team_id).bind(4, std::int64_t{user.active}).bind(5, std::int64_t{user.locked});
  s.bind(6, to_epoch(now)).bind(7, user.id).bind(8, user.version);
  s.bind(9, user.language).bind(10, user.time_zone);
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
  if (!row) return missing_or_stale("users", user.id);
  RAPPORT_ASSIGN_OR_RETURN(core::User updated, read_user(s));
  RAPPORT_TRY(s.run());
  return updated;
}

core::Status SqliteIdentityTx::set_password_hash(std::int64_t user_id, std::string_view hash,
                                                 sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s,
      conn_.prepare("UPDATE users SET password_hash = ?1, updated_at = ?2 WHERE id = ?3"));
  RAPPORT_TRY(s.bind(1, hash).bind(2, to_epoch(now)).bind(3, user_id).run());
  if (conn_.changes() == 0) return core::Error::not_found("users not found");
  return core::ok_status();
}

core::Result<std::int64_t> SqliteIdentityTx::count_active_admins() {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("SELECT count(*) FROM users WHERE role = 'admin' AND active = 1"));
  RAPPORT_TRY(s.step());
  return s.int64_at(0);
}

core::Result<core::Team> SqliteIdentityTx::insert_team(std::string_view name, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("INSERT INTO teams (name, created_at, updated_at) "
                                         "VALUES (?1, ?2, ?2) RETURNING " RAPPORT_TEAM_COLUMNS));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, name).bind(2, to_epoch(now)).step());
  if (!row) return core::Error::internal("INSERT … RETURNING gave no row");
  core::Team team = read_team(s);
  RAPPORT_TRY(s.run());
  return team;
}

core::Result<std::optional<core::Team>> SqliteIdentityTx::find_team(std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(
      Statement s, conn_.prepare("SELECT " RAPPORT_TEAM_COLUMNS " FROM teams WHERE id = ?1"));
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(1, id).step());
  if (!row) return std::optional<core::Team>();
  return std::optional(read_team(s));
}

core::Result<std::vector<core::Team>> SqliteIdentityTx::list_teams(std::int64_t after_id,
                                                                   int limit) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("SELECT " RAPPORT_TEAM_COLUMNS
                                         " FROM teams WHERE id > ?1 ORDER BY id LIMIT ?2"));
  s.bind(1, after_id).bind(2, std::int64_t{limit});
  std::vector<core::Team> teams;
  for (;;) {
    RAPPORT_ASSIGN_OR_RETURN(bool row, s.step());
    if (!row) return teams;
    teams.push_back(read_team(s));
  }
}

core::Result<core::Team> SqliteIdentityTx::update_team(const core::Team& team, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("UPDATE teams SET name = ?1, version = version + 1, "
                                         "updated_at = ?2 WHERE id = ?3 AND version = ?4 "
                                         "RETURNING " RAPPORT_TEAM_COLUMNS));
  s.bind(1, std::string_view(team.name)).bind(2, to_epoch(now)).bind(3, team.id);
  RAPPORT_ASSIGN_OR_RETURN(bool row, s.bind(4, team.version).step());
  if (!row) return missing_or_stale("teams", team.id);
  core::Team updated = read_team(s);
  RAPPORT_TRY(s.run());
  return updated;
}

core::Status SqliteIdentityTx::delete_team(std::int64_t id, std::int64_t version) {
  {
    RAPPORT_ASSIGN_OR_RETURN(Statement used,
                             conn_.prepare("SELECT (SELECT count(*) FROM users WHERE team_id = ?1),"
                                           " (SELECT count(*) FROM contacts WHERE team_id = ?1),"
                                           " (SELECT count(*) FROM companies WHERE team_id = ?1)"));
    RAPPORT_ASSIGN_OR_RETURN(bool counted, used.bind(1, id).step());
    if (!counted) return core::Error::internal("the team usage query returned no row");
    const TeamUsage usage{used.int64_at(0), used.int64_at(1), used.int64_at(2)};
    if (usage.members + usage.contacts + usage.companies > 0) return team_in_use_error(usage);
  }
  RAPPORT_ASSIGN_OR_RETURN(Statement s,
                           conn_.prepare("DELETE FROM teams WHERE id = ?1 AND version = ?2"));
  RAPPORT_TRY(s.bind(1, id).bind(2, version).run());
  if (conn_.changes() == 0) return missing_or_stale("teams", id);
  return core::ok_status();
}

#undef RAPPORT_USER_COLUMNS
#undef RAPPORT_TEAM_COLUMNS

}  // namespace rapport::store::sqlite
