// The fault VFS: the default VFS's files, wrapped so that writes and syncs can fail.
#include "store/sqlite/sqlite_fault_vfs.hpp"

#include <sqlite3.h>

#include <mutex>
#include <string>

#include "store/fault_injection.hpp"

namespace rapport::store::sqlite {
namespace {

sqlite3_vfs* real_vfs = nullptr;
sqlite3_vfs fault_vfs{};
sqlite3_io_methods fault_methods{};

// Our file: the methods pointer SQLite reads, what the file is, then the real VFS's file.
struct FaultFile {
  sqlite3_file base;
  const char* kind;
  sqlite3_file* real() { return reinterpret_cast<sqlite3_file*>(this + 1); }
};

FaultFile* cast(sqlite3_file* f) { return reinterpret_cast<FaultFile*>(f); }
sqlite3_file* real(sqlite3_file* f) { return cast(f)->real(); }

const char* kind_of(int flags) {
  if (flags & SQLITE_OPEN_MAIN_DB) return "database";
  if (flags & SQLITE_OPEN_WAL) return "WAL";
  if (flags & SQLITE_OPEN_MAIN_JOURNAL) return "journal";
  return "temporary file";
}

// The result the seam asks for, or SQLITE_OK.
int injected(sqlite3_file* f, const char* what, int io_error) {
  fault::Failure failure{};
  const bool fail = fault::should_fail([&] { return std::string(what) + " " + cast(f)->kind; },
                                       failure, fault::Counted::kFileWrites);
  if (!fail) return SQLITE_OK;
  return failure == fault::Failure::kUnavailable ? SQLITE_FULL : io_error;
}

int x_close(sqlite3_file* f) { return real(f)->pMethods->xClose(real(f)); }
int x_read(sqlite3_file* f, void* data, int amount, sqlite3_int64 offset) {
  return real(f)->pMethods->xRead(real(f), data, amount, offset);
}
int x_write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
  if (const int rc = injected(f, "write", SQLITE_IOERR_WRITE)) return rc;
  return real(f)->pMethods->xWrite(real(f), data, amount, offset);
}
int x_truncate(sqlite3_file* f, sqlite3_int64 size) {
  return real(f)->pMethods->xTruncate(real(f), size);
}
int x_sync(sqlite3_file* f, int flags) {
  if (const int rc = injected(f, "sync", SQLITE_IOERR_FSYNC)) return rc;
  return real(f)->pMethods->xSync(real(f), flags);
}
int x_file_size(sqlite3_file* f, sqlite3_int64* size) {
  return real(f)->pMethods->xFileSize(real(f), size);
}
int x_lock(sqlite3_file* f, int lock) { return real(f)->pMethods->xLock(real(f), lock); }
int x_unlock(sqlite3_file* f, int lock) { return real(f)->pMethods->xUnlock(real(f), lock); }
int x_check_reserved_lock(sqlite3_file* f, int* out) {
  return real(f)->pMethods->xCheckReservedLock(real(f), out);
}
int x_file_control(sqlite3_file* f, int op, void* arg) {
  return real(f)->pMethods->xFileControl(real(f), op, arg);
}
int x_sector_size(sqlite3_file* f) { return real(f)->pMethods->xSectorSize(real(f)); }
int x_device_characteristics(sqlite3_file* f) {
  return real(f)->pMethods->xDeviceCharacteristics(real(f));
}
int x_shm_map(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return real(f)->pMethods->xShmMap(real(f), page, size, extend, out);
}
int x_shm_lock(sqlite3_file* f, int offset, int n, int flags) {
  return real(f)->pMethods->xShmLock(real(f), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* f) { real(f)->pMethods->xShmBarrier(real(f)); }
int x_shm_unmap(sqlite3_file* f, int delete_flag) {
  return real(f)->pMethods->xShmUnmap(real(f), delete_flag);
}
int x_fetch(sqlite3_file* f, sqlite3_int64 offset, int amount, void** out) {
  return real(f)->pMethods->xFetch(real(f), offset, amount, out);
}
int x_unfetch(sqlite3_file* f, sqlite3_int64 offset, void* page) {
  return real(f)->pMethods->xUnfetch(real(f), offset, page);
}

int x_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  FaultFile* ours = cast(file);
  ours->base.pMethods = nullptr;
  ours->kind = kind_of(flags);
  const int rc = real_vfs->xOpen(real_vfs, name, ours->real(), flags, out_flags);
  // SQLite calls xClose only on a file whose pMethods is set.
  if (ours->real()->pMethods != nullptr) ours->base.pMethods = &fault_methods;
  return rc;
}

}  // namespace

core::Status install_fault_vfs() {
  static std::once_flag once;
  static int rc = SQLITE_OK;
  std::call_once(once, [] {
    real_vfs = sqlite3_vfs_find(nullptr);
    if (real_vfs == nullptr) {
      rc = SQLITE_ERROR;
      return;
    }
    // The real VFS's file methods are those of the unix VFS: version 3, with WAL's shared memory
    // and memory-mapped reads.
    fault_methods = {3,
                     x_close,
                     x_read,
                     x_write,
                     x_truncate,
                     x_sync,
                     x_file_size,
                     x_lock,
                     x_unlock,
                     x_check_reserved_lock,
                     x_file_control,
                     x_sector_size,
                     x_device_characteristics,
                     x_shm_map,
                     x_shm_lock,
                     x_shm_barrier,
                     x_shm_unmap,
                     x_fetch,
                     x_unfetch};
    fault_vfs = *real_vfs;
    fault_vfs.zName = "rapport-fault";
    fault_vfs.szOsFile = static_cast<int>(sizeof(FaultFile)) + real_vfs->szOsFile;
    fault_vfs.xOpen = x_open;
    rc = sqlite3_vfs_register(&fault_vfs, 1);
  });
  if (rc != SQLITE_OK) return core::Error::internal("cannot install the fault injection VFS");
  return core::ok_status();
}

}  // namespace rapport::store::sqlite
