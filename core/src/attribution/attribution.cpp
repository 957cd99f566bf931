// READ FIRST (for whoever replaces this placeholder): /tmp/common.md holds the team working
// rules and foundation facts: own build dir, commit only your own files, no git add -A.
#include "attribution/attribution.h"

namespace quoteline::attribution {

void attribute(const text::document&, std::vector<quote>&, std::vector<speaker>&) {}

}  // namespace quoteline::attribution
