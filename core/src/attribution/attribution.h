// The attribution stage: links each quote to a speaker mention through
// ordered sieves, then merges mentions into speakers with their aliases.
#pragma once

#include <vector>

#include "quoteline/analysis.h"
#include "text/document.h"

namespace quoteline::attribution {

// Sets quote::speaker, cue and mention; fills `speakers` (with quote counts).
void attribute(const text::document& d, std::vector<quote>& quotes, std::vector<speaker>& speakers);

}  // namespace quoteline::attribution
