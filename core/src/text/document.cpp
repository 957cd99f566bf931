#include "text/document.h"

#include <algorithm>
#include <cstring>

#include "text/chars.h"
#include "text/lexicon.h"
#include "text/swar.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace quoteline::text {

namespace {

constexpr lexicon kAbbreviations{
#include "text/abbreviations.inc"
};

// The abbreviations as integers (their bytes in order) in a small hash set:
// the check after every period is a multiply and a probe or two instead of
// string compares. Zero marks a free slot (no key is empty).
constexpr size_t kAbbrevCount = kAbbreviations.size();
struct packed_words {
  static constexpr size_t kSlots = 256;
  uint64_t slot[kSlots] = {};
  size_t longest = 0;
  static constexpr size_t hash(uint64_t x) { return (x * 0x9E3779B97F4A7C15ull) >> 56; }
  constexpr packed_words() {
    for (lex_entry e : kAbbreviations) {
      std::string_view k = e.key;
      longest = k.size() > longest ? k.size() : longest;
      uint64_t x = 0;
      for (char c : k) x = x << 8 | static_cast<unsigned char>(c);
      size_t h = hash(x);
      while (slot[h]) h = (h + 1) % kSlots;
      slot[h] = x;
    }
  }
  bool contains(uint64_t x) const {
    for (size_t h = hash(x); slot[h]; h = (h + 1) % kSlots)
      if (slot[h] == x) return true;
    return false;
  }
};
constexpr packed_words kAbbrevPacked{};
static_assert(kAbbrevCount < packed_words::kSlots / 2, "keep the set sparse");
static_assert(kAbbrevPacked.longest <= 8, "an abbreviation must fit in 64 bits");

// The lines of a body in order (as spans of the original), marking which
// breaks are paragraph breaks by themselves (form feed, U+2029). Read one
// at a time: the wire reader looks at the first few blocks of bodies of any
// size.
struct line {
  size_t start, end;
  bool hard_break_after;
};

class lines {
 public:
  explicit lines(std::string_view s) : s_(s) {}
  bool next(line& l) {
    if (done_) return false;
    size_t start = i_;
    while (i_ < s_.size()) {
      if (!byte_is(s_[i_], byte_break)) {
        ++i_;
        continue;
      }
      size_t at = i_;
      uint32_t cp = next_cp(s_, i_);
      bool hard = cp == '\f' || cp == '\v' || cp == 0x2029;
      if (cp == '\n' || cp == '\r' || hard || cp == 0x2028 || cp == 0x85) {
        if (cp == '\r' && i_ < s_.size() && s_[i_] == '\n') ++i_;
        l = {start, at, hard};
        return true;
      }
    }
    done_ = true;
    l = {start, s_.size(), false};
    return true;
  }

 private:
  std::string_view s_;
  size_t i_ = 0;
  bool done_ = false;
};

bool blank(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80 && c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    if (!is_space(next_cp(s, i))) return false;
  }
  return true;
}

}  // namespace

std::vector<std::string_view> first_blocks(std::string_view body, size_t n) {
  std::vector<std::string_view> out;
  auto is_blank = [&](const line& l) { return blank(body.substr(l.start, l.end - l.start)); };
  // Without any blank line (or hard break) every line is a block.
  bool any_blank = false;
  line l;
  for (lines all(body); !any_blank && all.next(l);) any_blank = l.hard_break_after || is_blank(l);
  size_t start = 0, prev_end = 0;
  bool open = false;
  for (lines all(body); out.size() < n && all.next(l); prev_end = l.end) {
    bool empty = is_blank(l);
    if (!empty && !open) start = l.start, open = true;
    if (open && (empty || l.hard_break_after || !any_blank)) {
      out.push_back(body.substr(start, (empty ? prev_end : l.end) - start));
      open = false;
    }
  }
  if (open && out.size() < n) out.push_back(body.substr(start));
  return out;
}

namespace {

// Length of the content character at b[i] that starts with a byte the
// table flags (C2, E2, EF), or 0 when the slow path must look at it: NEL and
// the C1 controls (C2 80..9F), U+2028/9 (E2 80 A8/A9), the BOM (EF BB BF),
// ASCII, and anything cut off by the end.
inline size_t content_length(const char* b, size_t i, size_t n) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(b[i + k]); };
  switch (at(0)) {
    case 0xC2:
      return i + 1 < n && (at(1) & 0x20) ? 2 : 0;
    case 0xE2:
      return i + 2 < n && !(at(1) == 0x80 && (at(2) & 0xFE) == 0xA8) ? 3 : 0;
    case 0xEF:
      return i + 2 < n && !(at(1) == 0xBB && at(2) == 0xBF) ? 3 : 0;
  }
  return 0;
}

// Whether b[i] starts content: a character copied as it is.
inline bool content_at(const char* b, size_t i, size_t n) {
  return !byte_is(b[i], byte_break | byte_collapse) || content_length(b, i, n);
}

