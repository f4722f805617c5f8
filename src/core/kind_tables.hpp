// The descriptor of each record kind, one file per kind (contact_kind.cpp, …); describe() is the
// way in for everything outside core.
#pragma once

#include "core/kind_descriptor.hpp"

namespace rapport::core {

extern constinit const KindDescriptor kContactKind;
extern constinit const KindDescriptor kCompanyKind;
extern constinit const KindDescriptor kActivityKind;

}  // namespace rapport::core
