// The embind layer: bytes in the wasm heap -> quoteline::reader -> JSON
// bytes. No analysis logic lives here. JS writes the input into a buffer from
// alloc(), runs analyze(), then pulls each entry's JSON with entry() through
// view() until one comes back done; nothing crossing the boundary needs a
// .delete().
#include <emscripten/bind.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

#include "quoteline/quoteline.h"

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
}
