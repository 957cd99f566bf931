// Bytes to articles: decode to valid UTF-8, detect the shape, dispatch.
#include <simdjson.h>

#include <memory>
#include <optional>

#include "input/article.h"
#include "input/json.h"
#include "input/wire.h"
#include "text/utf8.h"

namespace quoteline::input {

namespace {

// Valid UTF-8 with simdjson's padding reserved behind it, so the JSON
// reader can parse in place.
struct decoded {
  std::string text;
  std::vector<diagnostic> diagnostics;
};

decoded decode(std::string_view bytes) {
  decoded d;
  d.text.reserve(bytes.size() + simdjson::SIMDJSON_PADDING);
  text::repair_report r;
  const auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  if (starts("\xFF\xFE") || starts("\xFE\xFF")) {
    bool le = bytes[0] == '\xFF';
    r = text::utf16_to_utf8(bytes.substr(2), le, d.text);
    diagnostic n;
    n.code = "utf16_input";
    n.message = std::string("the input was UTF-16 ") + (le ? "LE" : "BE") + " and was decoded";
    d.diagnostics.push_back(std::move(n));
  } else {
    if (starts("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    r = text::repair_utf8(bytes, d.text);
  }
  if (r.replaced) {
    diagnostic w;
    w.code = "invalid_utf8";
    w.message = std::to_string(r.replaced) + " invalid byte sequence(s) became U+FFFD";
    w.position = r.first;
    d.diagnostics.push_back(std::move(w));
  }
  return d;
}

bool blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
  return true;
}

// JSON Lines when more than one non-blank line exists and each starts with
// '{' or '[' (a pretty-printed document has lines starting otherwise).
bool looks_like_lines(std::string_view s) {
  size_t lines = 0;
  for (size_t start = 0; start < s.size();) {
    size_t end = s.find('\n', start);
    if (end == std::string_view::npos) end = s.size();
    std::string_view line = s.substr(start, end - start);
    size_t k = line.find_first_not_of(" \t\r");
    if (k != std::string_view::npos) {
      if (line[k] != '{' && line[k] != '[') return false;
      ++lines;
    }
    start = end + 1;
  }
  return lines > 1;
}

// Lone surrogate escapes ("\ud800" without its pair) are rejected by
// simdjson; each is rewritten in place to "\ufffd" (same length) with a
// warning, so one bad escape costs one character, not the article.
size_t fix_lone_surrogates(std::string& s) {
  size_t fixed = 0;
  const auto hex4 = [&](size_t i, unsigned& v) {
    if (i + 4 > s.size()) return false;
    v = 0;
    for (size_t k = i; k < i + 4; ++k) {
      char c = s[k];
      int d = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (d < 0) return false;
      v = v * 16 + static_cast<unsigned>(d);
    }
    return true;
  };
  for (size_t i = s.find("\\u"); i != std::string::npos; i = s.find("\\u", i + 2)) {
    size_t run = 0;  // an escaped backslash ("\\u") is not an escape
    while (run < i && s[i - 1 - run] == '\\') ++run;
    if (run % 2) continue;
    unsigned v, w;
    if (!hex4(i + 2, v) || v < 0xD800 || v > 0xDFFF) continue;
    if (v <= 0xDBFF && s.compare(i + 6, 2, "\\u") == 0 && hex4(i + 8, w) && w >= 0xDC00 &&
        w <= 0xDFFF) {
      i += 6;
      continue;
    }
    s.replace(i + 2, 4, "fffd");
    ++fixed;
  }
  return fixed;
}

}  // namespace

struct cursor::state {
  decoded in;                    // JSON: the text, padded for simdjson in place
  std::optional<record> single;  // wire text: its one article
  std::unique_ptr<json_reader> json;
};

cursor::cursor(std::string_view bytes, const options& opts) : s_(new state) {
  if (bytes.size() > opts.max_input) {
    fatal_.code = status::input_too_large;
    fatal_.message = "input is over the limit of " + std::to_string(opts.max_input) + " bytes";
    return;
  }
  decoded& d = s_->in;
  d = decode(bytes);
  if (blank(d.text)) {
    fatal_.code = status::empty_input;
    fatal_.message = "the input is empty";
    return;
  }
  size_t first = d.text.find_first_not_of(" \t\r\n");
  input_format f = opts.format;
  if (f == input_format::automatic) {
    char c = d.text[first];
    f = c == '{' || c == '[' ? (looks_like_lines(d.text) ? input_format::jsonl : input_format::json)
                             : input_format::text;
  }
  if (f == input_format::text) {
    s_->single.emplace();
    s_->single->doc.diagnostics = std::move(d.diagnostics);
    read_wire(std::move(d.text), s_->single->doc);
    return;
  }
  if (size_t n = fix_lone_surrogates(d.text)) {
    diagnostic w;
    w.code = "lone_surrogate";
    w.message = std::to_string(n) + " unpaired surrogate escape(s) became U+FFFD";
    d.diagnostics.push_back(std::move(w));
  }
  size_t size = d.text.size();
  d.text.resize(size + simdjson::SIMDJSON_PADDING, '\0');
  s_->json = std::make_unique<json_reader>(d.text.data(), size, f == input_format::jsonl, fatal_,
                                           collection_);
}

cursor::~cursor() = default;
cursor::cursor(cursor&&) noexcept = default;
cursor& cursor::operator=(cursor&&) noexcept = default;

bool cursor::next(record& r) {
  if (s_->single) {
    r = std::move(*s_->single);
    s_->single.reset();
    return true;
  }
  if (!s_->json || !s_->json->next(r)) return false;
  // Decoding warnings concern the whole input: every article carries them.
  const std::vector<diagnostic>& all = s_->in.diagnostics;
  r.doc.diagnostics.insert(r.doc.diagnostics.begin(), all.begin(), all.end());
  return true;
}

reading read(std::string_view bytes, const options& opts) {
  cursor c(bytes, opts);
  reading out;
  out.fatal = c.fatal();
  out.collection = c.collection();
  for (record r; c.next(r); r = {}) out.records.push_back(std::move(r));
  return out;
}

}  // namespace quoteline::input
