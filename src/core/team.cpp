// Validation of team names.
#include "core/team.hpp"

#include "core/user.hpp"

namespace rapport::core {

Result<std::string> normalize_team_name(std::string_view text) {
  // A team name follows the display-name rules, with a shorter limit.
  RAPPORT_ASSIGN_OR_RETURN(std::string name, normalize_display_name(text, "name"));
  if (name.size() > kMaxTeamNameBytes) return Error::field("name", "is longer than 100 bytes");
  return name;
}

}  // namespace rapport::core
