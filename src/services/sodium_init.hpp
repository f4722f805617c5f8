// One-time libsodium initialisation for the units that use it.
#pragma once

namespace rapport::services {

// Initialises libsodium once per process (thread-safe, idempotent). Throws std::runtime_error
// if libsodium cannot initialise (no usable random source): a broken environment, not bad input.
void ensure_sodium();

}  // namespace rapport::services
