// The quote stage: finds quotations (direct, partial, indirect) in the body
// paragraphs. Speakers are left unresolved for the attribution stage.
#pragma once

#include <vector>

#include "quoteline/analysis.h"
#include "text/document.h"

namespace quoteline::quotes {

// Quotes in text order; each `at` is the content between the marks (or the
// reported clause for indirect speech). Unclosed marks become diagnostics.
std::vector<quote> find(const text::document& d, std::vector<diagnostic>& diags);

}  // namespace quoteline::quotes
