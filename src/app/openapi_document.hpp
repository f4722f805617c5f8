// The API's OpenAPI 3.1 document (api/openapi.yaml), compiled into the binary.
#pragma once

#include <string_view>

namespace rapport::app {

// The YAML text of api/openapi.yaml as it was when the binary was built.
std::string_view openapi_document();

}  // namespace rapport::app
