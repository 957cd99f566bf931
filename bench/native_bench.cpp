// Native throughput of the core over one input file, for bench/run.mjs
// (`make bench`). Prints one JSON line of figures; the table is made there.
//   native_bench analyze FILE [runs]  whole analysis: analyze() + to_json() of
//                                     every article, what the CLI does
//   native_bench quotes FILE [runs]   text + quote stages per article
//   native_bench dates FILE [runs]    text + time stages per article
//   native_bench stages FILE [runs]   CPU seconds per stage of the whole
//                                     analysis (where the time goes)
//   native_bench timeline FILE [runs] the collection timeline over the
//                                     file's analyses: merge() and one
//                                     automatic bucket()
// Times are CPU time of this thread, best of `runs` after one warm-up: the
// machine is shared, and wall time would also measure the neighbours. The
// file is read once, before timing; for quotes and dates so is the input
// stage, so those figures are the stages alone.
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "attribution/attribution.h"
#include "input/article.h"
#include "quoteline/quoteline.h"
#include "quoteline/timeline.h"
#include "quotes/quotes.h"
#include "text/calendar.h"
#include "text/document.h"
#include "time/time.h"

using namespace quoteline;

namespace {

double now() {
  timespec t;
#ifdef __EMSCRIPTEN__
  // Emscripten has no per-thread CPU clock: wall time, which the best of
  // several runs keeps close on a quiet machine.
  clock_gettime(CLOCK_MONOTONIC, &t);
#else
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
#endif
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

bool slurp(const char* path, std::string& out) {
  std::FILE* f = std::fopen(path, "rb");
  if (!f) return false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) out.append(buf, n);
  std::fclose(f);
  return true;
}

// Bytes of output (also keeps the optimizer from dropping the work).
size_t whole(const std::string& in, size_t& articles) {
  result r = analyze(in);
  size_t out = 0;
  articles = r.entries.size();
  for (const entry& e : r.entries)
    out += e.failure.code != status::ok ? to_json(e.failure).size() : to_json(e.article).size();
  return out;
}

text::civil anchor(const input::article& a) {
  text::civil c;
  if (text::parse_iso(text::without_zone(a.published), c) && c.has_date()) return c;
  return {};
}

// Quotes or timexes found, summed over the articles.
size_t stages(const std::vector<input::article>& docs, bool dates) {
  size_t found = 0;
  std::vector<diagnostic> diags;
  for (const input::article& a : docs) {
    text::document d = text::build(a.body, diags, a.header_blocks);
    found += dates ? time::find(d, anchor(a), diags).size() : quotes::find(d, diags).size();
    diags.clear();
  }
  return found;
}

// The orchestrator's steps timed one by one over every article; the order
// follows core/src/analyze.cpp.
void stage_times(const std::string& in, int runs) {
  const char* names[] = {"input", "text", "quotes", "attribution", "time", "events", "output"};
  double best[7];
  for (double& b : best) b = 1e30;
  for (int r = 0; r <= runs; ++r) {
    double t[7] = {0, 0, 0, 0, 0, 0, 0};
    double s = now();
    input::reading rd = input::read(in, {});
    t[0] = now() - s;
    for (input::record& rec : rd.records) {
      if (rec.failure.code != status::ok) continue;
      input::article& a = rec.doc;
      analysis out;
      s = now();
      text::document d = text::build(a.body, out.diagnostics, a.header_blocks);
      double m = now();
      t[1] += m - s;
      out.quotes = quotes::find(d, out.diagnostics);
      s = now();
      t[2] += s - m;
      attribution::attribute(d, a.dateline ? &*a.dateline : nullptr, out.quotes, out.speakers);
      m = now();
      t[3] += m - s;
      out.timexes = time::find(d, anchor(a), out.diagnostics);
      s = now();
      t[4] += s - m;
      out.events = time::events(d, a.published, out.timexes, out.quotes);
      m = now();
      t[5] += m - s;
      out.published = a.published;
      out.paragraphs = std::move(d.paragraphs);
      out.text = std::move(d.text);
      std::string json = to_json(out);
      t[6] += now() - m;
    }
    if (r)
      for (int k = 0; k < 7; ++k) best[k] = std::min(best[k], t[k]);
  }
  std::printf("{\"mode\":\"stages\",\"bytes\":%zu", in.size());
  for (int k = 0; k < 7; ++k) std::printf(",\"%s\":%.6f", names[k], best[k]);
  std::printf("}\n");
}

void timeline_times(const std::string& in, int runs) {
  std::vector<analysis> col;
  size_t events = 0;
  for (entry& e : analyze(in).entries) {
    events += e.article.events.size();
    col.push_back(std::move(e.article));
  }
  double merge = 1e30, bucket = 1e30;
  size_t placed = 0, bins = 0;
  for (int i = 0; i <= runs; ++i) {
    double t = now();
    std::vector<timeline::item> items = timeline::merge(col);
    double m = now() - t;
    t = now();
    bins = timeline::bucket(items).bins.size();
    double b = now() - t;
    placed = items.size();
    if (i) merge = std::min(merge, m), bucket = std::min(bucket, b);
  }
  std::printf(
      "{\"mode\":\"timeline\",\"articles\":%zu,\"events\":%zu,\"placed\":%zu,"
      "\"merge\":%.6f,\"bucket\":%.6f,\"bins\":%zu}\n",
      col.size(), events, placed, merge, bucket, bins);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: native_bench analyze|quotes|dates|stages|timeline FILE [runs]\n");
    return 2;
  }
  std::string mode = argv[1];
  int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  std::string in;
  if (!slurp(argv[2], in)) {
    std::fprintf(stderr, "native_bench: cannot read %s\n", argv[2]);
    return 2;
  }
  if (mode == "stages") return stage_times(in, runs), 0;
  if (mode == "timeline") return timeline_times(in, runs), 0;
  std::vector<input::article> docs;
  if (mode != "analyze") {
    input::reading r = input::read(in, {});
    for (input::record& rec : r.records)
      if (rec.failure.code == status::ok) docs.push_back(std::move(rec.doc));
  }
  size_t articles = docs.size(), out = 0;
  double best = 1e30;
  for (int i = 0; i <= runs; ++i) {  // run 0 warms up
    double t = now();
    if (mode == "analyze")
      out = whole(in, articles);
    else if (mode == "quotes" || mode == "dates")
      out = stages(docs, mode == "dates");
    else
      return std::fprintf(stderr, "native_bench: unknown mode %s\n", mode.c_str()), 2;
    t = now() - t;
    if (i) best = std::min(best, t);
  }
  rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  std::printf(
      "{\"mode\":\"%s\",\"bytes\":%zu,\"articles\":%zu,\"runs\":%d,\"seconds\":%.6f,"
      "\"mbps\":%.2f,\"result\":%zu,\"peakRssKb\":%ld}\n",
      mode.c_str(), in.size(), articles, runs, best, double(in.size()) / 1e6 / best, out,
      ru.ru_maxrss);
  return 0;
}
