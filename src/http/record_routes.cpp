// Helpers shared by the contact, company and custom field routes.
#include "http/record_routes.hpp"

#include <boost/json/object.hpp>

namespace rapport::http {

Response with_etag(Response response, std::int64_t version) {
  response.set_etag(std::to_string(version));
  return response;
}

core::Result<std::int64_t> required_version(
    const Request& request, const std::function<core::Result<std::int64_t>()>& current) {
  RAPPORT_ASSIGN_OR_RETURN(auto version, request.if_match_version());
  if (version) return *version;
  if (request.header("If-Match") == std::optional<std::string_view>("*")) return current();
  return core::Error::field("If-Match", "is required: send the ETag of the version you read");
}

core::Result<store::Shelf> shelf_param(const Request& request) {
  RAPPORT_ASSIGN_OR_RETURN(auto shelf_text, request.query_param("shelf"));
  if (!shelf_text || *shelf_text == "live") return store::Shelf::kLive;
  if (*shelf_text == "trash") return store::Shelf::kTrash;
  return core::Error::field("shelf", "must be live or trash");
}

Response page_response(boost::json::array items, const std::string& next) {
  boost::json::object out;
  out["items"] = std::move(items);
  if (next.empty()) {
    out["next"] = nullptr;
  } else {
    out["next"] = next;
  }
  return Response::json(out);
}

}  // namespace rapport::http
