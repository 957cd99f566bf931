#include "input/html.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "text/lexicon.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace quoteline::input {

namespace {

constexpr text::lexicon kEntities{
#include "input/entities.inc"
};
constexpr text::lexicon kFurnitureWords{
#include "input/furniture.inc"
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

// Page furniture: elements that hold no article text (a caption, a
// newsletter box, a share button). Left out whole, with what they contain, so
// a link title or a caption can neither become a paragraph nor break the
// chain from a named speaker to the next "she said".
constexpr std::string_view kFurniture[] = {"figure", "figcaption", "aside", "nav",
                                           "footer", "form",       "button"};
// Elements that never have an end tag: no class makes them furniture.
constexpr std::string_view kVoid[] = {"img",  "br",  "hr",    "input", "meta",   "link",  "area",
                                      "base", "col", "embed", "param", "source", "track", "wbr"};

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

bool name_char(char c) {
  return isalnum(static_cast<unsigned char>(c)) || c == '-';
}

// The end of the element whose start tag ends just before s[i]: past its
// matching end tag, counting nested elements of the same name; 0 when it is
// never closed or its end lies past s[limit] (an unclosed <figure> must not
// take the rest of the article with it).
size_t element_end(std::string_view s, size_t i, std::string_view name,
                   size_t limit = std::string_view::npos) {
  int depth = 1;
  for (size_t k = s.find('<', i); k != std::string_view::npos; k = s.find('<', k + 1)) {
    if (k > limit) return 0;
    bool closing = k + 1 < s.size() && s[k + 1] == '/';
    size_t b = k + 1 + closing, e = b;
    while (e < s.size() && name_char(s[e])) ++e;
    if (e - b != name.size() || !text::iequals(s.substr(b, e - b), name)) continue;
    if (closing && --depth == 0) {
      size_t gt = s.find('>', e);
      return gt == std::string_view::npos ? s.size() : gt + 1;
    }
    if (!closing) {
      size_t gt = s.find('>', e);
      if (gt != std::string_view::npos && s[gt - 1] != '/') ++depth;
    }
  }
  return 0;
}

// Whether a class or id attribute of the tag s[b, e) names page furniture
// ("related-links", "newsletter_box", "video player").
bool furniture_attr(std::string_view tag) {
  for (std::string_view attr : {std::string_view("class"), std::string_view("id")}) {
    for (size_t k = 0; (k = tag.find(attr, k)) != std::string_view::npos; k += attr.size()) {
      size_t v = k + attr.size();
      if (k == 0 || (tag[k - 1] != ' ' && tag[k - 1] != '\t' && tag[k - 1] != '\n')) continue;
      while (v < tag.size() && tag[v] == ' ') ++v;
      if (v >= tag.size() || tag[v] != '=') continue;
      ++v;
      while (v < tag.size() && tag[v] == ' ') ++v;
      char q = v < tag.size() && (tag[v] == '"' || tag[v] == '\'') ? tag[v++] : 0;
      size_t end = v;
      while (end < tag.size() && (q ? tag[end] != q : tag[end] != ' ' && tag[end] != '>')) ++end;
      std::string_view value = tag.substr(v, end - v);
      for (size_t w = 0; w < value.size();) {
        size_t x = w;
        while (x < value.size() && value[x] != ' ' && value[x] != '-' && value[x] != '_') ++x;
        text::lex_entry found;
        if (x > w && x - w <= 24) {
          char low[24];
          for (size_t c = w; c < x; ++c)
            low[c - w] = static_cast<char>(tolower(static_cast<unsigned char>(value[c])));
          if (kFurnitureWords.find(std::string_view(low, x - w), found)) return true;
        }
        w = x + 1;
      }
    }
  }
  return false;
}

// Whether the list s[b, e) (inside <ul> or <ol>) holds links and nothing
// else: a list of related stories, not sentences of the article.
bool link_list(std::string_view s) {
  int in_link = 0;
  bool links = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '<') {
      size_t j = i + 1;
      bool closing = j < s.size() && s[j] == '/';
      j += closing;
      size_t b = j;
      while (j < s.size() && name_char(s[j])) ++j;
      if (j - b == 1 && (s[b] == 'a' || s[b] == 'A')) {
        in_link += closing ? -1 : 1;
        links = true;
      }
      size_t gt = s.find('>', j);
      if (gt == std::string_view::npos) return false;
      i = gt;
      continue;
    }
    if (in_link <= 0 && c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != '|' && c != ',' &&
        c != '.')
      return false;
  }
  return links;
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

size_t html_to_text(std::string_view s, std::string& out) {
  size_t i = 0, left_out = 0;
  std::set<std::string_view> unclosed;  // tag names (as printed) found unclosed
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
    std::string_view tag = s.substr(name_start, j - name_start);
    i = j < s.size() ? j + 1 : s.size();
    if (name.empty()) continue;  // <!DOCTYPE>, <?xml?>
    if (!closing && !among(kVoid, name) && !(j > 0 && s[j - 1] == '/')) {
      bool list = text::iequals(name, "ul") || text::iequals(name, "ol");
      size_t end = 0;
      if ((among(kFurniture, name) || furniture_attr(tag)) && !unclosed.count(name)) {
        end = element_end(s, i, name);
        // An element never closed is read as text; so is every later one
        // of its name: each would scan to the end again (quadratic on
        // thousands of unclosed <figure>s).
        if (!end) unclosed.insert(name);
      } else if (list) {
        // (A list of related links is short: a long list is not looked
        // into, so nested lists cost no rescans of the rest of the page.)
        size_t e = element_end(s, i, name, i + 8192);
        if (e && link_list(s.substr(i, e - i))) end = e;
      }
      if (end) {
        paragraph_break(out);
        ++left_out;
        i = end;
        continue;
      }
    }
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
  return left_out;
}

}  // namespace quoteline::input
