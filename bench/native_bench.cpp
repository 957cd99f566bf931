// Native throughput of the core over one input file, for bench/run.mjs
// (`make bench`). Prints one JSON line of figures; the table is made there.
//   native_bench analyze FILE [runs]  whole analysis: analyze() + to_json() of
//                                     every article, what the CLI does
//   native_bench quotes FILE [runs]   text + quote stages per article
//   native_bench dates FILE [runs]    text + time stages per article
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

#include "input/article.h"
#include "quoteline/quoteline.h"
#include "quotes/quotes.h"
#include "text/calendar.h"
#include "text/document.h"
#include "time/time.h"

using namespace quoteline;

namespace {

double now() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
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

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: native_bench analyze|quotes|dates FILE [runs]\n");
    return 2;
  }
  std::string mode = argv[1];
  int runs = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  std::string in;
  if (!slurp(argv[2], in)) {
    std::fprintf(stderr, "native_bench: cannot read %s\n", argv[2]);
    return 2;
  }
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
