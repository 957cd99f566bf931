// READ FIRST (for whoever replaces this placeholder): /tmp/common.md holds the team working
// rules and foundation facts: own build dir, commit only your own files, no git add -A.
#include "time/time.h"

namespace quoteline::time {

std::vector<timex> find(const text::document&, const text::civil&, std::vector<diagnostic>&) {
  return {};
}

std::vector<event> events(const text::document&, const std::string&, const std::vector<timex>&,
                          const std::vector<quote>&) {
  return {};
}

}  // namespace quoteline::time
