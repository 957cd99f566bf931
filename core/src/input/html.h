// HTML bodies reduced to plain text: tags dropped, entities decoded, block
// elements turned into paragraph breaks. Nothing of the markup survives as
// markup; script, style and template contents are not article text, and
// neither is page furniture: figures and captions, asides, navigation,
// footers, forms, buttons, lists of links, and elements whose class names a
// widget (core/data/input/furniture.txt).
#pragma once

#include <string>
#include <string_view>

namespace quoteline::input {

// Appends the text of `html` (valid UTF-8) to `out`, paragraphs separated by
// blank lines; returns how many furniture elements were left out. Unclosed
// tags and comments end the text.
size_t html_to_text(std::string_view html, std::string& out);

// Decodes character references in plain text ("&amp;", "&#8217;").
void decode_entities(std::string_view s, std::string& out);

}  // namespace quoteline::input
