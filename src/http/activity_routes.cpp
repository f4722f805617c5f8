// The activity routes: the record routes over ActivityService and the activity JSON mapping.
#include "http/activity_routes.hpp"

#include "http/activity_json.hpp"
#include "http/record_crud_routes.hpp"

namespace rapport::http {

void add_activity_routes(Router& router, services::ActivityService& activities) {
  add_record_routes(
      router, activities,
      RecordWire<core::Activity>{"/api/v1/activities", activity_to_json, apply_activity_json});
}

}  // namespace rapport::http
