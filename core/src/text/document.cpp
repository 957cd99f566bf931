#include "text/document.h"

#include <algorithm>

#include "text/chars.h"
#include "text/lexicon.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace quoteline::text {

namespace {

constexpr lex_entry kAbbreviations[] = {
#include "text/abbreviations.inc"
};
constexpr lexicon kAbbrev(kAbbreviations);

// Splits the body into lines (as spans of the original), marking which
// breaks are paragraph breaks by themselves (form feed, U+2029).
struct line {
  size_t start, end;
  bool hard_break_after;
};

std::vector<line> split_lines(std::string_view s) {
  std::vector<line> lines;
  size_t start = 0, i = 0;
  while (i < s.size()) {
    size_t at = i;
    uint32_t cp = next_cp(s, i);
    bool hard = cp == '\f' || cp == '\v' || cp == 0x2029;
    if (cp == '\n' || cp == '\r' || hard || cp == 0x2028 || cp == 0x85) {
      lines.push_back({start, at, hard});
      if (cp == '\r' && i < s.size() && s[i] == '\n') ++i;
      start = i;
    }
  }
  lines.push_back({start, s.size(), false});
  return lines;
}

bool blank(std::string_view s) {
  size_t i = 0;
  while (i < s.size())
    if (!is_space(next_cp(s, i))) return false;
  return true;
}

// Appends one line to the paragraph being built, collapsing whitespace and
// replacing control characters; returns how many controls were replaced.
size_t append_line(std::string& out, std::string_view s, int64_t& first_control, size_t base) {
  size_t controls = 0, i = 0;
  bool space = out.empty() || out.back() == ' ' || out.back() == '\n';
  while (i < s.size()) {
    size_t at = i;
    uint32_t cp = next_cp(s, i);
    bool control = (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0) || cp == 0xFEFF;
    if (control && cp != 0xFEFF) {
      if (first_control < 0) first_control = static_cast<int64_t>(base + at);
      ++controls;
    }
    if (cp == ' ' || cp == '\t' || control) {
      if (!space) out += ' ';
      space = true;
      continue;
    }
    out.append(s.data() + at, i - at);
    space = false;
  }
  return controls;
}

void close_paragraph(document& d, size_t start) {
  while (d.text.size() > start && d.text.back() == ' ') d.text.pop_back();
  if (d.text.size() > start)
    d.paragraphs.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(d.text.size())});
  else
    d.text.resize(d.paragraphs.empty() ? start : start - 2);  // drop an empty one's separator
}

}  // namespace

std::vector<std::string_view> first_blocks(std::string_view body, size_t n) {
  std::vector<std::string_view> out;
  std::vector<line> lines = split_lines(body);
  bool any_blank = false;
  for (const line& l : lines)
    if (l.hard_break_after || blank(body.substr(l.start, l.end - l.start))) {
      any_blank = true;
      break;
    }
  size_t start = 0;
  bool open = false;
  for (size_t i = 0; i < lines.size() && out.size() < n; ++i) {
    const line& l = lines[i];
    bool is_blank = blank(body.substr(l.start, l.end - l.start));
    if (!is_blank && !open) start = l.start, open = true;
    bool close = open && (is_blank || l.hard_break_after || !any_blank);
    if (close) {
      size_t end = is_blank ? lines[i - 1].end : l.end;
      out.push_back(body.substr(start, end - start));
      open = false;
    }
  }
  if (open && out.size() < n) out.push_back(body.substr(start));
  return out;
}

