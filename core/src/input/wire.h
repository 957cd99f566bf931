// Wire text: an optional timestamp line, an optional headline, then body
// paragraphs, the first opening with a dateline.
#pragma once

#include <string>
#include <string_view>

#include "input/article.h"
#include "text/calendar.h"

namespace quoteline::input {

// Fills `a` from decoded text; the whole text becomes `a.body`, with the
// timestamp and headline blocks counted in `a.header_blocks`.
void read_wire(std::string text, article& a);

// "BEIJING. March 22 (Interfax)", "SKARVIK, Sept 4 (Varnet)", "NAIROBI,
// Kenya (AP)", "MOSCOW /Interfax/": a dateline without its dash.
bool parse_dateline(std::string_view s, const text::civil& anchor, dateline& out);

// A dateline at the start of a paragraph, up to and including its dash
// ("BEIJING. March 22 (Interfax) - "); returns its length or 0.
size_t leading_dateline(std::string_view paragraph, const text::civil& anchor, dateline& out);

}  // namespace quoteline::input