// End of the plain run from b[i]: content characters and single spaces
// between them, which the normalizer copies as they are. Sixteen (or eight)
// bytes at a time while they are printable ASCII and any space in them is
// followed by such a byte.
size_t plain_end(const char* b, size_t i, size_t n) {
  for (;;) {
#ifdef QUOTELINE_SSE2
    const __m128i limit = _mm_set1_epi8(0x21), del = _mm_set1_epi8(0x7F),
                  space = _mm_set1_epi8(' ');
    while (i + 17 <= n) {
      __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
      __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i + 1));
      // Signed compares: bytes from 0x80 up are below 0x21 too.
      __m128i stop = _mm_or_si128(_mm_cmplt_epi8(v, limit), _mm_cmpeq_epi8(v, del));
      __m128i next = _mm_or_si128(_mm_cmplt_epi8(w, limit), _mm_cmpeq_epi8(w, del));
      __m128i sp = _mm_cmpeq_epi8(v, space);
      stop = _mm_or_si128(_mm_andnot_si128(sp, stop), _mm_and_si128(sp, next));
      if (int m = _mm_movemask_epi8(stop)) {
        i += static_cast<size_t>(__builtin_ctz(m));
        break;
      }
      i += 16;
    }
#endif
    while (i + 9 <= n) {
      using namespace swar;
      uint64_t x = load(b + i), y = load(b + i + 1);
      uint64_t sp = eq(x, ' ');
      uint64_t stop = (high(x) | below(x, 0x21) | eq(x, 0x7F)) & ~sp;
      stop |= sp & (high(y) | below(y, 0x21) | eq(y, 0x7F));
      if (stop) {
        i += first(stop);
        break;
      }
      i += 8;
    }
    if (i >= n) return n;
    if (!byte_is(b[i], byte_break | byte_collapse)) {
      ++i;
    } else if (size_t len = content_length(b, i, n)) {
      i += len;
    } else if (b[i] == ' ' && i + 1 < n && content_at(b, i + 1, n)) {
      ++i;
    } else {
      return i;
    }
  }
}

// The one pass over the body: copies content bytes, turns runs of spaces,
// tabs and controls into one space, single line breaks into a space, and
// blank lines and hard breaks into paragraph breaks. Separators are only
// written once content follows, so no paragraph ends with a space.
class normalizer {
 public:
  explicit normalizer(std::string_view body) : in_(body) { out_.resize(body.size() + 16); }

  void run() {
    const char* b = in_.data();
    const size_t n = in_.size();
    size_t i = 0;
    while (i < n) {
      // Fast path: plain content straight through.
      if (!byte_is(b[i], byte_break | byte_collapse) || content_length(b, i, n)) {
        content(i);
        size_t run = plain_end(b, i, n);
        std::memcpy(&out_[pos_], b + i, run - i);
        pos_ += run - i;
        i = run;
        continue;
      }
      size_t at = i;
      uint32_t cp = next_cp(in_, i);
      if (cp == '\r' && i < n && b[i] == '\n') ++i;
      if (cp == '\n' || cp == '\r' || cp == 0x85 || cp == 0x2028) {
        // A line that had no content is a blank line.
        pending_ = line_content_ ? std::max(pending_, soft) : hard;
        if (!line_content_) blank_seen_ = true;
        line_content_ = false;
      } else if (cp == '\f' || cp == '\v' || cp == 0x2029) {
        pending_ = hard;
        blank_seen_ = true;
        line_content_ = false;
      } else if (cp == ' ' || cp == '\t' || cp == 0xFEFF || cp < 0x20 ||
                 (cp >= 0x7F && cp < 0xA0)) {
        if (cp != ' ' && cp != '\t' && cp != 0xFEFF) {
          if (first_control_ < 0) first_control_ = static_cast<int64_t>(at);
          ++controls_;
        }
        pending_ = std::max(pending_, space);
      } else {
        content(at);
        std::memcpy(&out_[pos_], b + at, i - at);
        pos_ += i - at;
      }
    }
    close();
  }

  document finish(std::vector<diagnostic>& diags) {
    out_.resize(pos_);
    if (!blank_seen_ && !soft_breaks_.empty()) one_paragraph_per_line();
    if (controls_) {
      diagnostic w;
      w.code = "control_characters";
      w.message = std::to_string(controls_) + " control character(s) in the body became spaces";
      w.position = first_control_;
      diags.push_back(std::move(w));
    }
    document d;
    d.text = std::move(out_);
    d.paragraphs = std::move(paragraphs_);
    return d;
  }

 private:
  enum sep { none, space, soft, hard };

  // Called before content lands at out_[pos_]: writes the pending separator.
  void content(size_t at) {
    line_content_ = true;
    if (!open_ || pending_ == hard) {
      close();
      if (!paragraphs_.empty()) {
        reserve(2 + in_.size() - at);
        out_[pos_++] = '\n';
        out_[pos_++] = '\n';
      }
      start_ = pos_;
      open_ = true;
    } else if (pending_ != none) {
      if (pending_ == soft) soft_breaks_.push_back(static_cast<uint32_t>(pos_));
      out_[pos_++] = ' ';
    }
    pending_ = none;
  }

