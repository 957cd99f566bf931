// Timeline events of one article: its publication, each dated mention with
// the sentence around it, and each quote at the moment it was said.
#include <algorithm>

#include "text/document.h"
#include "time/time.h"

namespace quoteline::time {

namespace {

// A value the timeline can place: a calendar value with a known year
// ("2023-03-22", "2023-W12", "1989-Q3", "199"), not "XXXX-WXX-1" or
// "PRESENT_REF".
bool placeable(const timex& t) {
  if (t.type != timex_type::date && t.type != timex_type::time) return false;
  if (t.value.empty() || t.value[0] < '0' || t.value[0] > '9') return false;
  return t.value.find('X') == std::string::npos;
}

// Precise enough to date an utterance: a day or finer.
bool day_or_finer(const timex& t) {
  return placeable(t) && t.value.size() >= 10 && t.value[4] == '-' && t.value[7] == '-';
}

span sentence_around(const text::document& d, span at) {
  int s = text::sentence_at(d, at.start);
  if (s >= 0) {
    span out = d.sentences[size_t(s)];
    int e = text::sentence_at(d, at.end > at.start ? at.end - 1 : at.end);
    if (e > s) out.end = d.sentences[size_t(e)].end;
    return out;
  }
  for (span h : d.header)
    if (at.start >= h.start && at.start < h.end) return h;
  return at;
}

bool inside(span outer, span x) {
  return x.start >= outer.start && x.end <= outer.end;
}

// The date of a dateline ("BEIJING. March 22 (Interfax) - ..."): it dates the
// report, not the words quoted after it.
bool in_dateline(const text::document& d, const timex& t) {
  if (d.paragraphs.empty()) return false;
  span p = d.paragraphs[0];
  if (t.at.start < p.start || t.at.start - p.start > 64) return false;
  size_t i = t.at.end;
  while (i < p.end && d.text[i] == ' ') ++i;
  if (i >= p.end) return false;
  char c = d.text[i];
  return c == '(' || c == '-' || d.text.compare(i, 3, "\xE2\x80\x93") == 0 ||
         d.text.compare(i, 3, "\xE2\x80\x94") == 0;
}

}  // namespace

std::vector<event> events(const text::document& d, const std::string& published,
                          const std::vector<timex>& timexes, const std::vector<quote>& quotes) {
  std::vector<event> out;
  out.reserve(1 + timexes.size() + quotes.size());
  if (!published.empty()) {
    event e;
    e.kind = event_kind::published;
    e.when = published;
    out.push_back(std::move(e));
  }
  for (size_t k = 0; k < timexes.size(); ++k) {
    const timex& t = timexes[k];
    if (!placeable(t)) continue;
    bool in_header = false;
    for (span h : d.header) in_header = in_header || inside(h, t.at);
    // The wire timestamp is the publication itself, not a mention.
    if (in_header && !published.empty() && published.compare(0, t.value.size(), t.value) == 0)
      continue;
    event e;
    e.kind = event_kind::mention;
    e.when = t.value;
    e.sentence = sentence_around(d, t.at);
    e.timex = int(k);
    out.push_back(std::move(e));
  }
  for (size_t q = 0; q < quotes.size(); ++q) {
    const quote& qt = quotes[q];
    span around = sentence_around(d, qt.at);
    if (!qt.mention.empty()) {
      span m = sentence_around(d, qt.mention);
      if (m.start < around.start) around.start = m.start;
      if (m.end > around.end) around.end = m.end;
    }
    event e;
    e.kind = event_kind::quote;
    e.quote = int(q);
    e.sentence = around;
    e.when = published;
    // "..., he said on Monday": a day-precise date outside the quoted words.
    size_t first =
        size_t(std::lower_bound(timexes.begin(), timexes.end(), around.start,
                                [](const timex& t, uint32_t p) { return t.at.start < p; }) -
               timexes.begin());
    for (size_t k = first; k < timexes.size(); ++k) {
      const timex& t = timexes[k];
      if (t.at.start >= around.end) break;
      if (!inside(around, t.at) || !day_or_finer(t) || in_dateline(d, t)) continue;
      if (t.at.start >= qt.at.start && t.at.end <= qt.at.end) continue;
      e.when = t.value;
      e.timex = int(k);
      break;
    }
    if (e.when.empty()) continue;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace quoteline::time
