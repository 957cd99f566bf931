// Native throughput of the time stage (time::find + time::events) beside the
// text stage it runs on and the whole analyze() pipeline, over the documents
// of a TimeML JSON Lines file; then the collection timeline (merge + bins)
// over 10,000 events.
//   g++ -O2 -std=c++17 -Icore/include -Icore/src bench/time_bench.cpp \
//       build/libquoteline_core.a build/libsimdjson.a -o build/time_bench
//   build/time_bench ../shared/data/timeml/train.jsonl [rounds]
// Reads "text" and "dct" from each line; MB = 10^6 bytes of body text.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "quoteline/quoteline.h"
#include "quoteline/timeline.h"
#include "text/calendar.h"
#include "text/document.h"
#include "time/time.h"

using namespace quoteline;

namespace {

// The value of string field `key` in one JSON line (enough for this corpus).
std::string field(const std::string& line, const std::string& key) {
  std::string pat = "\"" + key + "\": \"";
  size_t i = line.find(pat);
  if (i == std::string::npos) return {};
  std::string out;
  for (i += pat.size(); i < line.size() && line[i] != '"'; ++i) {
    if (line[i] != '\\') {
      out += line[i];
      continue;
    }
    char c = line[++i];
    if (c == 'n') out += '\n';
    else if (c == 't') out += '\t';
    else if (c == 'u') {
      unsigned cp = std::stoul(line.substr(i + 1, 4), nullptr, 16);
      i += 4;
      if (cp < 0x80) out += char(cp);
      else if (cp < 0x800) out += char(0xC0 | cp >> 6), out += char(0x80 | (cp & 63));
      else
        out += char(0xE0 | cp >> 12), out += char(0x80 | ((cp >> 6) & 63)),
            out += char(0x80 | (cp & 63));
    } else {
      out += c;
    }
  }
  return out;
}

std::string json_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\', out += c;
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (static_cast<unsigned char>(c) < 0x20) out += ' ';
    else out += c;
  }
  return out;
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Processor time of this process: on a shared machine the wall clock also
// counts other processes' turns.
double cpu_seconds() { return double(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: time_bench FILE.jsonl [rounds]\n");
    return 2;
  }
  int rounds = argc > 2 ? std::atoi(argv[2]) : 20;
  std::ifstream in(argv[1]);
  std::vector<std::string> bodies, dcts;
  std::string line, jsonl;
  size_t bytes = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    bodies.push_back(field(line, "text"));
    dcts.push_back(field(line, "dct"));
    bytes += bodies.back().size();
    jsonl += "{\"id\":\"d" + std::to_string(bodies.size()) + "\",\"published\":\"" + dcts.back() +
             "\",\"body\":\"" + json_escape(bodies.back()) + "\"}\n";
  }
  if (bodies.empty()) {
    std::fprintf(stderr, "time_bench: no documents in %s\n", argv[1]);
    return 2;
  }
  // The text stage once: the time stage is timed on its product.
  std::vector<text::document> docs;
  std::vector<text::civil> anchors;
  std::vector<diagnostic> diags;
  auto t0 = std::chrono::steady_clock::now();
  for (int r = 0; r < rounds; ++r) {
    docs.clear();
    for (const std::string& b : bodies) docs.push_back(text::build(b, diags));
  }
  double text_s = seconds_since(t0) / rounds;
  for (const std::string& d : dcts) {
    text::civil c;
    text::parse_iso(d, c);
    anchors.push_back(c);
  }
  size_t found = 0;
  double best = 1e9, total = 0;
  double cpu0 = cpu_seconds();
  for (int r = 0; r < rounds; ++r) {
    found = 0;
    auto t1 = std::chrono::steady_clock::now();
    for (size_t i = 0; i < docs.size(); ++i) {
      diags.clear();
      std::vector<quoteline::timex> ts = time::find(docs[i], anchors[i], diags);
      std::vector<event> es = time::events(docs[i], dcts[i], ts, {});
      found += ts.size() + es.size();
    }
    double s = seconds_since(t1);
    total += s;
    if (s < best) best = s;
  }
  double cpu = (cpu_seconds() - cpu0) / rounds;
  double mb = double(bytes) / 1e6;
  std::printf("documents %zu, %.2f MB of text, %d rounds, %zu timexes+events per round\n",
              bodies.size(), mb, rounds, found);
  std::printf("text stage (build):         %8.1f MB/s\n", mb / text_s);
  std::printf("time stage (find + events): %8.1f MB/s best, %.1f MB/s mean, %.1f MB/s of CPU time\n",
              mb / best, mb * rounds / total, mb / cpu);

  // The whole pipeline on the same articles as JSON Lines.
  options o;
  o.format = input_format::jsonl;
  double pipe_best = 1e9;
  for (int r = 0; r < rounds; ++r) {
    auto t2 = std::chrono::steady_clock::now();
    result res = analyze(jsonl, o);
    double s = seconds_since(t2);
    if (s < pipe_best) pipe_best = s;
    if (res.entries.size() != bodies.size()) std::fprintf(stderr, "analyze lost articles\n");
  }
  std::printf("whole analyze() (jsonl):    %8.1f MB/s best (%.2f MB of input)\n",
              double(jsonl.size()) / 1e6 / pipe_best, double(jsonl.size()) / 1e6);

  // The collection timeline: 10,000 events, merged and binned.
  std::vector<analysis> col(1000);
  for (size_t a = 0; a < col.size(); ++a) {
    col[a].id = "a" + std::to_string(a);
    for (int k = 0; k < 10; ++k) {
      event e;
      e.kind = k == 0 ? event_kind::published : event_kind::mention;
      long day = text::days_from_civil(2015, 1, 1) + long((a * 37 + size_t(k) * 101) % 3000);
      e.when = text::iso(text::civil_from_days(day));
      col[a].events.push_back(e);
    }
  }
  double merge_best = 1e9, bins_best = 1e9;
  size_t nbins = 0;
  for (int r = 0; r < rounds; ++r) {
    auto t3 = std::chrono::steady_clock::now();
    std::vector<timeline::item> items = timeline::merge(col);
    double s = seconds_since(t3);
    if (s < merge_best) merge_best = s;
    auto t4 = std::chrono::steady_clock::now();
    for (timeline::resolution res : {timeline::resolution::day, timeline::resolution::week,
                                     timeline::resolution::month, timeline::resolution::automatic})
      nbins += timeline::bucket(items, res).bins.size();
    double b = seconds_since(t4) / 4;
    if (b < bins_best) bins_best = b;
  }
  std::printf("timeline: merge 10,000 events %.2f ms, one bucket() %.3f ms (%zu bins total)\n",
              merge_best * 1e3, bins_best * 1e3, nbins / size_t(rounds));
  return 0;
}
