// The time stage: finds date and time expressions and normalizes them to
// TIMEX3 values against the article's anchor (publication or dateline date),
// then builds the article's timeline events.
#pragma once

#include <string>
#include <vector>

#include "quoteline/analysis.h"
#include "text/calendar.h"
#include "text/document.h"

namespace quoteline::time {

// Timexes in text order over the header blocks and the body paragraphs.
// An anchor without a date leaves relative expressions unnormalized
// (value "XXXX-..." forms) and says so in a diagnostic.
std::vector<timex> find(const text::document& d, const text::civil& anchor,
                        std::vector<diagnostic>& diags);

// The publication event, one event per dated mention, and one per quote at
// the moment it was said.
std::vector<event> events(const text::document& d, const std::string& published,
                          const std::vector<timex>& timexes, const std::vector<quote>& quotes);

}  // namespace quoteline::time
