// The timeline API: GET /api/v1/{collection}/{id}/timeline for every kind whose descriptor has
// core::kTimeline, in keyset pages ({"items", "next"}) newest first. Each item is
// {"type": "note"|"change", "at", "id"} with the note or the change under its type's name.
#pragma once

#include "http/router.hpp"
#include "services/timeline_service.hpp"

namespace rapport::http {

void add_timeline_routes(Router& router, services::TimelineService& timelines);

}  // namespace rapport::http
