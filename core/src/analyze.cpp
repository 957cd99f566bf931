// The orchestrator: bytes -> articles -> text -> quotes, speakers, timexes
// -> analysis. Each step is one stage call; the order is the data flow.
#include "attribution/attribution.h"
#include "input/article.h"
#include "quoteline/quoteline.h"
#include "quotes/quotes.h"
#include "text/calendar.h"
#include "text/document.h"
#include "time/time.h"

namespace quoteline {

namespace {

// The moment relative dates are read against: the publication time, else
// the dateline's date.
text::civil anchor_of(const input::article& a) {
  text::civil c;
  if (text::parse_iso(text::without_zone(a.published), c) && c.has_date()) return c;
  if (a.dateline && text::parse_iso(a.dateline->date, c) && c.has_date()) return c;
  return {};
}

analysis analyze_article(input::article&& a) {
  // Read before the fields below are moved out of `a`.
  const text::civil anchor = anchor_of(a);
  analysis out;
  out.id = std::move(a.id);
  out.headline = std::move(a.headline);
  out.published = std::move(a.published);
  out.byline = std::move(a.byline);
  out.dateline = std::move(a.dateline);
  out.diagnostics = std::move(a.diagnostics);

  // Text first: every later span points into the normalized text.
  text::document doc = text::build(a.body, out.diagnostics, a.header_blocks);
  // The text holds the body now: freeing it here keeps a collection's peak
  // heap at one copy of the bodies instead of two.
  std::string().swap(a.body);
  // Quotes before attribution: the sieves only look at found quotes.
  out.quotes = quotes::find(doc, out.diagnostics);
  attribution::attribute(doc, out.dateline ? &*out.dateline : nullptr, out.quotes, out.speakers);
  // Dates after quotes: events place each quote at the time it was said.
  out.timexes = time::find(doc, anchor, out.diagnostics);
  out.events = time::events(doc, out.published, out.timexes, out.quotes);

  out.paragraphs = std::move(doc.paragraphs);
  out.text = std::move(doc.text);
  return out;
}

}  // namespace

reader::reader(std::string_view input, const options& opts)
    : cursor_(std::make_unique<input::cursor>(input, opts)) {}
reader::~reader() = default;
reader::reader(reader&&) noexcept = default;
reader& reader::operator=(reader&&) noexcept = default;

const error& reader::fatal() const {
  return cursor_->fatal();
}

bool reader::collection() const {
  return cursor_->collection();
}

bool reader::next(entry& e) {
  input::record rec;
  if (!cursor_->next(rec)) return false;
  e = {};
  if (rec.failure.code != status::ok) {
    e.article.id = std::move(rec.doc.id);
    e.failure = std::move(rec.failure);
  } else {
    e.article = analyze_article(std::move(rec.doc));
  }
  return true;
}

result analyze(std::string_view bytes, const options& opts) {
  reader in(bytes, opts);
  result r;
  r.fatal = in.fatal();
  r.collection = in.collection();
  for (entry e; in.next(e);) r.entries.push_back(std::move(e));
  return r;
}

bool parse_format(std::string_view name, input_format& out) {
  if (name == "auto") return out = input_format::automatic, true;
  if (name == "text") return out = input_format::text, true;
  if (name == "json") return out = input_format::json, true;
  if (name == "jsonl") return out = input_format::jsonl, true;
  return false;
}

const char* version() {
  return QUOTELINE_VERSION;
}

}  // namespace quoteline
