// Quote extraction in three steps per paragraph: collect the candidate marks
// with what their flanks allow (open, close), pair them with a one-level
// state machine that only listens to the open quote's own family, then
// classify each pair (direct, partial, or not speech at all). Sentences
// without marks are then read for reported speech.
#include "quotes/quotes.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "attribution/cues.h"
#include "attribution/frames.h"
#include "text/chars.h"
#include "text/lexicon.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace quoteline::quotes {

namespace {

using text::is_space;
using text::next_cp;
using text::prev_cp;

constexpr text::lexicon kTitleCues{
#include "quotes/title_cues.inc"
};
constexpr text::lexicon kElisions{
#include "quotes/elisions.inc"
};

enum class fam : uint8_t { none, dbl, sgl, guil, angle, corner, white };

struct mark {
  uint32_t at = 0;
  uint8_t len = 0;
  fam family = fam::none;
  uint32_t cp = 0;
  bool open = false, close = false;
  bool weak = false;  // a possessive s' that closes only when nothing else can
};

// A pair of marks (or an opener and the paragraph end) around content.
struct pair {
  uint32_t open = 0, open_len = 0;    // the opening mark
  uint32_t close = 0, close_len = 0;  // the closing mark (close == paragraph end if none)
  int utterance = 0;
  bool continues = false;  // the utterance goes on in the next paragraph
  bool continued = false;  // this part continues one from the previous paragraph
};

bool opener_punct(uint32_t c) {
  return c == '(' || c == '[' || c == '{' || c == '/' || c == '-' || c == 0x2013 || c == 0x2014 ||
         c == '"' || c == '\'' || c == 0x201C || c == 0x2018 || c == 0xAB || c == 0x201E ||
         c == 0x300C || c == 0x300E || c == '`';
}

bool word_char(uint32_t c) {
  return text::is_letter(c) || text::is_digit(c);
}

// Lead bytes of every mark: '"', '\'', '`', and the UTF-8 leads of
// U+00AB/BB, U+2018..203A and U+300C..300F.
bool mark_lead(unsigned char b) {
  return b == '"' || b == '\'' || b == '`' || b == 0xC2 || b == 0xE2 || b == 0xE3;
}

// Whether the letters after an apostrophe make an elided word ('em, '90s, 'n').
bool elision(std::string_view s, size_t i, size_t end) {
  size_t b = i;
  if (i < end && text::is_digit(static_cast<unsigned char>(s[i]))) return true;
  while (i < end && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
  if (i == b || i - b > 6) return false;
  if (i < end && word_char(static_cast<unsigned char>(s[i]))) return false;
  return kElisions.contains(s.substr(b, i - b));
}

// Reads the mark at s[i] (if any) with its flanks inside paragraph p.
bool read_mark(std::string_view s, span p, size_t i, mark& m) {
  size_t j = i;
  uint32_t cp = next_cp(s, j);
  m = mark{};
  m.at = static_cast<uint32_t>(i);
  m.cp = cp;
  switch (cp) {
    case '"':
    case '\'':
    case '`':
    case 0xAB:
    case 0xBB:
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2039:
    case 0x203A:
    case 0x300C:
    case 0x300D:
    case 0x300E:
    case 0x300F:
      break;
    default:
      return false;
  }
  bool twin = (cp == '`' || cp == '\'') && j < p.end && s[j] == static_cast<char>(cp);
  if (twin) ++j;  // `` and '' are one double mark
  m.len = static_cast<uint8_t>(j - i);
  size_t k = i;
  uint32_t prev = i > p.start ? prev_cp(s, k) : 0;
  k = j;
  uint32_t next = j < p.end ? next_cp(s, k) : 0;
  bool space_before = !prev || is_space(prev), space_after = !next || is_space(next);
  bool left = !space_after && (space_before || opener_punct(prev));
  bool right = !space_before && (space_after || text::is_punct(next));
  bool inner = word_char(prev) && text::is_letter(next);  // don't, O'Neill
  bool possessive = (prev == 's' || prev == 'S') && space_after;
  switch (cp) {
    case '"':
      m.family = fam::dbl, m.open = left, m.close = right;
      break;
    case '`':
      m.family = twin ? fam::dbl : fam::sgl, m.open = left;
      break;
    case '\'':
      if (twin) {
        m.family = fam::dbl, m.close = right;
        break;
      }
      [[fallthrough]];
    case 0x2018:
    case 0x2019:
      m.family = fam::sgl;
      if (inner) break;
      m.open = cp != 0x2019 && left && !elision(s, j, p.end);
      m.close = right && (cp != 0x2018 || !left);
      m.weak = m.close && possessive;
      break;
    case 0x201A:
      m.family = fam::sgl, m.open = left;
      break;
    case 0x201C:
    case 0x201F:
      m.family = fam::dbl, m.open = !space_after, m.close = right && !left;
      break;
    case 0x201D:
      m.family = fam::dbl, m.close = !left, m.open = left && !right;
      break;
    case 0x201E:
      m.family = fam::dbl, m.open = !space_after;
      break;
    case 0xAB:
    case 0xBB:
      m.family = fam::guil, m.open = !space_after || cp == 0xAB, m.close = true;
      break;
    case 0x2039:
    case 0x203A:
      m.family = fam::angle, m.open = !space_after || cp == 0x2039, m.close = true;
      break;
    case 0x300C:
    case 0x300D:
      m.family = fam::corner, m.open = cp == 0x300C, m.close = cp == 0x300D;
      break;
    default:
      m.family = fam::white, m.open = cp == 0x300E, m.close = cp == 0x300F;
      break;
  }
  return m.open || m.close;
}

// The closing counterpart of a directional opener; 0 when any closer of the
// family will do.
uint32_t counterpart(uint32_t open) {
  switch (open) {
    case 0xAB:
      return 0xBB;
    case 0xBB:
      return 0xAB;
    case 0x2039:
      return 0x203A;
    case 0x203A:
      return 0x2039;
    case 0x300C:
      return 0x300D;
    case 0x300E:
      return 0x300F;
    default:
      return 0;
  }
}

// The first byte at or after i (before end) that may start a mark, or end:
// eight bytes at a time, since most bytes of a paragraph are not marks.
size_t next_lead(std::string_view s, size_t i, size_t end) {
#ifdef __SSE2__
  const __m128i dq = _mm_set1_epi8('"'), sq = _mm_set1_epi8('\''), bq = _mm_set1_epi8('`'),
                c2 = _mm_set1_epi8(static_cast<char>(0xC2)),
                e2 = _mm_set1_epi8(static_cast<char>(0xE2)),
                fe = _mm_set1_epi8(static_cast<char>(0xFE));
  for (; i + 16 <= s.size() && i < end; i += 16) {
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i m =
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, dq), _mm_cmpeq_epi8(x, sq)),
                     _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, bq), _mm_cmpeq_epi8(x, c2)),
                                  _mm_cmpeq_epi8(_mm_and_si128(x, fe), e2)));
    int hit = _mm_movemask_epi8(m);
    if (hit)
      return std::min(end, i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(hit))));
  }
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  constexpr uint64_t ones = 0x0101010101010101ull, low7 = ones * 0x7F;
  // Bit 7 of each byte is set where that byte of v is not zero.
  auto nonzero = [](uint64_t v) { return ((v & low7) + low7) | v; };
  for (; i + 8 <= s.size() && i < end; i += 8) {
    uint64_t x;
    std::memcpy(&x, s.data() + i, 8);
    uint64_t none = nonzero(x ^ (ones * '"')) & nonzero(x ^ (ones * '\'')) &
                    nonzero(x ^ (ones * '`')) & nonzero(x ^ (ones * 0xC2)) &
                    nonzero((x & (ones * 0xFE)) ^ (ones * 0xE2));
    uint64_t hit = ~none & (ones * 0x80);
    if (hit) return std::min(end, i + (static_cast<size_t>(__builtin_ctzll(hit)) >> 3));
  }
