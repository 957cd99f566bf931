#include "input/wire.h"

#include "input/timestamp.h"
#include "text/chars.h"
#include "text/document.h"
#include "text/utf8.h"

namespace quoteline::input {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// One line, short, and not ending like a sentence: a headline.
bool headline_like(std::string_view b) {
  if (b.empty() || b.size() > 300 || b.find('\n') != std::string_view::npos) return false;
  char last = b.back();
  return last != '.' && last != ',' && last != ';' && last != ':';
}

// A place: starts with a capital, letters, spaces, commas, periods, hyphens,
// apostrophes; its first word in capitals unless `lenient`.
bool place_like(std::string_view p, bool lenient) {
  if (p.empty() || p.size() > 60) return false;
  size_t i = 0, letters = 0, upper = 0;
  bool first_word = true;
  while (i < p.size()) {
    uint32_t c = text::next_cp(p, i);
    if (text::is_letter(c)) {
      if (first_word) ++letters, upper += text::is_upper(c);
    } else if (c == ' ' || c == ',' || c == '.') {
      if (letters) first_word = false;
    } else if (c != '-' && c != '\'' && c != 0x2019) {
      return false;
    }
  }
  size_t j = 0;
  if (!text::is_upper(text::next_cp(p, j))) return false;
  return lenient ? letters >= 2 : letters >= 2 && upper == letters;
}

}  // namespace

bool parse_dateline(std::string_view s, const text::civil& anchor, dateline& out) {
  s = trim(s);
  dateline d;
  // Agency: "(Interfax)" or "/Interfax/" at the end.
  if (!s.empty() && s.back() == ')') {
    size_t open = s.rfind('(');
    if (open == std::string_view::npos) return false;
    d.agency = std::string(trim(s.substr(open + 1, s.size() - open - 2)));
    s = trim(s.substr(0, open));
  } else if (s.size() > 2 && s.back() == '/') {
    size_t open = s.rfind('/', s.size() - 2);
    if (open == std::string_view::npos) return false;
    d.agency = std::string(trim(s.substr(open + 1, s.size() - open - 2)));
    s = trim(s.substr(0, open));
  }
  if (d.agency.size() > 40) return false;
  // Date: the part after the last ", " or ". " when it reads as a date.
  for (size_t cut = s.size(); cut > 0;) {
    cut = s.find_last_of(",.", cut - 1);
    if (cut == std::string_view::npos) break;
    text::civil c;
    if (parse_month_day(s.substr(cut + 1), anchor, c)) {
      d.date = text::iso(c);
      s = trim(s.substr(0, cut));
      break;
    }
  }
  if (!place_like(s, !d.agency.empty() || !d.date.empty())) return false;
  d.place = std::string(s);
  out = std::move(d);
  return true;
}

size_t leading_dateline(std::string_view p, const text::civil& anchor, dateline& out) {
  // The dash: a run of -, en dash, em dash or _ with a space (or the end of
  // an agency) before it and a space after it, within the first 120 bytes.
  size_t limit = std::min<size_t>(p.size(), 120);
  for (size_t i = 1; i < limit;) {
    size_t at = i;
    uint32_t c = text::next_cp(p, i);
    if (!(c == '-' || c == '_' || c == 0x2013 || c == 0x2014)) continue;
    char before = p[at - 1];
    if (before != ' ' && before != ')' && before != '/') continue;
    size_t end = i;
    while (end < p.size() && (p[end] == '-' || p[end] == '_')) ++end;
    if (end < p.size() && p[end] != ' ') continue;
    if (!parse_dateline(p.substr(0, at), anchor, out)) return 0;
    while (end < p.size() && p[end] == ' ') ++end;
    return end;
  }
  return 0;
}

void read_wire(std::string text, article& a) {
  std::vector<std::string_view> blocks = text::first_blocks(text, 3);
  size_t next = 0;
  std::string iso;
  if (next < blocks.size() && parse_timestamp(trim(blocks[next]), iso)) {
    a.published = std::move(iso);
    ++next;
  }
  if (next + 1 < blocks.size() && headline_like(trim(blocks[next]))) {
    a.headline = std::string(trim(blocks[next]));
    ++next;
  }
  a.header_blocks = next;
  text::civil anchor;
  text::parse_iso(text::without_zone(a.published), anchor);
  dateline d;
  if (next < blocks.size() && leading_dateline(trim(blocks[next]), anchor, d)) a.dateline = d;
  a.body = std::move(text);
}

}  // namespace quoteline::input
