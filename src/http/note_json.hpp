// Notes on the wire: the JSON a client reads, and the one field it writes (`body`; the parent
// comes from the URL, everything else from the server).
#pragma once

#include <boost/json.hpp>
#include <string>

#include "core/note.hpp"
#include "core/result.hpp"

namespace rapport::http {

// id, version, contact_id or company_id (whichever the note is on), body, created_at,
// created_by, updated_at, updated_by.
boost::json::object note_to_json(const core::Note& note);

// The `body` of a create or update request. kInvalid with every field error: a missing or
// non-string body, any other field (server-owned ones named as such).
core::Result<std::string> note_body_from_json(const boost::json::object& body);

}  // namespace rapport::http