#endif
  while (i < end && !mark_lead(static_cast<unsigned char>(s[i]))) ++i;
  return std::min(i, end);
}

bool ascii_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Whether the lead byte at s[i] surely starts no mark, told from its bytes
// without decoding: the other code points of C2/E2/E3 (dashes, no-break
// spaces, ellipses) and apostrophes inside words (don't, don’t).
bool no_mark(std::string_view s, span p, size_t i) {
  const unsigned char* u = reinterpret_cast<const unsigned char*>(s.data());
  unsigned char b = u[i];
  if (b == '\'') {
    return i > p.start && ascii_alnum(u[i - 1]) && i + 1 < p.end && ascii_alnum(u[i + 1]) &&
           u[i + 1] > '9';
  }
  if (b < 0x80) return false;
  if (b == 0xC2) return i + 1 < s.size() && u[i + 1] != 0xAB && u[i + 1] != 0xBB;
  if (i + 2 >= s.size()) return false;
  if (u[i + 1] != 0x80) return true;
  unsigned char c = u[i + 2];
  if (b == 0xE3) return c < 0x8C || c > 0x8F;
  if (c == 0x99)  // U+2019
    return i > p.start && ascii_alnum(u[i - 1]) && i + 3 < p.end && ascii_alnum(u[i + 3]) &&
           u[i + 3] > '9';
  return !((c >= 0x98 && c <= 0x9F) || c == 0xB9 || c == 0xBA);
}

