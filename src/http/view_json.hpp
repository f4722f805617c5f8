// JSON form of a saved view on the wire, and the fields a client writes (an allowlist; the query
// must parse as a list query, without limit and after).
#pragma once

#include <boost/json.hpp>

#include "core/result.hpp"
#include "core/saved_view.hpp"
#include "services/view_service.hpp"

namespace rapport::http {

// id, kind, name, shared, owner_id, query, columns, version, created_at, updated_at.
boost::json::object view_to_json(const core::SavedView& view);

// POST (`create`: kind allowed) or PATCH body → draft; kInvalid with every field error.
core::Result<services::ViewDraft> view_draft_from_json(const boost::json::object& body,
                                                       bool create);

}  // namespace rapport::http
