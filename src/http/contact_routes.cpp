// The contact routes: the record routes over ContactService and the contact JSON mapping.
#include "http/contact_routes.hpp"

#include "http/contact_json.hpp"
#include "http/record_crud_routes.hpp"

namespace rapport::http {

void add_contact_routes(Router& router, services::ContactService& contacts) {
  add_record_routes(
      router, contacts,
      RecordWire<core::Contact>{"/api/v1/contacts", contact_to_json, apply_contact_json});
}

}  // namespace rapport::http