void collect_marks(std::string_view s, span p, std::vector<mark>& out) {
  out.clear();
  for (size_t i = p.start; i < p.end;) {
    i = next_lead(s, i, p.end);
    if (i >= p.end) break;
    mark m;
    if (!no_mark(s, p, i) && read_mark(s, p, i, m)) {
      out.push_back(m);
      i += m.len ? m.len : 1;
    } else {
      ++i;
      while (i < p.end && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
  }
}

// The state of the open outer quote while pairing.
struct open_quote {
  bool active = false;
  mark m;
  int depth = 0;  // same-kind nesting, for directional marks only
};

diagnostic unclosed(uint32_t at) {
  diagnostic w;
  w.code = "unclosed_quote";
  w.message = "a quotation mark opens a quote that never closes";
  w.position = at;
  w.in_text = true;
  return w;
}

// Pairs the marks of one paragraph, starting from marks[from]. The first
// pair closed takes `inherited` as its utterance when that is not 0 (a quote
// running on from the previous paragraph). Returns the index of an opener
// left unclosed at the paragraph end (-1 for the inherited one or none).
long pair_marks(const std::vector<mark>& marks, size_t from, open_quote& q, std::vector<pair>& out,
                int& utterance, int& inherited) {
  // A weak closer only closes when no strong closer of its family follows.
  size_t last_strong_single = marks.size();
  for (size_t i = marks.size(); i-- > from;)
    if (marks[i].family == fam::sgl && marks[i].close && !marks[i].weak) {
      last_strong_single = i;
      break;
    }
  long opener = -1;
  for (size_t i = from; i < marks.size(); ++i) {
    const mark& m = marks[i];
    if (!q.active) {
      if (!m.open) continue;
      q.active = true, q.m = m, q.depth = 0;
      opener = static_cast<long>(i);
      continue;
    }
    if (m.family != q.m.family) continue;
    uint32_t want = counterpart(q.m.cp);
    bool closes;
    if (want) {
      if (m.cp == q.m.cp) {
        ++q.depth;
        continue;
      }
      closes = m.cp == want && (q.depth == 0 || (--q.depth, false));
    } else if (q.m.cp == 0x201E || q.m.cp == 0x201A) {
      closes = m.cp == 0x201C || m.cp == 0x201D || m.cp == '"' || m.cp == 0x2018 ||
               m.cp == 0x2019 || m.cp == '\'';
    } else {
      closes = m.close && (!m.weak || last_strong_single == marks.size() || last_strong_single < i);
    }
    if (!closes) continue;
    pair p;
    p.open = q.m.at, p.open_len = q.m.len, p.close = m.at, p.close_len = m.len;
    p.utterance = inherited ? inherited : ++utterance;
    p.continued = inherited != 0;
    inherited = 0;
    out.push_back(p);
    q.active = false;
    opener = -1;
  }
  return q.active ? opener : -1;
}

// The first code point of a paragraph as an opener of family f, if it is one.
bool opens_with(std::string_view s, span p, fam f, mark& m) {
  size_t i = p.start;
  while (i < p.end && s[i] == ' ') ++i;
  return i < p.end && read_mark(s, p, i, m) && m.open && m.family == f;
}

uint32_t first_cp(std::string_view s, size_t i, size_t end) {
  return i < end ? next_cp(s, i) : 0;
}

// Content between the marks, without the spaces inside them (« Bonjour »).
span content_of(std::string_view s, const pair& p) {
  size_t b = p.open + p.open_len, e = p.close;
  while (b < e) {
    size_t k = b;
    if (!is_space(next_cp(s, k))) break;
    b = k;
  }
  while (e > b) {
    size_t k = e;
    if (!is_space(prev_cp(s, k))) break;
    e = k;
  }
  return {static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
}

// An interview label opening the content: "WALLACE: Let's start".
size_t label_end(std::string_view s, span c) {
  size_t i = c.start, letters = 0;
  while (i < c.end && i < c.start + 40) {
    char ch = s[i];
    if (ch >= 'A' && ch <= 'Z') {
      ++letters;
    } else if (ch == ':' && letters >= 2 && i + 1 < c.end && s[i + 1] == ' ') {
      return i + 2;
    } else if (ch != ' ' && ch != '.' && ch != '-' && ch != '\'') {
      return c.start;
    }
    ++i;
  }
  return c.start;
}

// Whether the last code point of text[c] that is not a space ends a sentence.
bool terminal_end(std::string_view s, span c) {
  size_t k = c.end;
  uint32_t cp = text::prev_visible(s, k, c.start);
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

struct words {
  int count = 0;
  int lower_long = 0;       // words of 4+ letters starting in lowercase
  bool terminal = false;    // ends in . ! ? (or holds a sentence end)
  bool inner_stop = false;  // . ! ? ; inside, not at the end
};

// ASCII bytes that are letters or digits, and spaces.
struct ascii_classes {
  bool word[128] = {}, space[128] = {};
  constexpr ascii_classes() {
    for (int c = 0; c < 128; ++c) {
      word[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      space[c] = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
  }
};
constexpr ascii_classes kAsciiClasses{};

// The words of text[c], read only up to the thirteenth: classify() asks
// for counts up to 12, and only shorter quotes need the other fields but
// `terminal`, which is read from the end.
words count_words(std::string_view s, span c) {
  words w;
  size_t i = c.start;
  bool in_word = false;
  size_t word_start = 0;
  uint32_t first = 0;
  uint32_t last = 0;
  while (i < c.end) {
    size_t at = i;
    unsigned char b = static_cast<unsigned char>(s[i]);
    uint32_t cp = b;
    bool wc, space;
    if (b < 0x80) {
      ++i;
      wc = kAsciiClasses.word[b], space = kAsciiClasses.space[b];
    } else {
      cp = next_cp(s, i);
      wc = word_char(cp), space = is_space(cp);
    }
    if (wc || ((cp == '\'' || cp == 0x2019) && in_word)) {
      if (!in_word) {
        if (w.count == 12) {
          ++w.count;
          w.terminal = terminal_end(s, c);
          return w;
        }
        in_word = true, word_start = at, first = cp, ++w.count;
      }
    } else {
      if (in_word && text::is_letter(first) && !text::is_upper(first) && at - word_start >= 4)
        ++w.lower_long;
      in_word = false;
      if ((cp == '.' || cp == '!' || cp == '?' || cp == ';') && i < c.end) w.inner_stop = true;
    }
    if (!space) last = cp;
  }
  if (in_word && text::is_letter(first) && !text::is_upper(first) && c.end - word_start >= 4)
    ++w.lower_long;
  w.terminal = last == '.' || last == '!' || last == '?' || last == 0x2026;
  return w;
}

// What surrounds a pair inside its sentence, outside any other quote.
struct context {
  span lead;               // from the sentence start (or the previous quote) to the opening mark
  span tail;               // from the closing mark to the sentence end (or the next quote)
  uint32_t lead_last = 0;  // last non-space code point of the lead, 0 if none
  span spoken;             // the sentence before an earlier quote of it that was speech
};

span trim(std::string_view s, span r) {
  while (r.start < r.end && s[r.start] == ' ') ++r.start;
  while (r.end > r.start && s[r.end - 1] == ' ') --r.end;
  return r;
}

// The last word of text[r] (ASCII letters and hyphens), lowercase-insensitive.
std::string_view last_word(std::string_view s, span r, size_t skip = 0) {
  size_t e = r.end;
  for (size_t n = 0;; ++n) {
    while (e > r.start && !((s[e - 1] >= 'a' && s[e - 1] <= 'z') ||
                            (s[e - 1] >= 'A' && s[e - 1] <= 'Z') || s[e - 1] == '-'))
      --e;
    size_t b = e;
    while (b > r.start && ((s[b - 1] >= 'a' && s[b - 1] <= 'z') ||
                           (s[b - 1] >= 'A' && s[b - 1] <= 'Z') || s[b - 1] == '-'))
      --b;
    if (n == skip) return s.substr(b, e - b);
    e = b;
    if (b == r.start) return {};
  }
}

bool lower_word_start(std::string_view s, span r) {
  return r.start < r.end && s[r.start] >= 'a' && s[r.start] <= 'z';
}

// The tail goes on with the writer's own words ("..." against what ...), so
// the quote is woven into the sentence rather than standing alone.
bool woven(std::string_view s, span tail) {
  tail = trim(s, tail);
  if (tail.empty() || !lower_word_start(s, tail)) return false;
  size_t e = tail.start;
  while (e < tail.end && s[e] >= 'a' && s[e] <= 'z') ++e;
  std::string_view w = s.substr(tail.start, e - tail.start);
  if (attribution::speech_verb(w) != attribution::verb::none || attribution::pronoun(w) ||
      attribution::adverb_or_aux(w) || text::iequals(w, "according"))
    return false;
  // An attribution that opens with lowercase words: "chief executive Tan
  // Wei Ling told analysts", "his son, Miguel, recalled": a speech verb
  // within the next few words, before the clause ends.
  // Commas only inside an apposition opened by a determiner ("his son,
  // Miguel, recalled"); a clause word ("when", "to") ends the search.
  bool apposition = attribution::title_word(w) || text::iequals(w, "the") ||
                    text::iequals(w, "his") || text::iequals(w, "her") ||
                    text::iequals(w, "their") || text::iequals(w, "its") ||
                    text::iequals(w, "my") || text::iequals(w, "our") || text::iequals(w, "a");
  size_t i = e;
  std::string_view x = w;
  for (int words = 1; i < tail.end && words < 8;) {
    char c = s[i];
    // "the elder Ms. Whitfield said": the stop of an abbreviated title.
    if (c == '.' && x.size() <= 4 && attribution::title_word(x)) {
      ++i;
      continue;
    }
    if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"') break;
    if (c == ',' && !apposition) break;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < tail.end && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) ++i;
    ++words;
    x = s.substr(b, i - b);
    if (attribution::speech_verb(x) != attribution::verb::none) return !(apposition || words <= 5);
    if (!(x[0] >= 'A' && x[0] <= 'Z') && !attribution::title_word(x) && !apposition) return true;
  }
  return true;
}

enum class verdict { direct, partial, not_speech };

verdict classify(std::string_view s, span c, const context& x, bool split, quote_kind split_kind) {
  if (split) return split_kind == quote_kind::direct ? verdict::direct : verdict::partial;
  // A quote that opens its sentence or follows a colon (or a dash: a
  // dateline's, or "... far from over — "We believe ..."") is direct speech.
  bool dash = x.lead_last == '-' || x.lead_last == 0x2013 || x.lead_last == 0x2014;
  if (dash && text::is_upper(first_cp(s, c.start, c.end))) return verdict::direct;
  if (x.lead_last == 0 || x.lead_last == ':')
    return woven(s, x.tail) ? verdict::partial : verdict::direct;
  uint32_t first = first_cp(s, c.start, c.end);
  bool upper = text::is_upper(first) || text::is_digit(first);
  words w = count_words(s, c);
  std::string_view before = last_word(s, x.lead);
  // Titles, names and labels: the film "Blue Harbor", so-called "experts".
  if (kTitleCues.contains(before) && w.count <= 12) return verdict::not_speech;
  if ((text::iequals(before, "as") && text::iequals(last_word(s, x.lead, 1), "known")) ||
      ((text::iequals(before, "called") || text::iequals(before, "named")) && upper))
    return verdict::not_speech;
  bool stop = w.inner_stop || (w.terminal && s[c.end - 1] != '.');
  if (upper && !stop && w.count <= 8 && w.lower_long == 0 && x.lead_last != ',')
    return verdict::not_speech;
  // Scare quotes: a word or two with no one speaking in the sentence.
  // ("said it was 'deeply disappointed' and would 'explore every option'":
  // the verb before the first quote of the sentence speaks for both.)
  if (w.count <= 3 && !stop && !attribution::has_speech_verb(s, x.lead) &&
      !attribution::has_speech_verb(s, x.tail) && !attribution::has_speech_verb(s, x.spoken))
    return verdict::not_speech;
  verdict v;
  if (x.lead_last == ',') {
    v = upper ? verdict::direct : verdict::partial;
  } else {
    // "Putin said that "Russia ..."": a whole sentence after the verb.
    uint32_t after = first_cp(s, trim(s, x.tail).start, x.tail.end);
    bool ends = w.terminal || after == '.' || after == '!' || after == '?';
    v = upper && ends && w.count >= 4 && (x.lead_last < 0x80 && word_char(x.lead_last))
            ? verdict::direct
            : verdict::partial;
  }
  if (v == verdict::direct && woven(s, x.tail)) v = verdict::partial;
  return v;
}

// Interview transcripts without marks: paragraphs opening with a speaker label
// ("TAPPER: ...", "Q: ..."). Three such paragraphs with two labels make a layout.
size_t turn_label(std::string_view s, span p) {
  size_t e = label_end(s, p);
  if (e == p.start) {
    if (p.size() > 3 && (s[p.start] == 'Q' || s[p.start] == 'A') && s[p.start + 1] == ':' &&
        s[p.start + 2] == ' ')
      return p.start + 3;
    return p.start;
  }
  std::string_view l = s.substr(p.start, e - p.start - 2);
  for (std::string_view no :
       {"UPDATE", "EXCLUSIVE", "CLARIFICATION", "CORRECTION", "BYLINE", "WATCH", "LOOK", "VIDEO",
        "PHOTOS", "READ", "NOTE", "RELATED", "BREAKING", "EDITOR'S NOTE", "SOURCE", "SOURCES"})
    if (l == no) return p.start;
  return e;
}

std::vector<size_t> interview_turns(const text::document& d) {
  std::vector<size_t> labels(d.paragraphs.size(), 0);
  size_t n = 0, distinct = 0;
  std::string_view first;
  for (size_t i = 0; i < d.paragraphs.size(); ++i) {
    span p = d.paragraphs[i];
    size_t e = turn_label(d.text, p);
    if (e == p.start) continue;
    labels[i] = e;
    // A view of the text itself: std::string::substr would be a temporary.
    std::string_view l = std::string_view(d.text).substr(p.start, e - p.start);
    if (n++ == 0)
      first = l, distinct = 1;
    else if (distinct == 1 && l != first)
      distinct = 2;
  }
  if (n < 3 || distinct < 2) labels.assign(d.paragraphs.size(), 0);
  return labels;
}

// Reported speech in a sentence without marks (precision first): "CLAUSE,
// X said.", "X said (that) CLAUSE.", "X called for ...".
struct indirect_finder {
  const text::document& d;
  std::vector<quote>& out;
  int& utterance;
  attribution::token_buffer& buf;

  void run(span sent, bool first_paragraph) {
    std::string_view s = d.text;
    if (sent.size() < 30 || !attribution::has_speech_verb(s, sent)) return;
    buf.clear();
    buf.add(s, sent);
    attribution::tokens tk = buf.all(s);
    size_t n = tk.n;
    while (n > 0 && !tk.is_word(n - 1)) {
      if (tk.punct(n - 1, '?')) return;
      --n;
    }
    if (n < 6) return;
    size_t s0 = first_paragraph ? after_dateline(tk, n) : 0;
    using attribution::mention_kind;
    auto speaker_like = [](const attribution::mention& m) {
      return m.kind == mention_kind::name || m.kind == mention_kind::role ||
             m.kind == mention_kind::pronoun;
    };
    attribution::mention m = attribution::mention_after(tk, s0, n);
    if (speaker_like(m)) {
      size_t j = m.e;
      while (j < n && tk.is_word(j, attribution::w_adverb)) ++j;
      if (j + 1 < n && tk.is_word(j)) {
        attribution::verb v = tk.cls(j).v;
        bool call_for = tk.has(j, attribution::w_called) && tk.has(j + 1, attribution::w_for);
        if (v == attribution::verb::calls || call_for) {
          emit({tk.t[s0].at.start, tk.t[n - 1].at.end}, m);
          return;
        }
        if (v == attribution::verb::reports) {
          size_t k = clause_start(tk, j, n);
          if (k && n - k >= 4) emit({tk.t[k].at.start, tk.t[n - 1].at.end}, m);
          return;
        }
      }
    }
    // ", X said (adjunct)." at the end of the sentence.
    for (size_t k = n, seen = 0; k-- > s0 + 4 && seen < 2;) {
      if (!tk.punct(k, ',')) continue;
      ++seen;
      attribution::act a = attribution::act_after(tk, k + 1, n);
      if (!a.found() || a.kind != attribution::verb::reports || !speaker_like(a.who)) continue;
      if (a.cue != cue::explicit_verb && a.cue != cue::statement) continue;
      if (n - a.verb_at > 14) continue;
      bool clause = false;
      for (size_t i = a.verb_at + 1; i < n; ++i)
        if (tk.is_word(i, attribution::w_that)) clause = true;
      if (clause) continue;
      emit({tk.t[s0].at.start, tk.t[k].at.start}, a.who);
      return;
    }
  }

  // "BEIJING. March 22 (Interfax) - China ...": the clause starts after the dash.
  static size_t after_dateline(const attribution::tokens& tk, size_t n) {
    for (size_t i = 1; i < n && i < 16; ++i) {
      if (!tk.t[i].is(text::tok_punct)) continue;
      std::string_view w = tk.word(i);
      bool dash = w == "-" || w == "\xE2\x80\x94" || w == "\xE2\x80\x93";
      if (dash && i + 1 < n && tk.punct(i - 1, ')')) return i + 1;
    }
    return 0;
  }

  // Where the reported clause begins after verb j, or 0 when it is unclear.
  static size_t clause_start(const attribution::tokens& tk, size_t j, size_t n) {
    size_t k = j + 1;
    bool told = tk.has(j, attribution::w_told);
    if (told) {
      while (k < n && k < j + 5 && tk.is_word(k) && !tk.has(k, attribution::w_that)) ++k;
    }
    while (k < n && k < j + 4 && tk.is_word(k) &&
           (tk.t[k].is(text::tok_upper) && is_day(tk.word(k))))
      ++k;
    if (k < n && tk.is_word(k, attribution::w_that)) return k + 1;
    if (told || !tk.has(j, attribution::w_said)) return 0;
    if (k >= n || !tk.is_word(k)) return 0;
    bool subject = tk.cls(k).pronoun || tk.has(k, attribution::w_the) ||
                   (tk.t[k].is(text::tok_upper) && !tk.has(k, attribution::w_not_name));
    return subject ? k : 0;
  }

  static bool is_day(std::string_view w) {
    for (std::string_view d :
         {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})
      if (w == d) return true;
    return false;
  }

  void emit(span at, const attribution::mention& m) {
    while (at.end > at.start && (d.text[at.end - 1] == ' ' || d.text[at.end - 1] == ',')) --at.end;
    quote q;
    q.at = at;
    q.kind = quote_kind::indirect;
    q.mention = m.at;
    q.utterance = ++utterance;
    out.push_back(q);
  }
};

}  // namespace

std::vector<quote> find(const text::document& d, std::vector<diagnostic>& diags) {
  std::vector<quote> out;
  std::string_view s = d.text;
  std::vector<mark> marks;
  std::vector<pair> pairs;
  std::vector<size_t> turns = interview_turns(d);
  int utterance = 0;
  bool carry = false;  // an utterance runs on from the previous paragraph
  int carry_utterance = 0;
  fam carry_family = fam::none;

  for (size_t pi = 0; pi < d.paragraphs.size(); ++pi) {
    span p = d.paragraphs[pi];
    if (turns[pi] && !carry) {
      // An interview turn is one direct quote after its label.
      mark m;
      if (!opens_with(s, p, fam::dbl, m)) {
        pair t;
        t.open = static_cast<uint32_t>(turns[pi]), t.close = p.end;
        t.utterance = ++utterance;
        pairs.push_back(t);
        continue;
      }
    }
    collect_marks(s, p, marks);
    open_quote q;
    size_t from = 0;
    int inherited = 0;
    mark m0;
    if (carry && opens_with(s, p, carry_family, m0)) {
      q.active = true, q.m = m0;
      from = 1;
      inherited = carry_utterance;
    }
    carry = false;
    for (int attempt = 0; attempt < 3; ++attempt) {
      long left = pair_marks(marks, from, q, pairs, utterance, inherited);
      if (!q.active) break;
      // An opener still open at the paragraph end: a quote that runs on into
      // the next paragraph, one that opens the paragraph (its close lost), or
      // a stray mark to report and pair again after.
      const mark& o = q.m;
      mark next;
      bool reopens =
          pi + 1 < d.paragraphs.size() && opens_with(s, d.paragraphs[pi + 1], o.family, next);
      if (reopens || left < 0 || trim(s, {p.start, o.at}).empty()) {
        pair t;
        t.open = o.at, t.open_len = o.len, t.close = p.end;
        t.utterance = inherited ? inherited : ++utterance;
        t.continued = inherited != 0;
        t.continues = reopens;
        if (!reopens) diags.push_back(unclosed(o.at));
        pairs.push_back(t);
        if (reopens) carry = true, carry_utterance = t.utterance, carry_family = o.family;
        break;
      }
      diags.push_back(unclosed(o.at));
      q.active = false;
      from = static_cast<size_t>(left) + 1;
    }
  }

  // Classify the pairs, paragraph by paragraph, in text order.
  std::vector<char> kept(pairs.size(), 0);
  std::vector<quote_kind> kinds(pairs.size(), quote_kind::direct);
  attribution::span_cursor paras(d.paragraphs, true), sents(d.sentences, false);
  for (size_t i = 0; i < pairs.size(); ++i) {
    const pair& pr = pairs[i];
    span c = content_of(s, pr);
    int para = paras.at(pr.open);
    if (pr.open_len == 0) {
      c = trim(s, {pr.open, pr.close});  // an interview turn
    } else if (trim(s, {static_cast<uint32_t>(d.paragraphs[para].start), pr.open}).empty()) {
      c.start = static_cast<uint32_t>(label_end(s, c));
    }
    if (c.empty()) continue;
    bool any_word = false;
    for (size_t k = c.start; k < c.end && !any_word;) any_word = word_char(next_cp(s, k));
    if (!any_word) continue;

    span pspan = d.paragraphs[static_cast<size_t>(para)];
    context x;
    int si = sents.at(pr.open);
    uint32_t lead_start = si >= 0 ? d.sentences[static_cast<size_t>(si)].start : pspan.start;
    bool split = false;
    quote_kind split_kind = quote_kind::direct;
    if (i > 0 && pairs[i - 1].close >= pspan.start && pairs[i - 1].close < pr.open) {
      const pair& prev = pairs[i - 1];
      uint32_t prev_end = prev.close + prev.close_len;
      if (kept[i - 1] && lead_start < prev.open) x.spoken = {lead_start, prev.open};
      lead_start = std::max(lead_start, prev_end);
      span between = trim(s, {prev_end, pr.open});
      span pc = content_of(s, prev);
      uint32_t prev_last = pc.empty() ? 0 : s[pc.end - 1];
      if (kept[i - 1] && between.size() > 0 && between.size() < 90 && s[between.end - 1] == ',' &&
          (prev_last == ',' || lower_word_start(s, c)) &&
          attribution::has_speech_verb(s, between)) {
        bool stop = false;
        for (size_t k = between.start; k < between.end; ++k)
          if (s[k] == '.' || s[k] == '!' || s[k] == '?') stop = true;
        split = !stop;
        split_kind = kinds[i - 1];
      }
    }
    x.lead = trim(s, {lead_start, pr.open});
    if (!x.lead.empty()) {
      size_t k = x.lead.end;
      x.lead_last = prev_cp(s, k);
    }
    if (pr.open_len == 0) x.lead_last = 0;
    uint32_t tail_start = std::min<uint32_t>(pr.close + pr.close_len, pspan.end);
    int se = sents.at(tail_start > pspan.start ? tail_start - 1 : tail_start);
    uint32_t tail_end = se >= 0 ? d.sentences[static_cast<size_t>(se)].end : pspan.end;
    if (i + 1 < pairs.size() && pairs[i + 1].open < tail_end && pairs[i + 1].open >= tail_start)
      tail_end = pairs[i + 1].open;
    x.tail = {tail_start, std::max(tail_start, tail_end)};
    if (pr.continued) x.lead_last = 0;

    verdict v = classify(s, c, x, split, split_kind);
    if (v == verdict::not_speech) continue;
    kept[i] = 1;
    kinds[i] = v == verdict::direct ? quote_kind::direct : quote_kind::partial;
    quote qt;
    qt.at = c;
    qt.kind = kinds[i];
    qt.utterance = pr.utterance;
    if (split) qt.utterance = out.empty() ? pr.utterance : out.back().utterance;
    out.push_back(qt);
  }

  // Reported speech in the sentences that hold no quote.
  size_t before = out.size();
  thread_local attribution::token_buffer buf;  // reused across articles
  indirect_finder ind{d, out, utterance, buf};
  size_t pq = 0;
  for (span sent : d.sentences) {
    while (pq < pairs.size() && pairs[pq].close + pairs[pq].close_len <= sent.start) ++pq;
    if (pq < pairs.size() && pairs[pq].open < sent.end) continue;
    int para = paras.at(sent.start);
    if (para >= 0 && turns[static_cast<size_t>(para)]) continue;
    ind.run(sent, para == 0);
  }
  // Two runs, each in text order (quote pairs, then the other sentences):
  // merged, the quote first at an equal start.
  if (out.size() > before) {
    std::vector<quote> merged;
    merged.reserve(out.size());
    auto mid = out.begin() + static_cast<long>(before);
    std::merge(std::make_move_iterator(out.begin()), std::make_move_iterator(mid),
               std::make_move_iterator(mid), std::make_move_iterator(out.end()),
               std::back_inserter(merged),
               [](const quote& a, const quote& b) { return a.at.start < b.at.start; });
    out.swap(merged);
  }
  return out;
}

}  // namespace quoteline::quotes
