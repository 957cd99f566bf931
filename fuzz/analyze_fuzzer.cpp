// libFuzzer target: the whole pipeline, bytes -> quoteline::analyze ->
// to_json. Beyond "no crash, no leak, no UB" it checks what the API
// promises: every span lies inside the text on character boundaries, every
// index points at something, every output is valid JSON (compact and
// pretty), and the same input gives byte-identical output twice.
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "json_valid.h"
#include "quoteline/quoteline.h"

namespace {

using namespace quoteline;

[[noreturn]] void broken(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "analyze_fuzzer: %s %.*s\n", what, int(detail.size()), detail.data());
  __builtin_trap();
}

bool boundary(const std::string& t, uint32_t at) {
  return at == t.size() || (at < t.size() && (static_cast<unsigned char>(t[at]) & 0xC0) != 0x80);
}

void check_span(const analysis& a, span s, const char* what) {
  if (s.start > s.end || s.end > a.text.size()) broken("span outside the text:", what);
  if (!boundary(a.text, s.start) || !boundary(a.text, s.end))
    broken("span splits a character:", what);
}

void check_model(const analysis& a) {
  if (!check::valid_utf8(a.text)) broken("text is not valid UTF-8");
  uint32_t last = 0;
  for (span p : a.paragraphs) {
    check_span(a, p, "paragraph");
    if (p.start < last) broken("paragraphs out of order");
    last = p.end;
  }
  for (const quote& q : a.quotes) {
    check_span(a, q.at, "quote");
    if (!q.mention.empty()) check_span(a, q.mention, "mention");
    if (q.speaker < -1 || q.speaker >= int(a.speakers.size())) broken("quote speaker index");
  }
  // Qualified: glibc's struct timex (which <memory> can pull in) shares the name.
  for (const quoteline::timex& t : a.timexes) check_span(a, t.at, "timex");
  for (const event& e : a.events) {
    check_span(a, e.sentence, "event sentence");
    if (e.timex < -1 || e.timex >= int(a.timexes.size())) broken("event timex index");
    if (e.quote < -1 || e.quote >= int(a.quotes.size())) broken("event quote index");
  }
}

void json(std::string& all, std::string s) {
  check::json_checker c(s);
  if (!c.valid()) broken("invalid JSON output:", s.substr(c.where() > 40 ? c.where() - 40 : 0, 80));
  all += s;
  all += '\n';
}

// Everything the CLI could print for this input, one line per value.
std::string render(std::string_view in) {
  result r = analyze(in);
  std::string all;
  if (r.fatal.code != status::ok) {
    if (!r.entries.empty()) broken("a fatal error came with entries");
    json(all, to_json(r.fatal));
    return all;
  }
  if (!r.collection && r.entries.size() != 1) broken("one article gave several entries");
  for (const entry& e : r.entries) {
    if (e.failure.code != status::ok) {
      json(all, to_json(e.failure));
      continue;
    }
    check_model(e.article);
    json(all, to_json(e.article, false));
    json(all, to_json(e.article, true));
  }
  return all;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string first = render(in);
  if (render(in) != first) broken("same input, different output");
  return 0;
}
