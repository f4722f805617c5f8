// The routes every kind of versioned customer record has (contacts, companies), written once over
// the kind's service and JSON mapping: list/search, create, read, update, trash, restore, erase.
// Reads carry an ETag (the version); PATCH, DELETE and restore require If-Match with it (or `*`).
#pragma once

#include <boost/json/object.hpp>

#include <string>
#include <utility>

#include "core/result.hpp"
#include "http/auth_middleware.hpp"
#include "http/json_input.hpp"
#include "http/list_query_parser.hpp"
#include "http/record_routes.hpp"
#include "http/router.hpp"
#include "services/record_access.hpp"

namespace rapport::http {

// How one kind of record crosses the wire.
template <class Record>
struct RecordWire {
  std::string base;  // "/api/v1/contacts"
  boost::json::object (*to_json)(const Record&);
  core::Status (*apply)(const boost::json::object&, Record&, services::FieldSet&);
  // Renames the service's field errors to the wire's names.
  core::Error (*wire_error)(core::Error) = [](core::Error e) { return e; };
};

// `Service` has the use cases of services::ContactService: create, get, list, update, trash,
// restore and erase, with the same parameters for its own Record.
template <class Service, class Record>
void add_record_routes(Router& router, Service& service, RecordWire<Record> wire) {
  auto on_wire = [wire](auto result) -> decltype(result) {
    if (!result.ok()) return wire.wire_error(std::move(result).error());
    return result;
  };
  // The version a write names, `*` being the one the caller can read now.
  auto write_version = [&service](const Request& request, const services::Caller& caller,
                                  std::int64_t id) {
    return required_version(request, [&]() -> core::Result<std::int64_t> {
      RAPPORT_ASSIGN_OR_RETURN(auto record, service.get(caller, id));
      return record.meta.version;
    });
  };
  auto with_etag = [](Response response, const Record& record) {
    return http::with_etag(std::move(response), record.meta.version);
  };
  const std::string& base = wire.base;
  router.get(base, [&service, wire](Request& request) -> core::Result<Response> {
    RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
    RAPPORT_ASSIGN_OR_RETURN(auto query, parse_list_query(request.query, {"shelf"}));
    RAPPORT_ASSIGN_OR_RETURN(auto shelf, shelf_param(request));
    RAPPORT_ASSIGN_OR_RETURN(auto page, service.list(caller, query, shelf));
    boost::json::array items;
    for (const auto& record : page.items) items.push_back(wire.to_json(record));
    return page_response(std::move(items), page.next);
  });
  router.post(base,
              [&service, wire, on_wire, with_etag](Request& request) -> core::Result<Response> {
                RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
                RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
                Record draft;
                services::FieldSet supplied;
                RAPPORT_TRY(wire.apply(body, draft, supplied));
                RAPPORT_ASSIGN_OR_RETURN(
                    auto created, on_wire(service.create(caller, std::move(draft), supplied)));
                auto response = Response::json(wire.to_json(created), Status::created);
                response.set_header("Location", wire.base + "/" + std::to_string(created.id));
                return with_etag(std::move(response), created);
              });
  router.get(base + "/{id}",
             [&service, wire, with_etag](Request& request) -> core::Result<Response> {
               RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
               RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
               RAPPORT_ASSIGN_OR_RETURN(auto record, service.get(caller, id));
               return with_etag(Response::json(wire.to_json(record)), record);
             });
  router.patch(base + "/{id}",
               [&service, wire, on_wire, with_etag,
                write_version](Request& request) -> core::Result<Response> {
                 RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
                 RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
                 RAPPORT_ASSIGN_OR_RETURN(auto version, write_version(request, caller, id));
                 RAPPORT_ASSIGN_OR_RETURN(auto body, parse_json_object(request.body));
                 services::FieldSet supplied;
                 RAPPORT_ASSIGN_OR_RETURN(
                     auto updated,
                     on_wire(service.update(caller, id, version, supplied, [&](Record& record) {
                       return wire.apply(body, record, supplied);
                     })));
                 return with_etag(Response::json(wire.to_json(updated)), updated);
               },
               kVersionedWrite);
  router.del(
      base + "/{id}",
      [&service, write_version](Request& request) -> core::Result<Response> {
        RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
        RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
        RAPPORT_ASSIGN_OR_RETURN(auto version, write_version(request, caller, id));
        RAPPORT_TRY(service.trash(caller, id, version));
        return Response::no_content();
      },
      kVersionedWrite);
  router.post(
      base + "/{id}/restore",
      [&service, wire, with_etag, write_version](Request& request) -> core::Result<Response> {
        RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
        RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
        RAPPORT_ASSIGN_OR_RETURN(auto version, write_version(request, caller, id));
        RAPPORT_ASSIGN_OR_RETURN(auto restored, service.restore(caller, id, version));
        return with_etag(Response::json(wire.to_json(restored)), restored);
      },
      kVersionedWrite);
  router.post(base + "/{id}/erase", [&service](Request& request) -> core::Result<Response> {
    RAPPORT_ASSIGN_OR_RETURN(auto caller, require_caller(request));
    RAPPORT_ASSIGN_OR_RETURN(auto id, request.id_param("id"));
    RAPPORT_TRY(service.erase(caller, id));
    return Response::no_content();
  });
}

}  // namespace rapport::http
