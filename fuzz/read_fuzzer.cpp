// libFuzzer target: the input stage alone (BOM and UTF-16 decoding, UTF-8
// repair, shape detection, wire text, every JSON shape, HTML bodies).
// Beyond "no crash, no leak, no UB" it checks the stage's promises: every
// string it hands on is valid UTF-8, the size limit is honoured, and a JSON
// document is refused exactly when an independent checker finds it invalid.
#include <cstdint>
#include <cstdio>
#include <string_view>

#include "input/article.h"
#include "json_valid.h"

namespace {

using namespace quoteline;

[[noreturn]] void broken(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "read_fuzzer: %s %.*s\n", what, int(detail.size()), detail.data());
  __builtin_trap();
}

void utf8(std::string_view field, std::string_view s) {
  if (!check::valid_utf8(s)) broken("invalid UTF-8 in", field);
}

void check_reading(const input::reading& r, size_t size, const options& o) {
  if (size > o.max_input && r.fatal.code != status::input_too_large)
    broken("oversize input was not refused");
  if (r.fatal.code != status::ok) {
    if (!r.records.empty()) broken("a fatal error came with records");
    return;
  }
  // An empty collection ("[]") is read as zero records; one article is one.
  if (!r.collection && r.records.size() != 1) broken("one article gave no or several records");
  for (const input::record& rec : r.records) {
    const input::article& a = rec.doc;
    utf8("id", a.id);
    if (rec.failure.code != status::ok) continue;
    utf8("headline", a.headline);
    utf8("published", a.published);
    utf8("byline", a.byline);
    utf8("body", a.body);
    if (a.dateline) {
      utf8("dateline.place", a.dateline->place);
      utf8("dateline.date", a.dateline->date);
      utf8("dateline.agency", a.dateline->agency);
    }
    for (const diagnostic& d : a.diagnostics) utf8("diagnostic", d.message);
  }
}

// Whether the bytes reach simdjson as they are (valid UTF-8, no byte-order
// mark) and nest well within both the reader's and the checker's limits.
bool comparable(std::string_view s) {
  if (!check::valid_utf8(s)) return false;
  if (s.size() >= 2 && ((s[0] == '\xEF' && s[1] == '\xBB') || s[0] == '\xFE' || s[0] == '\xFF'))
    return false;
  size_t open = 0;
  for (char c : s) open += c == '[' || c == '{';
  return open < 200;
}

void check_json_verdict(std::string_view in) {
  if (!comparable(in)) return;
  options o;
  o.format = input_format::json;
  input::reading r = input::read(in, o);
  if (r.fatal.code == status::empty_input) return;
  bool accepted = r.fatal.code != status::invalid_json;
  if (accepted != check::rfc_json(in))
    broken(accepted ? "accepted invalid JSON" : "refused valid JSON");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  options o;
  check_reading(input::read(in, o), size, o);

  // The same bytes forced through one explicit reader, picked by the size so
  // that every reader sees every kind of input; sometimes under a tight limit.
  static constexpr input_format kForced[] = {input_format::text, input_format::json,
                                             input_format::jsonl};
  o.format = kForced[size % 3];
  if (size % 7 == 0) o.max_input = size / 2;
  check_reading(input::read(in, o), size, o);
  check_json_verdict(in);
  return 0;
}
