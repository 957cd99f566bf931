// READ FIRST (for whoever replaces this placeholder): /tmp/common.md holds the team working
// rules and foundation facts: own build dir, commit only your own files, no git add -A.
#include "quotes/quotes.h"

namespace quoteline::quotes {

std::vector<quote> find(const text::document&, std::vector<diagnostic>&) { return {}; }

}  // namespace quoteline::quotes
