// Users and teams in PostgreSQL.
#include <string>

#include "store/postgres/pg_identity_store.hpp"
#include "store/postgres/pg_time.hpp"

namespace rapport::store::postgres {

namespace {

constexpr std::string_view kUserColumns =
    "id, email, display_name, role, team_id, active, locked, version,"
    " extract(epoch FROM created_at)::bigint, extract(epoch FROM updated_at)::bigint,"
    " language, time_zone";
constexpr int kPasswordColumn = 12;  // selected after kUserColumns where needed

constexpr std::string_view kTeamColumns =
    "id, name, version, extract(epoch FROM created_at)::bigint,"
    " extract(epoch FROM updated_at)::bigint";

std::string sql(std::string_view head, std::string_view columns, std::string_view tail) {
  return std::string(head) + std::string(columns) + std::string(tail);
}

core::Result<core::User> user_at(const PgResult& rows, int row) {
  core::User user;
  user.id = rows.int64(row, 0);
  user.email = rows.text(row, 1);
  user.display_name = rows.text(row, 2);
  RAPPORT_ASSIGN_OR_RETURN(user.role, core::parse_role(rows.text(row, 3)));
  user.team_id = rows.optional_int64(row, 4);
  user.active = rows.boolean(row, 5);
  user.locked = rows.boolean(row, 6);
  user.version = rows.int64(row, 7);
  user.created_at = from_epoch(rows.int64(row, 8));
  user.updated_at = from_epoch(rows.int64(row, 9));
  user.language = rows.optional_text(row, 10);
  user.time_zone = rows.optional_text(row, 11);
  return user;
}

core::Team team_at(const PgResult& rows, int row) {
  core::Team team;
  team.id = rows.int64(row, 0);
  team.name = rows.text(row, 1);
  team.version = rows.int64(row, 2);
  team.created_at = from_epoch(rows.int64(row, 3));
  team.updated_at = from_epoch(rows.int64(row, 4));
  return team;
}

}  // namespace

core::Result<core::User> PgIdentityTx::insert_user(const NewUser& user, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("INSERT INTO users (email, display_name, role, team_id, password_hash,"
                     " created_at, updated_at) VALUES ($1, $2, $3, $4, $5, to_timestamp($6),"
                     " to_timestamp($6)) RETURNING ",
                     kUserColumns, ""),
                 {user.email, user.display_name, core::to_string(user.role), user.team_id,
                  user.password_hash, epoch(now)}));
  return user_at(rows, 0);
}

core::Result<std::optional<core::User>> PgIdentityTx::find_user(std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn_.exec(sql("SELECT ", kUserColumns, " FROM users WHERE id = $1"), {id}));
  if (rows.rows() == 0) return std::optional<core::User>();
  RAPPORT_ASSIGN_OR_RETURN(core::User user, user_at(rows, 0));
  return std::optional<core::User>(std::move(user));
}

core::Result<std::optional<UserCredentials>> PgIdentityTx::find_user_by_email(
    std::string_view email) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("SELECT ", kUserColumns, ", password_hash FROM users WHERE email = $1"),
                 {email}));
  if (rows.rows() == 0) return std::optional<UserCredentials>();
  RAPPORT_ASSIGN_OR_RETURN(core::User user, user_at(rows, 0));
  return std::optional<UserCredentials>(
      UserCredentials{std::move(user), std::string(rows.text(0, kPasswordColumn))});
}

core::Result<std::vector<core::User>> PgIdentityTx::list_users(std::int64_t after_id, int limit) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("SELECT ", kUserColumns, " FROM users WHERE id > $1 ORDER BY id LIMIT $2"),
                 {after_id, limit}));
  std::vector<core::User> users;
  users.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row) {
    RAPPORT_ASSIGN_OR_RETURN(core::User user, user_at(rows, row));
    users.push_back(std::move(user));
  }
  return users;
}