document build(std::string_view body, std::vector<diagnostic>& diags, size_t header_blocks) {
  document d;
  d.text.reserve(body.size());
  std::vector<line> lines = split_lines(body);
  bool any_blank = false;
  for (const line& l : lines)
    if (l.hard_break_after || blank(body.substr(l.start, l.end - l.start))) any_blank = true;

  size_t controls = 0;
  int64_t first_control = -1;
  size_t para_start = 0;
  bool open = false;
  for (const line& l : lines) {
    std::string_view s = body.substr(l.start, l.end - l.start);
    if (blank(s)) {
      if (open) close_paragraph(d, para_start);
      open = false;
    } else {
      if (!open) {
        if (!d.paragraphs.empty()) d.text += "\n\n";
        para_start = d.text.size();
        open = true;
      } else if (d.text.back() != ' ') {
        d.text += ' ';
      }
      controls += append_line(d.text, s, first_control, l.start);
    }
    if (open && (l.hard_break_after || !any_blank)) {
      close_paragraph(d, para_start);
      open = false;
    }
  }
  if (open) close_paragraph(d, para_start);
  if (d.paragraphs.empty()) d.text.clear();
  if (controls) {
    diagnostic w;
    w.code = "control_characters";
    w.message = std::to_string(controls) + " control character(s) in the body became spaces";
    w.position = first_control;
    diags.push_back(std::move(w));
  }
  size_t h = std::min(header_blocks, d.paragraphs.size());
  d.header.assign(d.paragraphs.begin(), d.paragraphs.begin() + static_cast<long>(h));
  d.paragraphs.erase(d.paragraphs.begin(), d.paragraphs.begin() + static_cast<long>(h));
  for (span p : d.paragraphs) split_sentences(d.text, p, d.sentences);
  return d;
}

namespace {

bool closing_mark(uint32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 || c == 0xBB ||
         c == 0x203A || c == 0x300D || c == 0x300F;
}

bool opening_mark(uint32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 || c == 0xAB ||
         c == 0x2039 || c == 0x201E || c == 0x300C || c == 0x300E || c == '`';
}

// Whether the period ending token `word` is an abbreviation's.
bool abbreviation(std::string_view word) {
  if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z') return true;  // initials
  return kAbbrev.contains(word);
}

}  // namespace

void split_sentences(std::string_view s, span p, std::vector<span>& out) {
  size_t start = p.start, i = p.start;
  std::string_view prev_word;
  while (i < p.end) {
    size_t at = i;
    uint32_t cp = next_cp(s, i);
    if (is_letter(cp) || is_digit(cp)) {
      size_t w = at;
      while (i < p.end) {
        size_t j = i;
        uint32_t c = next_cp(s, j);
        if (!(is_letter(c) || is_digit(c) ||
              ((c == '.' || c == '\'') && j < p.end &&
               is_letter(static_cast<unsigned char>(s[j])))))
          break;
        i = j;
      }
      prev_word = s.substr(w, i - w);
      continue;
    }
    if (cp != '.' && cp != '!' && cp != '?' && cp != 0x2026) {
      if (!is_space(cp)) prev_word = {};
      continue;
    }
    if (cp == '.' && abbreviation(prev_word)) continue;
    // Take any run of terminal punctuation and closing marks along.
    size_t end = i;
    while (end < p.end) {
      size_t j = end;
      uint32_t c = next_cp(s, j);
      if (c == '.' || c == '!' || c == '?' || c == 0x2026 || closing_mark(c)) {
        end = j;
      } else {
        break;
      }
    }
    size_t k = end;
    if (k < p.end) {
      size_t j = k;
      if (!is_space(next_cp(s, j))) continue;
      while (k < p.end) {
        size_t n = k;
        if (!is_space(next_cp(s, n))) break;
        k = n;
      }
      size_t n = k;
      uint32_t next = k < p.end ? next_cp(s, n) : 0;
      if (!(is_upper(next) || is_digit(next) || opening_mark(next) || next == 0x2014)) continue;
    }
    out.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
    start = k;
    i = k;
    prev_word = {};
  }
  if (start < p.end) out.push_back({static_cast<uint32_t>(start), p.end});
}

int sentence_at(const document& d, uint32_t pos) {
  auto it = std::upper_bound(d.sentences.begin(), d.sentences.end(), pos,
                             [](uint32_t v, const span& s) { return v < s.start; });
  if (it == d.sentences.begin()) return -1;
  --it;
  return pos < it->end ? static_cast<int>(it - d.sentences.begin()) : -1;
}

int paragraph_at(const document& d, uint32_t pos) {
  auto it = std::upper_bound(d.paragraphs.begin(), d.paragraphs.end(), pos,
                             [](uint32_t v, const span& s) { return v < s.start; });
  if (it == d.paragraphs.begin()) return -1;
  --it;
  return pos <= it->end ? static_cast<int>(it - d.paragraphs.begin()) : -1;
}

}  // namespace quoteline::text
