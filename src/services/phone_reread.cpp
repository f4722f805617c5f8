// Reading stored phone numbers again under the region rules, once, after the upgrade.
#include "services/phone_reread.hpp"

#include "core/audit_entry.hpp"
#include "core/contact.hpp"
#include "core/list_query.hpp"
#include "core/phone.hpp"
#include "services/contact_service.hpp"
#include "services/record_access.hpp"
#include "services/record_audit.hpp"
#include "services/settings_service.hpp"
#include "store/records.hpp"

namespace rapport::services {

namespace {

constexpr std::string_view kMark = "upgrade:reread_phones";

}  // namespace

core::Result<std::vector<PhoneReread>> reread_stored_phones(UnitOfWork& records,
                                                            const std::string& fallback_region,
                                                            const Clock& clock) {
  std::vector<PhoneReread> changes;
  RAPPORT_TRY(records.write([&](store::CustomerTx& customers,
                                store::IdentityTx& identity) -> core::Status {
    changes.clear();
    RAPPORT_ASSIGN_OR_RETURN(auto mark, customers.get_setting(kMark));
    if (!mark) return core::ok_status();
    core::ContactRules rules;
    RAPPORT_ASSIGN_OR_RETURN(rules.default_region, default_region(customers, fallback_region));
    const Caller console = console_caller();
    core::ListQuery query;
    query.limit = core::kMaxPageSize;
    for (;;) {
      RAPPORT_ASSIGN_OR_RETURN(
          auto page, store::list<core::Contact>(customers, query, store::RecordScope::all(),
                                                store::Shelf::kLive));
      for (const core::Contact& contact : page.items) {
        RAPPORT_ASSIGN_OR_RETURN(rules.company_countries, company_countries(customers, contact));
        core::Contact next = contact;
        std::vector<PhoneReread> found;
        for (core::ContactPhone& phone : next.phones) {
          const std::string region = core::phone_region(phone, contact, rules);
          auto parsed = core::parse_phone(phone.number, region);
          if (!parsed.ok() || parsed->e164 == phone.e164) continue;
          found.push_back({contact.id, phone.number, region, phone.e164, parsed->e164});
          phone.e164 = parsed->e164;
        }
        if (found.empty()) continue;
        const auto now = clock();
        RAPPORT_ASSIGN_OR_RETURN(auto stored,
                                 store::update(customers, next, stamp_for(console, now)));
        RAPPORT_TRY(audit(identity, console, "update", core::ObjectType::kContacts, contact.id,
                          core::changes_to_json(contact_changes(&contact, stored)), now));
        changes.insert(changes.end(), found.begin(), found.end());
      }
      if (page.next.empty()) break;
      query.after = page.next;
    }
    return customers.erase_setting(kMark);
  }));
  return changes;
}

}  // namespace rapport::services
