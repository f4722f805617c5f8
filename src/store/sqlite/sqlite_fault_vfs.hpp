// A SQLite VFS over the default one whose file writes and syncs the fault injection seam can fail.
#pragma once

#include "core/result.hpp"

namespace rapport::store::sqlite {

// Registers, once, a VFS that passes every call to the default VFS except xWrite and xSync,
// which it first counts with the fault injection seam (store/fault_injection.hpp,
// Counted::kFileWrites) and fails when told: SQLITE_FULL for Failure::kUnavailable (a full
// disk), SQLITE_IOERR_WRITE or SQLITE_IOERR_FSYNC for kIoError. It becomes the default VFS, so
// connections opened afterwards use it; for tests only (the server never installs it).
core::Status install_fault_vfs();

}  // namespace rapport::store::sqlite
