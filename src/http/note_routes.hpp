// The notes API: a contact's or company's timeline under /api/v1/contacts/{id}/notes and
// /api/v1/companies/{id}/notes (list newest first, create), and one note under
// /api/v1/notes/{id} (read, update, delete). Reads carry an ETag (the version); PATCH and DELETE
// require If-Match with it, answering 412 when the note has moved on.
#pragma once

#include "http/router.hpp"
#include "services/note_service.hpp"

namespace rapport::http {

void add_note_routes(Router& router, services::NoteService& notes);

}  // namespace rapport::http