  void close() {
    if (open_ && pos_ > start_)
      paragraphs_.push_back({static_cast<uint32_t>(start_), static_cast<uint32_t>(pos_)});
    open_ = false;
  }

  // A paragraph separator is the only output longer than its input ("\f"
  // becomes "\n\n"), so room for it and all remaining input is checked
  // only there.
  void reserve(size_t need) {
    if (pos_ + need > out_.size()) out_.resize(pos_ + need + out_.size() / 2);
  }

  // A body without any blank line has one paragraph per line: the spaces
  // that joined its lines become paragraph breaks.
  void one_paragraph_per_line() {
    std::string t;
    t.reserve(out_.size() + soft_breaks_.size());
    std::vector<span> paras;
    size_t from = paragraphs_.empty() ? 0 : paragraphs_.front().start;
    for (size_t k = 0; k <= soft_breaks_.size(); ++k) {
      size_t to = k < soft_breaks_.size() ? soft_breaks_[k] : out_.size();
      if (!t.empty()) t += "\n\n";
      paras.push_back(
          {static_cast<uint32_t>(t.size()), static_cast<uint32_t>(t.size() + to - from)});
      t.append(out_, from, to - from);
      from = to + 1;
    }
    out_ = std::move(t);
    paragraphs_ = std::move(paras);
  }

  std::string_view in_;
  std::string out_;
  size_t pos_ = 0, start_ = 0;
  bool open_ = false, line_content_ = false, blank_seen_ = false;
  sep pending_ = none;
  std::vector<span> paragraphs_;
  std::vector<uint32_t> soft_breaks_;
  size_t controls_ = 0;
  int64_t first_control_ = -1;
};

}  // namespace

document build(std::string_view body, std::vector<diagnostic>& diags, size_t header_blocks) {
  normalizer n(body);
  n.run();
  document d = n.finish(diags);
  size_t h = std::min(header_blocks, d.paragraphs.size());
  d.header.assign(d.paragraphs.begin(), d.paragraphs.begin() + static_cast<long>(h));
  d.paragraphs.erase(d.paragraphs.begin(), d.paragraphs.begin() + static_cast<long>(h));
  d.sentences.reserve(d.text.size() / 80);
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
  // Most words before a period are longer than any abbreviation.
  if (word.empty() || word.size() > kAbbrevPacked.longest) return false;
  uint64_t x = 0;
  for (char c : word) x = x << 8 | static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return kAbbrevPacked.contains(x);
}

}  // namespace

// The word that ends right before s[i] (letters, digits, inner periods).
std::string_view word_before(std::string_view s, size_t lo, size_t i) {
  size_t w = i;
  while (w > lo && byte_is(s[w - 1], byte_word)) --w;
  while (w < i && s[w] == '.') ++w;
  return s.substr(w, i - w);
}

bool terminal(uint32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

// Index of the first byte from i on that may end a sentence, or `end`.
size_t next_terminal(const char* b, size_t i, size_t end) {
#ifdef QUOTELINE_SSE2
  const __m128i dot = _mm_set1_epi8('.'), bang = _mm_set1_epi8('!'), ask = _mm_set1_epi8('?'),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2));
  for (; i + 16 <= end; i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b + i));
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dot), _mm_cmpeq_epi8(v, bang)),
                             _mm_or_si128(_mm_cmpeq_epi8(v, ask), _mm_cmpeq_epi8(v, e2)));
    if (int bits = _mm_movemask_epi8(m)) return i + static_cast<size_t>(__builtin_ctz(bits));
  }
#endif
  for (; i + 8 <= end; i += 8) {
    using namespace swar;
    uint64_t x = load(b + i);
    if (uint64_t m = eq(x, '.') | eq(x, '!') | eq(x, '?') | eq(x, 0xE2)) return i + first(m);
  }
  while (i < end && !byte_is(b[i], byte_terminal)) ++i;
  return i;
}

void split_sentences(std::string_view s, span p, std::vector<span>& out) {
  size_t start = p.start;
  for (size_t i = p.start; (i = next_terminal(s.data(), i, p.end)) < p.end; ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t after;
    if (c == '.' || c == '!' || c == '?')
      after = i + 1;
    else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && s[i + 2] == '\xA6')  // "..."
      after = i + 3;
    else
      continue;
    if (c == '.' && abbreviation(word_before(s, p.start, i))) continue;
    // Take any run of terminal punctuation and closing marks along.
    size_t end = after;
    while (end < p.end) {
      size_t j = end;
      uint32_t d = next_cp(s, j);
      if (!terminal(d) && !closing_mark(d)) break;
      end = j;
    }
    i = end - 1;
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
    i = k - 1;
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
