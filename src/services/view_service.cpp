// Saved-view use cases.
#include "services/view_service.hpp"

namespace rapport::services {
namespace {

bool sees(const Caller& caller, const core::SavedView& view) {
  return view.owner_id == caller.user_id || (view.team_id && view.team_id == caller.team_id);
}

core::Status may_write(const Caller& caller) {
  if (caller.read_only_token) {
    return core::Error::forbidden("this API token may only read; its scope is read");
  }
  return core::ok_status();
}

// The view `id` as `caller` sees it: kNotFound for one they may not see, so that ids of other
// people's private views give nothing away.
core::Result<core::SavedView> require_view(store::IdentityTx& tx, const Caller& caller,
                                           std::int64_t id) {
  RAPPORT_ASSIGN_OR_RETURN(auto view, tx.find_view(id));
  if (!view || !sees(caller, *view)) return core::Error::not_found("no such view");
  return std::move(*view);
}

core::Status may_change(const Caller& caller, const core::SavedView& view) {
  if (view.owner_id == caller.user_id || caller.role == core::Role::kAdmin) {
    return core::ok_status();
  }
  return core::Error::forbidden("only the owner of a view or an admin may change it");
}

// Applies the draft's name, sharing (with `owner_team`, the owner's team), query and columns to
// `view`, collecting every field error.
core::Status apply(const ViewDraft& draft, std::optional<std::int64_t> owner_team,
                   core::SavedView& view) {
  std::vector<core::FieldError> errors;
  if (draft.name) {
    auto name = core::normalize_view_name(*draft.name);
    if (name.ok()) {
      view.name = std::move(name).value();
    } else {
      errors.push_back(name.error().fields[0]);
    }
  }
  if (draft.shared) {
    if (*draft.shared && !owner_team) {
      errors.push_back({"shared", "a view is shared with its owner's team, and they are in none"});
    }
    view.team_id = *draft.shared ? owner_team : std::nullopt;
  }
  if (draft.query) {
    if (draft.query->size() > core::kMaxViewQueryBytes) {
      errors.push_back({"query", "is longer than 4096 bytes"});
    }
    view.query = *draft.query;
  }
  if (draft.columns) {
    if (auto checked = core::check_view_columns(*draft.columns); !checked.ok()) {
      errors.push_back(checked.error().fields[0]);
    }
    view.columns = *draft.columns;
  }
  if (!errors.empty()) return core::Error::invalid("the view is not valid", std::move(errors));
  return core::ok_status();
}

}  // namespace

core::Result<core::SavedView> ViewService::create(const Caller& caller, const ViewDraft& draft) {
  RAPPORT_TRY(may_write(caller));
  std::vector<core::FieldError> missing;
  for (auto [field, present] : {std::pair{"kind", draft.kind.has_value()},
                                {"name", draft.name.has_value()},
                                {"query", draft.query.has_value()}}) {
    if (!present) missing.push_back({field, "is required"});
  }
  if (!missing.empty()) return core::Error::invalid("the view is not valid", std::move(missing));
  core::SavedView view;
  view.owner_id = caller.user_id;
  view.kind = *draft.kind;
  RAPPORT_TRY(apply(draft, caller.team_id, view));
  const auto now = clock_();
  std::optional<core::SavedView> created;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(std::int64_t held, tx.count_views(caller.user_id));
    if (held >= core::kMaxViewsPerUser) {
      return core::Error::conflict("you keep " + std::to_string(held) +
                                   " views already; delete one first");
    }
    RAPPORT_ASSIGN_OR_RETURN(auto own, tx.list_views(view.kind, caller.user_id, std::nullopt));
    for (const core::SavedView& other : own) {
      if (other.name == view.name) {
        return core::Error::field("name", "you have a view of that name already");
      }
    }
    RAPPORT_ASSIGN_OR_RETURN(created, tx.insert_view(view, now));
    return core::ok_status();
  }));
  return std::move(*created);
}

core::Result<std::vector<core::SavedView>> ViewService::list(const Caller& caller,
                                                             core::RecordKind kind) {
  std::vector<core::SavedView> views;
  RAPPORT_TRY(store_.read([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(views, tx.list_views(kind, caller.user_id, caller.team_id));
    return core::ok_status();
  }));
  return views;
}

core::Result<core::SavedView> ViewService::get(const Caller& caller, std::int64_t id) {
  std::optional<core::SavedView> found;
  RAPPORT_TRY(store_.read([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(found, require_view(tx, caller, id));
    return core::ok_status();
  }));
  return std::move(*found);
}

core::Result<core::SavedView> ViewService::update(const Caller& caller, std::int64_t id,
                                                  std::int64_t version, const ViewDraft& draft) {
  RAPPORT_TRY(may_write(caller));
  if (draft.kind) return core::Error::field("kind", "cannot be changed");
  const auto now = clock_();
  std::optional<core::SavedView> updated;
  RAPPORT_TRY(store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::SavedView view, require_view(tx, caller, id));
    RAPPORT_TRY(may_change(caller, view));
    if (view.version != version) return core::Error::stale("the view was changed meanwhile");
    RAPPORT_ASSIGN_OR_RETURN(auto owner, tx.find_user(view.owner_id));
    RAPPORT_TRY(apply(draft, owner ? owner->team_id : std::nullopt, view));
    RAPPORT_ASSIGN_OR_RETURN(updated, tx.update_view(view, now));
    return core::ok_status();
  }));
  return std::move(*updated);
}

core::Status ViewService::remove(const Caller& caller, std::int64_t id, std::int64_t version) {
  RAPPORT_TRY(may_write(caller));
  return store_.transact([&](store::IdentityTx& tx) -> core::Status {
    RAPPORT_ASSIGN_OR_RETURN(core::SavedView view, require_view(tx, caller, id));
    RAPPORT_TRY(may_change(caller, view));
    if (view.version != version) return core::Error::stale("the view was changed meanwhile");
    return tx.delete_view(id);
  });
}

}  // namespace rapport::services
