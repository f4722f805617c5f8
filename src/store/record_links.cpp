// The messages both engines give for links.
#include "store/record_links.hpp"

#include <string>

namespace rapport::store {

core::Error missing_company_link(std::size_t index) {
  return core::Error::field("companies/" + std::to_string(index) + "/company_id",
                            "no such company");
}

}  // namespace rapport::store
