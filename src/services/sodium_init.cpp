// libsodium initialisation.
#include "services/sodium_init.hpp"

#include <sodium.h>

#include <stdexcept>

namespace rapport::services {

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

}  // namespace rapport::services