core::Result<core::User> PgIdentityTx::update_user(const core::User& user, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(
          sql("UPDATE users SET display_name = $3, role = $4, team_id = $5, active = $6,"
              " locked = $7, language = $9, time_zone = $10, version = version + 1,"
              " updated_at = to_timestamp($8) WHERE id = $1 AND version = $2 RETURNING ",
              kUserColumns, ""),
          {user.id, user.version, user.display_name, core::to_string(user.role), user.team_id,
           user.active, user.locked, epoch(now), user.language, user.time_zone}));
  if (rows.rows() == 0) return missing_or_stale("users", user.id);
  return user_at(rows, 0);
}

core::Status PgIdentityTx::set_password_hash(std::int64_t user_id, std::string_view hash,
                                             sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn_.exec("UPDATE users SET password_hash = $2, updated_at = to_timestamp($3)"
                                " WHERE id = $1",
                                {user_id, hash, epoch(now)}));
  if (rows.affected_rows() == 0) return core::Error::not_found("users not found");
  return core::ok_status();
}

core::Result<std::int64_t> PgIdentityTx::count_active_admins() {
  RAPPORT_ASSIGN_OR_RETURN(PgResult rows,
                           conn_.exec("SELECT count(*) FROM users WHERE role = $1 AND active",
                                      {core::to_string(core::Role::kAdmin)}));
  return rows.int64(0, 0);
}

core::Result<core::Team> PgIdentityTx::insert_team(std::string_view name, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn_.exec(sql("INSERT INTO teams (name, created_at, updated_at)"
                                    " VALUES ($1, to_timestamp($2), to_timestamp($2)) RETURNING ",
                                    kTeamColumns, ""),
                                {name, epoch(now)}));
  return team_at(rows, 0);
}

core::Result<std::optional<core::Team>> PgIdentityTx::find_team(std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn_.exec(sql("SELECT ", kTeamColumns, " FROM teams WHERE id = $1"), {id}));
  if (rows.rows() == 0) return std::optional<core::Team>();
  return std::optional<core::Team>(team_at(rows, 0));
}

core::Result<std::vector<core::Team>> PgIdentityTx::list_teams(std::int64_t after_id, int limit) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("SELECT ", kTeamColumns, " FROM teams WHERE id > $1 ORDER BY id LIMIT $2"),
                 {after_id, limit}));
  std::vector<core::Team> teams;
  teams.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row) teams.push_back(team_at(rows, row));
  return teams;
}

core::Result<core::Team> PgIdentityTx::update_team(const core::Team& team, sys_seconds now) {
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows,
      conn_.exec(sql("UPDATE teams SET name = $3, version = version + 1,"
                     " updated_at = to_timestamp($4) WHERE id = $1 AND version = $2 RETURNING ",
                     kTeamColumns, ""),
                 {team.id, team.version, team.name, epoch(now)}));
  if (rows.rows() == 0) return missing_or_stale("teams", team.id);
  return team_at(rows, 0);
}

core::Status PgIdentityTx::delete_team(std::int64_t id, std::int64_t version) {
  // FOR UPDATE on the team row: a concurrent user insert or update naming the team (its foreign
  // key takes a share lock on the row) waits for this delete instead of slipping in between the
  // count and the delete. Contacts and companies carry no such key; a record moved into the team
  // in that instant keeps an id that no new team will ever get.
  RAPPORT_ASSIGN_OR_RETURN(PgResult used,
                           conn_.exec("SELECT (SELECT count(*) FROM users WHERE team_id = $1),"
                                      " (SELECT count(*) FROM contacts WHERE team_id = $1),"
                                      " (SELECT count(*) FROM companies WHERE team_id = $1)"
                                      " FROM teams WHERE id = $1 FOR UPDATE",
                                      {id}));
  if (used.rows() == 1) {
    const TeamUsage usage{used.int64(0, 0), used.int64(0, 1), used.int64(0, 2)};
    if (usage.members + usage.contacts + usage.companies > 0) return team_in_use_error(usage);
  }
  RAPPORT_ASSIGN_OR_RETURN(
      PgResult rows, conn_.exec("DELETE FROM teams WHERE id = $1 AND version = $2", {id, version}));
  if (rows.affected_rows() == 0) return missing_or_stale("teams", id);
  return core::ok_status();
}

}  // namespace rapport::store::postgres
