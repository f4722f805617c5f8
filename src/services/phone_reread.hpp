// The upgrade step that reads stored phone numbers again from their typed form: before phones
// had a region and before a contact's company or the organisation's setting counted, a number
// without a country code was read in Thailand (or the address country) whatever it was.
#pragma once

#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "services/caller.hpp"
#include "services/unit_of_work.hpp"

namespace rapport::services {

struct PhoneReread {
  core::Id contact_id = 0;
  std::string number;  // as typed
  std::string region;  // where it is read now
  std::string before;  // E.164 as stored
  std::string after;   // E.164 read in `region`
};

// While the database carries the mark that the settings migration set, reads every live contact's
// phones again under core::phone_region (default region: the stored setting, else
// `fallback_region`) and stores each contact where a number then reads as a different valid
// number (a new version, audited as an update by the console). Numbers that are not valid where
// they would now be read are kept as stored. Removes the mark and returns the changes; an empty
// list at once when the mark is absent (the step already ran). One write transaction: on an
// error nothing changes and the mark stays. Contacts in the trash are left as they are.
core::Result<std::vector<PhoneReread>> reread_stored_phones(UnitOfWork& records,
                                                            const std::string& fallback_region,
                                                            const Clock& clock);

}  // namespace rapport::services
