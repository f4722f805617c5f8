// Saved views of lists: every signed-in user keeps their own and may share one with their team;
// the owner, or an admin of that team, changes and deletes it. A view holds no customer data, only
// how a list is filtered, sorted and shown, so reading one needs no record permission.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "core/saved_view.hpp"
#include "services/caller.hpp"
#include "store/identity_store.hpp"

namespace rapport::services {

// A view as a client writes it. On update, unset members stay as they are.
struct ViewDraft {
  std::optional<core::RecordKind> kind;  // create only
  std::optional<std::string> name;
  std::optional<bool> shared;
  std::optional<std::string> query;  // already checked as a list query by the caller
  std::optional<std::vector<std::string>> columns;
};

class ViewService {
 public:
  ViewService(store::IdentityStore& store, Clock clock) : store_(store), clock_(std::move(clock)) {}

  // Creates a view owned by the caller (kind, name and query required); shared views are shared
  // with the caller's team (kInvalid on "shared" without one); kConflict when the caller has a
  // view of that name for the kind or holds kMaxViewsPerUser views; kForbidden for a read-scoped
  // token.
  core::Result<core::SavedView> create(const Caller& caller, const ViewDraft& draft);

  // The views of `kind` the caller sees: their own and their team's shared ones, by name.
  core::Result<std::vector<core::SavedView>> list(const Caller& caller, core::RecordKind kind);

  // One view the caller sees; kNotFound otherwise (someone else's private view included).
  core::Result<core::SavedView> get(const Caller& caller, std::int64_t id);

  // Changes a view at `version` (kStale otherwise); only its owner, or an admin who sees it
  // (kForbidden); sharing shares with the owner's team.
  core::Result<core::SavedView> update(const Caller& caller, std::int64_t id, std::int64_t version,
                                       const ViewDraft& draft);

  // Deletes a view at `version`; only its owner, or an admin who sees it.
  core::Status remove(const Caller& caller, std::int64_t id, std::int64_t version);

 private:
  store::IdentityStore& store_;
  Clock clock_;
};

}  // namespace rapport::services
