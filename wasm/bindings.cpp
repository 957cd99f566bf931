// The embind layer: bytes in the wasm heap -> quoteline::reader -> JSON
// bytes. No analysis logic lives here. JS writes the input into a buffer from
// alloc(), runs analyze(), then pulls each entry's JSON with entry() through
// view() until one comes back done; nothing crossing the boundary needs a
// .delete().
#include <emscripten/bind.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "quoteline/quoteline.h"
#include "quoteline/timeline.h"

namespace {

struct settings {
  std::string format = "auto";  // auto | text | json | jsonl
  double max_input = 0;         // bytes (the API passes the core's default)
  bool pretty = false;          // single articles only: JSON Lines stay lines
};

struct outcome {
  std::string status;  // "ok" or the name of a quoteline::status
  std::string message;
  double position = -1;
  bool collection = false;
  double output = 0;  // a fatal error: address and size of its JSON line
  double size = 0;
};

// One entry's JSON in the heap, valid until the next call into the module.
struct chunk {
  double output = 0;
  double size = 0;
  bool failed = false;
  bool done = false;  // no entry: the input has been read to its end
};

// The open input between analyze() and the entry() calls: each entry is
// analysed, serialized and dropped in its turn, so the heap holds the
// decoded input and one analysis, never the whole collection's.
std::optional<quoteline::reader> open;
bool pretty = false;
std::string out;

size_t alloc(size_t n) {
  return reinterpret_cast<size_t>(std::malloc(n ? n : 1));
}

emscripten::val view(size_t at, size_t n) {
  return emscripten::val(emscripten::typed_memory_view(n, reinterpret_cast<unsigned char*>(at)));
}

void clear() {
  open.reset();
  std::string().swap(out);
}

outcome refuse(const quoteline::error& e) {
  out = quoteline::to_json(e);
  outcome o;
  o.status = quoteline::to_string(e.code);
  o.message = e.message;
  o.position = double(e.position);
  o.output = double(reinterpret_cast<size_t>(out.data()));
  o.size = double(out.size());
  return o;
}

// Takes ownership of the input buffer (from alloc) and frees it as soon as
// the core is done with it.
outcome analyze(size_t at, size_t n, const settings& s) {
  char* input = reinterpret_cast<char*>(at);
  clear();
  quoteline::options opts;
  opts.max_input = s.max_input >= double(SIZE_MAX) ? SIZE_MAX
                   : s.max_input > 0               ? size_t(s.max_input)
                                                   : 0;
  if (!quoteline::parse_format(s.format, opts.format)) {
    std::free(input);
    return refuse({quoteline::status::invalid_options, "unknown input format: " + s.format});
  }
  // The reader keeps its own decoded copy: the caller's bytes can go now.
  open.emplace(std::string_view(input, n), opts);
  std::free(input);
  if (open->fatal().code != quoteline::status::ok) {
    outcome o = refuse(open->fatal());
    open.reset();
    return o;
  }
  outcome o;
  o.status = "ok";
  o.collection = open->collection();
  pretty = s.pretty && !open->collection();
  return o;
}

// The next entry of the open input as one JSON line (an analysis, or the
// error that stands in an unreadable record's place).
chunk entry() {
  chunk c;
  quoteline::entry e;
  if (!open || !open->next(e)) {
    clear();
    c.done = true;
    return c;
  }
  c.failed = e.failure.code != quoteline::status::ok;
  out = c.failed ? quoteline::to_json(e.failure) : quoteline::to_json(e.article, pretty);
  c.output = double(reinterpret_cast<size_t>(out.data()));
  c.size = double(out.size());
  return c;
}

// --- the timeline: the core's minute ranges and calendar bins ---------------
// Numbers cross as Float64Array views (valid until the next call), so a
// frame of a 10,000-event timeline costs one call and no per-bin objects.

std::vector<double> numbers;
std::vector<quoteline::timeline::item> placed;

// [start, end) in minutes of each '\n'-separated TIMEX3 value; NaN for a
// value without a place on the axis (a duration, PRESENT_REF, XXXX-...).
emscripten::val ranges(const std::string& values) {
  numbers.clear();
  for (size_t at = 0; at <= values.size();) {
    size_t nl = values.find('\n', at);
    if (nl == std::string::npos) nl = values.size();
    int64_t start, end;
    bool ok =
        quoteline::timeline::range_of(std::string_view(values).substr(at, nl - at), start, end);
    numbers.push_back(ok ? double(start) : NAN);
    numbers.push_back(ok ? double(end) : NAN);
    at = nl + 1;
  }
  return emscripten::val(emscripten::typed_memory_view(numbers.size(), numbers.data()));
}

// The items to bin: `n` (start, end, kind) triples of doubles at `at` (a
// buffer from alloc(), freed here), ordered by start then end. Kind: 0
// published, 1 mention, 2 quote.
void place(size_t at, size_t n) {
  const double* v = reinterpret_cast<const double*>(at);
  placed.assign(n, {});
  // Minutes of any year the calendar can name fit well inside +-9e15.
  const auto minute = [](double t) {
    return std::isfinite(t) && std::fabs(t) < 9e15 ? int64_t(t) : 0;
  };
  for (size_t i = 0; i < n; ++i) {
    placed[i].start = minute(v[3 * i]);
    placed[i].end = minute(v[3 * i + 1]);
    placed[i].kind = v[3 * i + 2] == 0   ? quoteline::event_kind::published
                     : v[3 * i + 2] == 2 ? quoteline::event_kind::quote
                                         : quoteline::event_kind::mention;
  }
  std::free(reinterpret_cast<void*>(at));
}

struct binned {
  int used = 0;                                    // quoteline::timeline::resolution of the bins
  emscripten::val bins = emscripten::val::null();  // 7 numbers per bin, see bins()
};

// The placed items starting in [from, to) minutes, counted per calendar bin
// (resolution 0: the finest with at most `target` bins). Per bin: start,
// end, first item, count, published, mentions, quotes.
binned bins(int resolution, int target, double from, double to) {
  namespace tl = quoteline::timeline;
  const auto clamp = [](double t, int64_t dflt) {
    return std::isfinite(t) && std::fabs(t) < 9e15 ? int64_t(t) : dflt;
  };
  tl::histogram h = tl::bucket(
      placed, static_cast<tl::resolution>(resolution < 0 || resolution > 7 ? 0 : resolution),
      target, clamp(from, INT64_MIN), clamp(to, INT64_MAX));
  numbers.clear();
  for (const tl::bin& b : h.bins)
    numbers.insert(numbers.end(), {double(b.start), double(b.end), double(b.first), double(b.count),
                                   double(b.published), double(b.mentions), double(b.quotes)});
  binned out;
  out.used = int(h.used);
  out.bins = emscripten::val(emscripten::typed_memory_view(numbers.size(), numbers.data()));
  return out;
}

std::string version() {
  return quoteline::version();
}

}  // namespace

EMSCRIPTEN_BINDINGS(quoteline) {
  using namespace emscripten;
  value_object<settings>("Settings")
      .field("format", &settings::format)
      .field("maxInput", &settings::max_input)
      .field("pretty", &settings::pretty);
  value_object<outcome>("Outcome")
      .field("status", &outcome::status)
      .field("message", &outcome::message)
      .field("position", &outcome::position)
      .field("collection", &outcome::collection)
      .field("output", &outcome::output)
      .field("size", &outcome::size);
  value_object<chunk>("Chunk")
      .field("output", &chunk::output)
      .field("size", &chunk::size)
      .field("failed", &chunk::failed)
      .field("done", &chunk::done);
  function("alloc", &alloc);
  function("view", &view);
  function("analyze", &analyze);
  function("entry", &entry);
  function("clear", &clear);
  function("version", &version);
  value_object<binned>("Binned").field("used", &binned::used).field("bins", &binned::bins);
  function("ranges", &ranges);
  function("place", &place);
  function("bins", &bins);
}
