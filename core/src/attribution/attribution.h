// The attribution stage: links each quote to a speaker mention through
// ordered sieves, then merges mentions into speakers with their aliases.
#pragma once

#include <vector>

#include "quoteline/analysis.h"
#include "text/document.h"

namespace quoteline::attribution {

// Sets quote::speaker, cue and mention; fills `speakers` (with quote counts).
// The dateline, when the article has one, is not a mention of anyone.
void attribute(const text::document& d, const dateline* line, std::vector<quote>& quotes,
               std::vector<speaker>& speakers);

}  // namespace quoteline::attribution
