// The time stage's vocabulary, decoded once from core/data/time/words.txt:
// what each word can mean in a date expression (a month, a unit, a number,
// an anchoring word such as "last", a tense cue...).
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace quoteline::time {

// The lists read better as paragraphs than one name per line.
// clang-format off
enum class unit : uint8_t {
  none, second, minute, hour, day, week, weekend, fortnight, month, quarter, year, decade,
  century, millennium
};

// Grammar keywords: words the patterns test by identity.
enum class kw : uint8_t {
  none, the, a, of, and_, or_, so, to, on, at, in, from, ago, before, after, hence, fiscal, few,
  several, couple, many, other, long_, old, ahead, period, term, time, while_, date, yearend,
  new_, eve, election, independence, years, newyear, earlier, later, middle, edge, more, less,
  least, most, up, than, no, only, per, twice, thrice, once, times, oclock, noon, midnight, dawn,
  dusk, half, overnight, same, that, these, those, some, right, holiday, for_, qual
};
// clang-format on

enum word_flag : uint32_t {
  w_month = 1u << 0,
  w_weekday = 1u << 1,
  w_num = 1u << 2,
  w_ord = 1u << 3,
  w_unit = 1u << 4,
  w_plural = 1u << 5,
  w_pod = 1u << 6,
  w_season = 1u << 7,
  w_day = 1u << 8,      // today, yesterday, tomorrow, tonight
  w_ref = 1u << 9,      // now, recently, future...
  w_shift = 1u << 10,   // last, next, this...
  w_mod = 1u << 11,     // early, late, mid...
  w_approx = 1u << 12,  // about, nearly, over...
  w_every = 1u << 13,
  w_set = 1u << 14,  // daily, weekly...
  w_zone = 1u << 15,
  w_holiday = 1u << 16,
  w_decade = 1u << 17,
  w_ampm = 1u << 18,
  w_kw = 1u << 19,
  w_tense = 1u << 20,
  w_abbr = 1u << 21,   // an abbreviation: needs a period, a number or a capital to count
  w_risky = 1u << 22,  // a common word that needs a dating context ("may", "march", "fall")
  w_opens = 1u << 23   // can be the first word of an expression (derived, not a tag)
};

// Parts of the day, in TIMEX3 order of their codes.
enum pod_code : uint8_t { pod_none, pod_mo, pod_af, pod_ev, pod_ni, pod_dt };
const char* pod_name(int pod);        // "MO", "AF", ...
const char* season_name(int season);  // "SP", "SU", "FA", "WI" for 1..4

struct word_info {
  uint32_t flags = 0;
  uint16_t num = 0;  // cardinal value
  uint8_t month = 0, weekday = 0, ord = 0, pod = 0, season = 0, decade = 0;
  unit u = unit::none;
  kw k = kw::none;
  int8_t day = 0;                                   // deictic offset (yesterday = -1)
  int8_t shift = 0;                                 // last = -1, this = 0, next = 1
  int8_t tense = 0;                                 // -1 past, 1 future, 2 present
  char ampm = 0;                                    // 'a' or 'p'
  std::string_view ref, mod, approx, set, holiday;  // static strings from the lexicon
  bool has(uint32_t f) const { return (flags & f) != 0; }
  bool is(kw w) const { return k == w; }
};

// The readings of `word` (ASCII case-insensitive; a trailing "'s" or a
// period is not stripped here), or nullptr for words outside the vocabulary.
const word_info* lookup(std::string_view word);

// Key lengths (as bits) of the vocabulary words starting with each pair of
// letters ('a'..'z' or other, 27 x 27): lets a caller skip lookup() for the
// many words that cannot be in the vocabulary, without a call.
extern const uint32_t* const word_lengths;

// Bucket letter of a byte: 'a'..'z' (either case) as 0..25, anything else 26.
struct letter_slots {
  uint8_t of[256] = {};
  constexpr letter_slots() {
    for (int c = 0; c < 256; ++c) {
      int l = c | 0x20;
      of[c] = uint8_t(l >= 'a' && l <= 'z' ? l - 'a' : 26);
    }
  }
};
inline constexpr letter_slots kLetterSlots{};

inline bool maybe_word(std::string_view w) {
  size_t n = w.size();
  if (n == 0 || n > 16) return false;
  uint32_t b = kLetterSlots.of[static_cast<unsigned char>(w[0])] * 27u +
               (n > 1 ? kLetterSlots.of[static_cast<unsigned char>(w[1])] : 26u);
  return (word_lengths[b] >> n) & 1u;
}

// Words of 1..8 ASCII letters and digits, the bulk of prose, are looked up
// as one 64-bit value: the bytes (zero-padded, ORed with 0x20, which
// lowercases letters and keeps digits) hash into an open-addressing table
// of such values. The answer is lookup()'s.
struct short_word {
  uint64_t key = 0;  // the padded lowercase key, 0 when the slot is empty
  const word_info* info = nullptr;
};
constexpr uint32_t kShortSlots = 2048;
extern const short_word* const short_words;
extern const uint64_t* const short_masks;  // [n]: the first n bytes of a 64-bit load

// p[0, 8) must be readable; p[0, n) are ASCII letters or digits, 1 <= n <= 8.
inline const word_info* lookup_short(const char* p, size_t n) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  uint64_t m = short_masks[n];
  v = (v | 0x2020202020202020ull) & m;
  for (uint32_t h = uint32_t((v * 0x9E3779B97F4A7C15ull) >> 53);; h = (h + 1) & (kShortSlots - 1)) {
    const short_word& s = short_words[h];
    if (s.key == v) return s.info;
    if (s.key == 0) return nullptr;
  }
}

}  // namespace quoteline::time
