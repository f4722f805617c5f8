// The company routes: the record routes over CompanyService and the company JSON mapping.
#include "http/company_routes.hpp"

#include "http/company_json.hpp"
#include "http/record_crud_routes.hpp"

namespace rapport::http {

void add_company_routes(Router& router, services::CompanyService& companies) {
  add_record_routes(router, companies,
                    RecordWire<core::Company>{"/api/v1/companies", company_to_json,
                                              apply_company_json, company_wire_error});
}

}  // namespace rapport::http
