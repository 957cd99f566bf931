#include "input/json.h"

#include <simdjson.h>

#include "input/html.h"
#include "input/timestamp.h"
#include "input/wire.h"
#include "text/calendar.h"

namespace quoteline::input {

namespace dom = simdjson::dom;

namespace {

constexpr size_t kMaxDepth = 512;

// The keys each field may come under, most specific first.
constexpr std::string_view kIdKeys[] = {"id", "uri", "guid", "@id", "url", "identifier"};
constexpr std::string_view kHeadlineKeys[] = {"headline", "headlines", "title", "name"};
constexpr std::string_view kPublishedKeys[] = {"published",      "datePublished",  "firstcreated",
                                               "versioncreated", "contentcreated", "dateCreated",
                                               "date",           "pubDate"};
constexpr std::string_view kBylineKeys[] = {"byline", "by", "author", "authors", "creator"};
constexpr std::string_view kTextKeys[] = {"body", "body_text", "articleBody", "text", "content"};
constexpr std::string_view kHtmlKeys[] = {"body_html", "bodies", "content_html"};

const char* type_name(dom::element_type t) {
  switch (t) {
    case dom::element_type::ARRAY:
      return "an array";
    case dom::element_type::OBJECT:
      return "an object";
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE:
      return "a number";
    case dom::element_type::STRING:
      return "a string";
    case dom::element_type::BOOL:
      return "a boolean";
    default:
      return "null";
  }
}

void warn(article& a, std::string code, std::string message) {
  diagnostic d;
  d.code = std::move(code);
  d.message = std::move(message);
  a.diagnostics.push_back(std::move(d));
}

void wrong_type(article& a, std::string_view key, dom::element v, const char* expected) {
  warn(a, "wrong_type",
       "field \"" + std::string(key) + "\" is " + type_name(v.type()) + ", expected " + expected +
           "; ignored");
}

// simdjson is built with SIMDJSON_SKIPNUMBERPARSING (see CMakeLists.txt):
// its DOM holds 0 for every number and checks none, which keeps its float
// parsers and their tables (15 kB of the gzipped wasm) out of the build. The
// few numbers an article reader needs (a numeric id) come from the source
// text instead, by their order in the document: the numbers of one
// document, and how many of them come before a value.
struct numbers {
  std::vector<std::string_view> tokens;  // source text of every number, in order
  std::string_view at(size_t ordinal) const {
    return ordinal < tokens.size() ? tokens[ordinal] : std::string_view();
  }
};

// Numbers inside `v` (v itself included).
size_t count_numbers(dom::element v) {
  if (v.is_number()) return 1;
  size_t n = 0;
  dom::array arr;
  dom::object o;
  if (!v.get_array().get(arr))
    for (dom::element e : arr) n += count_numbers(e);
  else if (!v.get_object().get(o))
    for (dom::key_value_pair kv : o) n += count_numbers(kv.value);
  return n;
}

// Where an element's numbers start: `base` numbers of the document come
// before it. `counted` is false when the document has no numbers at all,
// which spares every walk.
struct place {
  const numbers* nums = nullptr;
  size_t base = 0;
  bool counted() const { return nums && !nums->tokens.empty(); }
  std::string_view number(size_t ordinal) const { return nums ? nums->at(ordinal) : ""; }
};

// One field: key, value and the ordinal of the value's first number.
struct field {
  std::string_view key;
  dom::element value;
  size_t ordinal = 0;
};

// The fields of one object by key, first occurrence wins.
struct fields {
  std::vector<field> kv;
  const field* find(std::string_view key) const {
    for (const field& f : kv)
      if (f.key == key) return &f;
    return nullptr;
  }
  const dom::element* get(std::string_view key) const {
    const field* f = find(key);
    return f ? &f->value : nullptr;
  }
  // First key of `keys` present.
  template <size_t N>
  const field* any(const std::string_view (&keys)[N]) const {
    for (std::string_view k : keys)
      if (const field* f = find(k)) return f;
    return nullptr;
  }
  template <size_t N>
  const dom::element* any(const std::string_view (&keys)[N], std::string_view& which) const {
    const field* f = any(keys);
    return f ? (which = f->key, &f->value) : nullptr;
  }
};

fields collect(dom::object o, article& a, place at = {}) {
  fields f;
  size_t ordinal = at.base;
  for (dom::key_value_pair kv : o) {
    size_t first = ordinal;
    if (at.counted()) ordinal += count_numbers(kv.value);
    if (f.find(kv.key)) {
      warn(a, "duplicate_key", "key \"" + std::string(kv.key) + "\" repeats; the first is used");
      continue;
    }
    f.kv.push_back({kv.key, kv.value, first});
  }
  return f;
}

bool string_of(dom::element v, std::string_view& s) {
  return !v.get_string().get(s);
}

// A string, or an object's "name"/"value", or an array of those joined.
std::string text_of(dom::element v, std::string_view sep) {
  std::string_view s;
  if (string_of(v, s)) return std::string(s);
  dom::object o;
  if (!v.get_object().get(o)) {
    for (std::string_view key : {"name", "value", "@value"}) {
      dom::element e;
      if (!o.at_key(key).get(e) && string_of(e, s)) return std::string(s);
    }
    return {};
  }
  dom::array arr;
  std::string out;
  if (!v.get_array().get(arr)) {
    for (dom::element e : arr) {
      std::string part = text_of(e, sep);
      if (part.empty()) continue;
      if (!out.empty()) out += sep;
      out += part;
    }
  }
  return out;
}

// Plain-text fields never carry markup: entities are decoded only when the
// value has no tags, so "<script>" in a headline stays visible text.
std::string plain(std::string_view s) {
  std::string out;
  decode_entities(s, out);
  return out;
}

bool article_type(const fields& f) {
  const dom::element* t = f.get("@type");
  if (!t) return false;
  std::string types = text_of(*t, " ");
  return types.find("Article") != std::string::npos || types.find("Posting") != std::string::npos ||
         types.find("Report") != std::string::npos;
}

// Says what an HTML body's reading left out, so no text goes silently.
void furniture_note(article& a, size_t n) {
  if (n)
    warn(a, "html_furniture",
         std::to_string(n) +
             " page element(s) of the HTML body (figures, captions, asides, navigation, "
             "forms, buttons, link lists) were left out of the article text");
}

// Body: plain-text keys first, then HTML ones; ninjs 2.x+ `bodies` is an
// array of {contenttype, value}.
bool read_body(const fields& f, article& a, error& e) {
  std::string_view key, s;
  const dom::element* v = f.any(kTextKeys, key);
  if (v && string_of(*v, s)) {
    a.body = std::string(s);
    return true;
  }
  const dom::element* h = f.any(kHtmlKeys, key);
  if (h && string_of(*h, s)) {
    furniture_note(a, html_to_text(s, a.body));
    return true;
  }
  dom::array bodies;
  if (h && key == "bodies" && !h->get_array().get(bodies)) {
    for (dom::element b : bodies) {
      dom::object o;
      std::string_view value, type;
      if (b.get_object().get(o) || o.at_key("value").get_string().get(value)) continue;
      if (o.at_key("contenttype").get_string().get(type)) type = "text/plain";
      if (type.find("html") != std::string_view::npos)
        furniture_note(a, html_to_text(value, a.body));
      else
        a.body.append(value);
      return true;  // the first body is the main one
    }
  }
  e.code = status::not_an_article;
  if (v) {
    e.message = "field \"" + std::string(key) + "\" is " + type_name(v->type()) +
                ", expected a string of article text";
  } else if (h) {
    e.message =
        "field \"" + std::string(key) + "\" is " + type_name(h->type()) + ", expected HTML text";
  } else {
    e.message =
        "no article body: expected one of body, body_text, body_html, bodies, "
        "articleBody, text";
  }
  return false;
}

void read_meta(const fields& f, article& a, place at) {
  std::string_view key, s;
  if (const field* id = f.any(kIdKeys)) {
    if (string_of(id->value, s))
      a.id = plain(s);
    else if (id->value.is_number())
      a.id = std::string(at.number(id->ordinal));  // as written: 42, 1e3, 9007199254740993
    else
      wrong_type(a, id->key, id->value, "a string");
  }
  if (const dom::element* v = f.any(kHeadlineKeys, key)) {
    if (string_of(*v, s)) {
      a.headline = plain(s);
    } else if (key == "headlines") {  // ninjs 2.x: [{role, value}]
      dom::array arr;
      if (!v->get_array().get(arr) && arr.size() > 0)
        a.headline = plain(text_of(arr.at(0).value_unsafe(), " "));
    } else {
      wrong_type(a, key, *v, "a string");
    }
  }
  if (const dom::element* v = f.any(kPublishedKeys, key)) {
    std::string iso;
    if (!string_of(*v, s))
      wrong_type(a, key, *v, "a date string");
    else if (parse_timestamp(s, iso))
      a.published = std::move(iso);
    else
      warn(a, "unparsed_date", "field \"" + std::string(key) + "\" is not a date: ignored");
  }
  if (const dom::element* v = f.any(kBylineKeys, key)) {
    a.byline = plain(text_of(*v, ", "));
    if (a.byline.empty() && !string_of(*v, s)) wrong_type(a, key, *v, "a string or names");
  }
  text::civil anchor;
  text::parse_iso(text::without_zone(a.published), anchor);
  if (const dom::element* v = f.get("dateline")) {
    dom::object o;
    dateline d;
    if (string_of(*v, s)) {
      if (parse_dateline(s, anchor, d))
        a.dateline = d;
      else
        a.dateline = dateline{plain(s), "", ""};
    } else if (!v->get_object().get(o)) {
      fields g = collect(o, a);
      for (auto [k, out] : {std::pair{"place", &d.place}, {"agency", &d.agency}})
        if (const dom::element* e = g.get(k); e && string_of(*e, s)) *out = plain(s);
      std::string iso;
      if (const dom::element* e = g.get("date"); e && string_of(*e, s) && parse_timestamp(s, iso))
        d.date = iso.substr(0, 10);
      a.dateline = d;
    } else {
      wrong_type(a, "dateline", *v, "a string or an object");
    }
  }
  if (const dom::element* v = f.get("located"); v && !a.dateline) {
    std::string place = plain(text_of(*v, ", "));
    if (!place.empty()) a.dateline = dateline{place, "", ""};
  }
}

// Reads one article object (following a schema.org @graph to its article).
void read_article(dom::element el, place at, record& r, bool& split_graph,
                  std::vector<std::pair<dom::element, size_t>>& graph) {
  dom::object o;
  if (el.get_object().get(o)) {
    r.failure.code = status::not_an_article;
    r.failure.message = std::string("expected an article object, found ") + type_name(el.type());
    return;
  }
  fields f = collect(o, r.doc, at);
  if (const field* g = f.find("@graph"); g && !article_type(f)) {
    dom::array arr;
    if (!g->value.get_array().get(arr)) {
      size_t ordinal = g->ordinal;
      for (dom::element item : arr) {
        size_t first = ordinal;
        if (at.counted()) ordinal += count_numbers(item);
        dom::object io;
        if (item.get_object().get(io)) continue;
        article scratch;
        if (article_type(collect(io, scratch))) graph.emplace_back(item, first);
      }
      if (!graph.empty()) {
        split_graph = true;
        return;
      }
    }
  }
  read_body(f, r.doc, r.failure);
  read_meta(f, r.doc, at);  // also on failure: the id names the failed record
}

// Our words for simdjson's errors: its own table of messages would be the
// only user of a few kB of strings in the wasm build, and names internals.
const char* reason(simdjson::error_code code) {
  switch (code) {
    case simdjson::UNESCAPED_CHARS:
      return "a control character inside a string";
    case simdjson::UNCLOSED_STRING:
      return "a string is not closed";
    case simdjson::STRING_ERROR:
      return "a bad escape in a string";
    case simdjson::UTF8_ERROR:
      return "invalid UTF-8";
    case simdjson::NUMBER_ERROR:
    case simdjson::BIGINT_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE:
      return "a number that cannot be read";
    case simdjson::T_ATOM_ERROR:
    case simdjson::F_ATOM_ERROR:
    case simdjson::N_ATOM_ERROR:
      return "a word that is not true, false or null";
    case simdjson::EMPTY:
      return "no JSON value";
    default:
      return "a missing or extra comma, colon, brace, bracket or value";
  }
}

error json_failure(simdjson::error_code code, std::string_view doc, int64_t base) {
  error e;
  if (code == simdjson::DEPTH_ERROR) {
    e.code = status::too_deep;
    e.message = "JSON nesting is deeper than " + std::to_string(kMaxDepth) + " levels";
    return e;
  }
  e.code = status::invalid_json;
  e.position = base + static_cast<int64_t>(json_error_offset(doc));
  e.message = std::string("malformed JSON: ") + reason(code);
  return e;
}

error scalar_failure(size_t at, int64_t base, simdjson::error_code why) {
  error e;
  e.code = status::invalid_json;
  e.position = base + static_cast<int64_t>(at);
  e.message = std::string("malformed JSON: ") + reason(why);
  return e;
}

// Appends the records of one parsed article element (several when a
// schema.org @graph holds more than one article).
void read_item(dom::element item, place at, std::vector<record>& out, bool& graph_split) {
  record r;
  bool split = false;
  std::vector<std::pair<dom::element, size_t>> graph;
  read_article(item, at, r, split, graph);
  if (!split) {
    out.push_back(std::move(r));
    return;
  }
  graph_split = graph.size() > 1;
  for (auto [g, ordinal] : graph) {
    record gr;
    bool nested = false;
    std::vector<std::pair<dom::element, size_t>> ignored;
    read_article(g, {at.nums, ordinal}, gr, nested, ignored);
    out.push_back(std::move(gr));
  }
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool number_syntax(std::string_view t) {
  size_t i = 0, n = t.size();
  auto digits = [&] {
    size_t from = i;
    while (i < n && t[i] >= '0' && t[i] <= '9') ++i;
    return i > from;
  };
  if (i < n && t[i] == '-') ++i;
  if (i < n && t[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < n && t[i] == '.' && (++i, !digits())) return false;
  if (i < n && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    if (i < n && (t[i] == '+' || t[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == n;
}

// JSON whitespace and structural characters: what ends a scalar.
bool separator(char c) {
  switch (c) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case ',':
    case ':':
    case '[':
    case ']':
    case '{':
    case '}':
      return true;
    default:
      return false;
  }
}

// What simdjson without its number parser leaves unchecked, on a document
// it has accepted (brackets, strings and literals are valid): every other
// scalar, up to its separator, against JSON's number grammar ("+1", ".5",
// "2\"x\"" and a NUL pass simdjson), and a comma where a value belongs
// ("[,1]": simdjson reads it as a number). Keeps the numbers in order.
// Returns the offset of the first fault (`why` says which), or npos.
size_t scan_scalars(std::string_view s, numbers& out, simdjson::error_code& why) {
  out.tokens.clear();
  const char* p = s.data();
  size_t i = 0, n = s.size();
  // simdjson skips a byte-order mark at the start of a document; so do we
  // (a JSON Lines file made by joining files saved with one has one per line).
  if (s.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
  bool after_value = false;  // a comma may follow
  while (i < n) {
    char c = p[i];
    if (c == '"') {
      size_t j = i + 1;
      for (;;) {
        const char* q = static_cast<const char*>(memchr(p + j, '"', n - j));
        if (!q) return std::string_view::npos;  // simdjson saw it closed
        size_t at = static_cast<size_t>(q - p), k = at;
        while (k > i + 1 && p[k - 1] == '\\') --k;
        j = at + 1;
        if ((at - k) % 2 == 0) break;  // an even run of backslashes: not escaped
      }
      i = j;
      after_value = true;  // or a key, which a colon follows
      continue;
    }
    if (separator(c)) {
      if (c == ',' && !after_value) return why = simdjson::TAPE_ERROR, i;
      if (c == ',' || c == ':' || c == '[' || c == '{') after_value = false;
      if (c == ']' || c == '}') after_value = true;
      ++i;
      continue;
    }
    after_value = true;
    size_t j = i;
    while (j < n && !separator(p[j])) ++j;
    std::string_view token = s.substr(i, j - i);
    if (token == "true" || token == "false" || token == "null") {
      i = j;
      continue;
    }
    if (!number_syntax(token)) return why = simdjson::NUMBER_ERROR, i;
    out.tokens.push_back(token);
    i = j;
  }
  return std::string_view::npos;
}

// The longest line: JSON Lines are parsed a line at a time, and the DOM
// parser's buffers take over ten bytes per byte of capacity, all of them
// resident in a wasm heap.
size_t longest_line(const char* buf, size_t size) {
  size_t most = 0;
  for (size_t start = 0; start < size;) {
    const char* nl = static_cast<const char*>(memchr(buf + start, '\n', size - start));
    size_t end = nl ? static_cast<size_t>(nl - buf) : size;
    most = std::max(most, end - start);
    start = end + 1;
  }
  return most;
}

}  // namespace

struct json_reader::state {
  dom::parser parser;
  const char* buf = nullptr;
  size_t size = 0;
  size_t pos = 0;  // JSON Lines: where the next line starts
  bool lines = false;
  // A single document: its articles, read one at a time from the DOM.
  dom::array items;
  dom::array::iterator item, last;
  numbers nums;                 // of the document (or line) being read
  size_t ordinal = 0;           // numbers before the next array item
  std::vector<record> pending;  // handed out from `taken` on
  size_t taken = 0;
  int64_t index = 0;    // JSON Lines: records handed out so far
  bool failed = false;  // fatal: nothing to hand out
};

json_reader::json_reader(const char* buf, size_t size, bool lines, error& fatal, bool& collection)
    : s_(new state) {
  s_->buf = buf;
  s_->size = size;
  s_->lines = lines;
  size_t capacity = lines ? longest_line(buf, size) : size;
  if (s_->parser.allocate(std::max<size_t>(capacity, 64), kMaxDepth)) {
    fatal.code = status::input_too_large;
    fatal.message = "cannot allocate the JSON parser for " + std::to_string(capacity) + " bytes";
    s_->failed = true;
    return;
  }
  if (lines) {
    collection = true;
    return;
  }
  dom::element doc;
  if (auto code = s_->parser.parse(buf, size, false).get(doc)) {
    fatal = json_failure(code, std::string_view(buf, size), 0);
    s_->failed = true;
    return;
  }
  simdjson::error_code why;
  if (size_t bad = scan_scalars(std::string_view(buf, size), s_->nums, why);
      bad != std::string_view::npos) {
    fatal = scalar_failure(bad, 0, why);
    s_->failed = true;
    return;
  }
  if (!doc.get_array().get(s_->items)) {
    collection = true;
    s_->item = s_->items.begin();
    s_->last = s_->items.end();
    return;
  }
  // One article, read now: a @graph of several makes the input a collection.
  bool split = false;
  read_item(doc, {&s_->nums, 0}, s_->pending, split);
  collection = split;
}

json_reader::~json_reader() = default;

bool json_reader::next(record& r) {
  state& s = *s_;
  if (s.taken == s.pending.size()) s.pending.clear(), s.taken = 0;
  while (s.pending.empty()) {
    if (s.failed) return false;
    if (!s.lines) {
      if (s.item == s.last) return false;
      bool split = false;
      dom::element item = *s.item;
      read_item(item, {&s.nums, s.ordinal}, s.pending, split);
      if (!s.nums.tokens.empty()) s.ordinal += count_numbers(item);
      ++s.item;
      continue;
    }
    if (s.pos >= s.size) return false;
    const char* nl = static_cast<const char*>(memchr(s.buf + s.pos, '\n', s.size - s.pos));
    size_t end = nl ? static_cast<size_t>(nl - s.buf) : s.size;
    size_t a = s.pos, b = end;
    s.pos = end + 1;
    while (a < b && (s.buf[a] == ' ' || s.buf[a] == '\t' || s.buf[a] == '\r')) ++a;
    while (b > a && (s.buf[b - 1] == ' ' || s.buf[b - 1] == '\t' || s.buf[b - 1] == '\r')) --b;
    if (a == b) continue;
    dom::element doc;
    std::string_view line(s.buf + a, b - a);
    record failed;
    size_t bad = std::string_view::npos;
    simdjson::error_code why;
    if (auto code = s.parser.parse(line.data(), line.size(), false).get(doc)) {
      failed.failure = json_failure(code, line, static_cast<int64_t>(a));
      s.pending.push_back(std::move(failed));
    } else if ((bad = scan_scalars(line, s.nums, why)) != std::string_view::npos) {
      failed.failure = scalar_failure(bad, static_cast<int64_t>(a), why);
      s.pending.push_back(std::move(failed));
    } else {
      bool split = false;
      read_item(doc, {&s.nums, 0}, s.pending, split);
    }
    for (record& p : s.pending) p.failure.record = s.index++;
  }
  r = std::move(s.pending[s.taken++]);
  return true;
}

size_t json_error_offset(std::string_view s) {
  // Expectation states of a minimal JSON grammar; the stack holds '{' / '['.
  enum { value, key, colon, comma_or_end } want = value;
  std::string stack;
  size_t i = 0;
  auto space = [&] {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  };
  auto after_value = [&] { want = stack.empty() ? value : comma_or_end; };
  bool done = false;
  for (;;) {
    space();
    if (i >= s.size()) return s.size();
    if (done) return i;  // trailing content
    char c = s[i];
    switch (want) {
      case key:
        if (c != '"') return i;
        [[fallthrough]];
      case value:
        if (c == '"') {
          ++i;
          while (i < s.size() && s[i] != '"') {
            if (static_cast<unsigned char>(s[i]) < 0x20) return i;
            i += s[i] == '\\' ? 2 : 1;
          }
          if (i >= s.size()) return s.size();
          ++i;
          if (want == key) {
            want = colon;
            continue;
          }
        } else if (c == '{' || c == '[') {
          stack += c, ++i;
          want = c == '{' ? key : value;
          space();
          if (i < s.size() && s[i] == (c == '{' ? '}' : ']')) {  // empty container
            stack.pop_back(), ++i, after_value();
            done = stack.empty();
          }
          continue;
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          while (i < s.size() && (isdigit(static_cast<unsigned char>(s[i])) || s[i] == '-' ||
                                  s[i] == '+' || s[i] == '.' || s[i] == 'e' || s[i] == 'E'))
            ++i;
        } else if (s.compare(i, 4, "true") == 0 || s.compare(i, 4, "null") == 0) {
          i += 4;
        } else if (s.compare(i, 5, "false") == 0) {
          i += 5;
        } else {
          return i;
        }
        after_value();
        done = stack.empty();
        continue;
      case colon:
        if (c != ':') return i;
        ++i, want = value;
        continue;
      case comma_or_end:
        if (c == ',') {
          ++i;
          want = stack.back() == '{' ? key : value;
          space();
          // A trailing comma: "[1,]" or {"a":1,}
          if (i < s.size() && (s[i] == ']' || s[i] == '}')) return i;
          continue;
        }
        if ((c == '}' && stack.back() == '{') || (c == ']' && stack.back() == '[')) {
          stack.pop_back(), ++i, after_value();
          done = stack.empty();
          continue;
        }
        return i;
    }
  }
}

}  // namespace quoteline::input
