// Native throughput of the quote stages (quotes::find + attribution::attribute)
// beside the text stage they run on, over the articles of a PolNeAR split.
//   g++ -O2 -std=c++17 -Icore/include -Icore/src bench/quotes_bench.cpp
//       build/libquoteline_core.a build/libsimdjson.a -o build/quotes_bench
//   build/quotes_bench ../shared/data/polnear/train.jsonl [rounds]
//   build/quotes_bench ../shared/data/polnear/train.jsonl dump > out.txt
// Reads the gold paragraphs (one JSON object a line, "doc" and "text"), joins
// each article's paragraphs with blank lines, and times each stage separately.
// `dump` prints every quote and speaker instead, to diff two builds exactly.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "attribution/attribution.h"
#include "quotes/quotes.h"
#include "text/document.h"

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
    if (c == 'n')
      out += '\n';
    else if (c == 't')
      out += '\t';
    else if (c == 'u') {
      unsigned cp = std::stoul(line.substr(i + 1, 4), nullptr, 16);
      i += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && line.compare(i + 1, 2, "\\u") == 0) {
        unsigned lo = std::stoul(line.substr(i + 3, 4), nullptr, 16);
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        i += 6;
      }
      if (cp < 0x80)
        out += char(cp);
      else if (cp < 0x800)
        out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
      else if (cp < 0x10000)
        out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)),
            out += char(0x80 | (cp & 0x3F));
      else
        out += char(0xF0 | (cp >> 18)), out += char(0x80 | ((cp >> 12) & 0x3F)),
            out += char(0x80 | ((cp >> 6) & 0x3F)), out += char(0x80 | (cp & 0x3F));
    } else {
      out += c;
    }
  }
  return out;
}

void dump(const std::vector<text::document>& docs) {
  std::vector<diagnostic> diags;
  for (size_t i = 0; i < docs.size(); ++i) {
    std::vector<quote> qs = quotes::find(docs[i], diags);
    std::vector<speaker> sp;
    attribution::attribute(docs[i], qs, sp);
    std::printf("doc %zu: %zu diagnostics\n", i, diags.size());
    diags.clear();
    for (const quote& q : qs)
      std::printf("q %u %u %d %d %d %u %u %d\n", q.at.start, q.at.end, int(q.kind), q.speaker,
                  int(q.cue), q.mention.start, q.mention.end, q.utterance);
    for (const speaker& s : sp) {
      std::printf("s %s|%s|%s|%d|%d", s.id.c_str(), s.name.c_str(), s.role.c_str(), int(s.kind),
                  s.quote_count);
      for (const std::string& a : s.aliases) std::printf("|%s", a.c_str());
      std::printf("\n");
    }
  }
}

// CPU time of this thread: the machine is shared, wall time would measure the
// neighbours too.
double now() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: quotes_bench SPLIT.jsonl [rounds]\n");
    return 2;
  }
  bool dumping = argc > 2 && std::string(argv[2]) == "dump";
  int rounds = argc > 2 && !dumping ? std::atoi(argv[2]) : 5;
  std::ifstream in(argv[1]);
  std::vector<std::string> bodies;
  std::string line, doc;
  while (std::getline(in, line)) {
    std::string d = field(line, "doc");
    if (d != doc || bodies.empty())
      bodies.emplace_back(), doc = d;
    else
      bodies.back() += "\n\n";
    bodies.back() += field(line, "text");
  }
  size_t bytes = 0;
  for (const std::string& b : bodies) bytes += b.size();

  std::vector<text::document> docs;
  std::vector<diagnostic> diags;
  double t0 = now();
  for (const std::string& b : bodies) docs.push_back(text::build(b, diags));
  double text_s = now() - t0;
  if (dumping) {
    dump(docs);
    return 0;
  }

  double find_s = 1e9, attr_s = 1e9;
  size_t quotes = 0, speakers = 0;
  for (int r = 0; r < rounds; ++r) {
    std::vector<std::vector<quote>> found(docs.size());
    double a = now();
    for (size_t i = 0; i < docs.size(); ++i) found[i] = quotes::find(docs[i], diags);
    double b = now();
    quotes = speakers = 0;
    for (size_t i = 0; i < docs.size(); ++i) {
      std::vector<speaker> sp;
      attribution::attribute(docs[i], found[i], sp);
      quotes += found[i].size();
      speakers += sp.size();
    }
    double c = now();
    find_s = std::min(find_s, b - a);
    attr_s = std::min(attr_s, c - b);
    diags.clear();
  }
  double mb = bytes / 1e6;
  std::printf("%zu articles, %.2f MB of text, %zu quotes, %zu speakers (CPU time, best of %d)\n",
              bodies.size(), mb, quotes, speakers, rounds);
  std::printf("text stage (once)      %8.1f MB/s\n", mb / text_s);
  std::printf("quotes::find           %8.1f MB/s\n", mb / find_s);
  std::printf("attribution::attribute %8.1f MB/s\n", mb / attr_s);
  std::printf("quote stages together  %8.1f MB/s\n", mb / (find_s + attr_s));
  return 0;
}
