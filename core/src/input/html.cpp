#include "input/html.h"

#include <algorithm>
#include <cctype>

#include "text/lexicon.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace quoteline::input {

namespace {

constexpr text::lexicon kEntities{
#include "input/entities.inc"
};

// Elements whose boundaries are paragraph breaks.
constexpr std::string_view kBlocks[] = {
    "p",          "div",        "h1",     "h2",     "h3",      "h4",      "h5",      "h6",
    "li",         "ul",         "ol",     "dl",     "dt",      "dd",      "table",   "tr",
    "section",    "article",    "header", "footer", "aside",   "nav",     "main",    "figure",
    "figcaption", "blockquote", "pre",    "hr",     "address", "caption", "details", "summary",
    "form",       "fieldset",   "body",   "html",   "title",
};
// Elements whose content is not article text.
constexpr std::string_view kSkipped[] = {"script", "style",  "template", "noscript",
                                         "iframe", "object", "svg",      "math",
                                         "head",   "select", "textarea"};

template <size_t N>
bool among(const std::string_view (&set)[N], std::string_view name) {
  for (std::string_view s : set)
    if (text::iequals(s, name)) return true;
  return false;
}

uint32_t hex_value(std::string_view s) {
  uint32_t v = 0;
  for (char c : s) {
    int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c - 'A' + 10;
    v = v * 16 + static_cast<uint32_t>(d);
    if (v > 0x10FFFF) return 0xFFFD;
  }
  return v;
}

// Decodes the reference starting at s[i] == '&'; returns bytes consumed or 0.
size_t entity(std::string_view s, size_t i, std::string& out) {
  size_t j = i + 1, limit = std::min(s.size(), i + 34);
  if (j < s.size() && s[j] == '#') {
    bool hex = j + 1 < s.size() && (s[j + 1] == 'x' || s[j + 1] == 'X');
    size_t k = j + (hex ? 2 : 1), start = k;
    uint32_t v = 0;
    while (k < limit && (hex ? isxdigit(static_cast<unsigned char>(s[k]))
                             : isdigit(static_cast<unsigned char>(s[k])))) {
      if (v <= 0x10FFFF)
        v = hex ? v * 16 + hex_value(s.substr(k, 1)) : v * 10 + static_cast<uint32_t>(s[k] - '0');
      ++k;
    }
    if (k == start) return 0;
    if (k < s.size() && s[k] == ';') ++k;
    if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) v = 0xFFFD;
    text::append_utf8(out, v);
    return k - i;
  }
  size_t k = j;
  while (k < limit && isalnum(static_cast<unsigned char>(s[k]))) ++k;
  if (k == j || k >= s.size() || s[k] != ';') return 0;
  std::string_view name = s.substr(j, k - j);
  text::lex_entry e;
  if (!kEntities.find(name, e)) return 0;
  uint32_t v = hex_value(e.value);
  // "&Eacute;" is the capital of "&eacute;" (Latin-1 letters sit 0x20 apart).
  if (name[0] >= 'A' && name[0] <= 'Z' && v >= 0xE0 && v <= 0xFE && v != 0xF7) v -= 0x20;
  text::append_utf8(out, v);
  return k + 1 - i;
}

void paragraph_break(std::string& out) {
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  if (!out.empty()) out += "\n\n";
}

}  // namespace

void decode_entities(std::string_view s, std::string& out) {
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '&') {
      if (size_t n = entity(s, i, out)) {
        i += n;
        continue;
      }
    }
    out += s[i++];
  }
}

void html_to_text(std::string_view s, std::string& out) {
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '&') {
      size_t n = entity(s, i, out);
      if (n) {
        i += n;
        continue;
      }
      out += c;
      ++i;
      continue;
    }
    if (c != '<') {
      // Source line breaks inside HTML are just spaces.
      out += c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
      ++i;
      continue;
    }
    if (s.compare(i, 4, "<!--") == 0) {
      size_t e = s.find("-->", i + 4);
      i = e == std::string_view::npos ? s.size() : e + 3;
      continue;
    }
    size_t j = i + 1;
    bool closing = j < s.size() && s[j] == '/';
    if (closing) ++j;
    size_t name_start = j;
    while (j < s.size() && (isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-')) ++j;
    std::string_view name = s.substr(name_start, j - name_start);
    if (name.empty() && !(j < s.size() && (s[j] == '!' || s[j] == '?'))) {
      out += '<';  // a lone "<" as in "a < b" is text
      ++i;
      continue;
    }
    // Find the tag end, skipping quoted attribute values.
    char quote = 0;
    while (j < s.size() && (quote || s[j] != '>')) {
      if (quote ? s[j] == quote : (s[j] == '"' || s[j] == '\'')) quote = quote ? 0 : s[j];
      ++j;
    }
    i = j < s.size() ? j + 1 : s.size();
    if (name.empty()) continue;  // <!DOCTYPE>, <?xml?>
    if (!closing && among(kSkipped, name)) {
      // Skip to the matching end tag (case-insensitive), or the end.
      size_t k = i;
      for (;;) {
        k = s.find("</", k);
        if (k == std::string_view::npos) {
          i = s.size();
          break;
        }
        if (text::iequals(s.substr(k + 2, name.size()), name)) {
          size_t e = s.find('>', k);
          i = e == std::string_view::npos ? s.size() : e + 1;
          break;
        }
        k += 2;
      }
      continue;
    }
    if (text::iequals(name, "br")) {
      out += '\n';
    } else if (among(kBlocks, name)) {
      paragraph_break(out);
    }
  }
}

}  // namespace quoteline::input
