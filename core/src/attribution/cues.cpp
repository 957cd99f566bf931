#include "attribution/cues.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "text/lexicon.h"

namespace quoteline::attribution {

namespace {

using text::iequals;

constexpr text::lexicon kVerbEntries{
#include "attribution/speech_verbs.inc"
};
constexpr text::lexicon kTitleEntries{
#include "attribution/titles.inc"
};
constexpr text::lexicon kOrgEntries{
#include "attribution/organizations.inc"
};
constexpr text::lexicon kNotNameEntries{
#include "attribution/not_names.inc"
};
constexpr text::lexicon kGivenEntries{
#include "attribution/given_names.inc"
};
constexpr text::lexicon kPronounEntries{
#include "attribution/pronouns.inc"
};
constexpr text::lexicon kPlaceEntries{
#include "attribution/places.inc"
};
constexpr text::lexicon kGenericEntries{
#include "attribution/generic_sources.inc"
};
// ASCII lowercase of eight packed bytes (other bytes unchanged).
inline uint64_t lower8(uint64_t x) {
  const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
  uint64_t low7 = x & ~high;
  uint64_t ge_a = low7 + ones * (0x80 - 'A'), gt_z = low7 + ones * (0x80 - 'Z' - 1);
  return x | ((ge_a & ~gt_z & ~x & high) >> 2);
}

// A word of up to 16 bytes, lowercased and packed (zero padded) into two
// integers, so a lexicon probe is a hash and two compares.
struct packed {
  uint64_t lo = 0, hi = 0;
  uint32_t n = 0;
  uint64_t hash() const {
    uint64_t h = (lo ^ (hi * 0x9E3779B97F4A7C15ull) ^ n) * 0xD6E8FEB86659FD93ull;
    return h ^ (h >> 29);
  }
};

// Packs s[at, at + n); false when the word is empty or too long for a key.
inline bool pack(std::string_view s, size_t at, size_t n, packed& p) {
  if (n == 0 || n > 16) return false;
  p.n = static_cast<uint32_t>(n);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  if (at + 16 <= s.size()) {
    // Unaligned loads, masked to the word.
    uint64_t a, b = 0;
    std::memcpy(&a, s.data() + at, 8);
    if (n < 8) {
      a &= (uint64_t(1) << (8 * n)) - 1;
    } else if (n > 8) {
      std::memcpy(&b, s.data() + at + 8, 8);
      if (n < 16) b &= (uint64_t(1) << (8 * (n - 8))) - 1;
      b = lower8(b);
    }
    p.lo = lower8(a), p.hi = b;
    return true;
  }
#endif
  uint64_t a = 0, b = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t c = static_cast<unsigned char>(s[at + i]);
    if (i < 8)
      a |= c << (8 * i);
    else
      b |= c << (8 * (i - 8));
  }
  p.lo = lower8(a), p.hi = lower8(b);
  return true;
}

// Every word list of the stage in one open-addressing hash table; the
// given names, asked only of a name's first word, in a second one, so the
// classes of ordinary words stay in a table that fits the first-level cache.
class word_table {
 public:
  explicit word_table(bool given) {
    if (given) {
      for (const text::lex_entry& e : kGivenEntries)
        add(e.key).title_gender = e.value.empty() ? 0 : e.value[0];
      return;
    }
    for (const text::lex_entry& e : kVerbEntries) {
      word_class& c = add(e.key);
      c.bits |= w_verb;
      c.v = e.value == "r" ? verb::reports : e.value == "c" ? verb::calls : verb::attributes;
    }
    for (const text::lex_entry& e : kTitleEntries) {
      word_class& c = add(e.key);
      c.bits |= w_title;
      c.title_gender = e.value == "m" ? 'm' : e.value == "f" ? 'f' : 0;
    }
    for (const text::lex_entry& e : kOrgEntries) {
      word_class& c = add(e.key);
      c.bits |= w_org;
      c.business = e.value == "b";
    }
    for (const text::lex_entry& e : kNotNameEntries) add(e.key).bits |= w_not_name;
    for (const text::lex_entry& e : kPronounEntries) {
      word_class& c = add(e.key);
      c.pronoun = e.value.empty() ? 0 : e.value[0];
      if (c.pronoun) c.bits |= w_pronoun;
    }
    for (const text::lex_entry& e : kPlaceEntries) add(e.key).bits |= w_place;
    add_all({"and", "&"}, w_and);
    add_all({"in", "on", "at", "by", "with", "from", "into", "been", "being", "are", "be", "who",
             "which", "not", "no"},
            w_function);
    add_all({"but", "and", "so", "yet", "then", "still"}, w_conj);
    add_all({"the", "a", "an", "his", "her", "its", "their", "our", "one", "another"},
            w_determiner);
    add_all({"de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "la", "le", "del",
             "ter", "ibn"},
            w_particle);
    for (const text::lex_entry& e : kGenericEntries) add(e.key).bits |= w_generic;
    add_all(
        {"also",       "later",    "then",       "has",   "had",        "have",     "once",
         "previously", "recently", "repeatedly", "often", "again",      "further",  "reportedly",
         "simply",     "just",     "would",      "will",  "even",       "publicly", "privately",
         "flatly",     "earlier",  "first",      "still", "frequently", "quickly",  "bluntly"},
        w_adverb);
    add_all({"of"}, w_of);
    add_all({"the"}, w_the);
    add_all({"a"}, w_a);
    add_all({"that"}, w_that);
    add_all({"according"}, w_according);
    add_all({"to"}, w_to);
    add_all({"told", "tells"}, w_told);
    add_all({"was", "is", "were"}, w_be);
    add_all({"quoted"}, w_quoted);
    add_all({"as"}, w_as);
    add_all({"saying"}, w_saying);
    // What an organization issues: "said in a letter", "according to a presentation".
    add_all({"statement", "letter", "presentation", "filing", "memo", "notice", "post"},
            w_statement);
    add_all({"release"}, w_release);
    add_all({"written", "joint"}, w_written);
    add_all({"news"}, w_news);
    add_all({"called"}, w_called);
    add_all({"for"}, w_for);
    add_all({"said", "says"}, w_said);
  }

  const word_class* find(const packed& p) const {
    uint64_t h = p.hash();
    size_t f = static_cast<size_t>(h >> 20) & (kFilter - 1);
    if (!((filter_[f >> 6] >> (f & 63)) & 1)) return nullptr;
    uint32_t tag = static_cast<uint32_t>(h >> 40) & 0xF;
    for (size_t k = slot(h);; k = (k + 1) & (kSlots - 1)) {
      uint32_t v = slots_[k];
      if (!v) return nullptr;
      if ((v >> 12) != tag) continue;
      const entry& e = entries_[(v & 0xFFF) - 1];
      if (e.key.lo == p.lo && e.key.hi == p.hi && e.key.n == p.n) return &e.c;
    }
  }

 private:
  struct entry {
    packed key;
    word_class c;
  };
  // A power of two, at least twice the entries (8 KB, in L1); twelve bits
  // of an entry index and a four-bit hash tag in each.
  static constexpr size_t kSlots = 4096;
  static_assert(std::size(kVerbEntries) + std::size(kTitleEntries) + std::size(kOrgEntries) +
                        std::size(kNotNameEntries) + std::size(kPronounEntries) +
                        std::size(kPlaceEntries) + std::size(kGenericEntries) + 160 <=
                    kSlots / 2 - 2,  // and an index + 1 fits in twelve bits
                "the word table needs more slots");
  std::vector<entry> entries_;
  uint16_t slots_[kSlots] = {};  // (hash tag << 12) | (entry index + 1); 0 is empty
  // A Bloom filter of the keys (1 KB): most words are in no list, and the
  // filter answers for them from L1 where the slots may have been evicted.
  static constexpr size_t kFilter = 8192;
  uint64_t filter_[kFilter / 64] = {};

  // The top bits of the hash: they depend on every byte of the word.
  static size_t slot(uint64_t h) { return static_cast<size_t>(h >> 52) & (kSlots - 1); }
  word_class& add(std::string_view key) {
    packed p;
    if (!pack(key, 0, key.size(), p)) return scratch_;  // never for the lists above
    uint64_t h = p.hash();
    uint32_t tag = static_cast<uint32_t>(h >> 40) & 0xF;
    size_t k = slot(h);
    for (;; k = (k + 1) & (kSlots - 1)) {
      uint32_t v = slots_[k];
      if (!v) break;
      entry& e = entries_[(v & 0xFFF) - 1];
      if (e.key.lo == p.lo && e.key.hi == p.hi && e.key.n == p.n) return e.c;
    }
    if (entries_.size() * 2 >= kSlots) return scratch_;  // kept out by the static_assert
    entries_.push_back({p, {}});
    size_t f = static_cast<size_t>(h >> 20) & (kFilter - 1);
    filter_[f >> 6] |= uint64_t(1) << (f & 63);
    slots_[k] = static_cast<uint16_t>((tag << 12) | static_cast<uint32_t>(entries_.size()));
    return entries_.back().c;
  }
  void add_all(std::initializer_list<std::string_view> keys, uint32_t bit) {
    for (std::string_view k : keys) add(k).bits |= bit;
  }
  word_class scratch_;
};

const word_table kWords(false);
const word_table kGiven(true);
static_assert(std::size(kGivenEntries) <= 2046, "the given-name table needs more slots");

word_class class_at(std::string_view s, size_t at, size_t n) {
  packed p;
  if (!pack(s, at, n, p)) return {};
  const word_class* c = kWords.find(p);
  return c ? *c : word_class{};
}

}  // namespace

char given_gender(const tokens& tk, size_t i) {
  return tk.is_word(i) ? given_name_gender(tk.word(i)) : 0;
}

namespace {

bool any_of(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (iequals(w, x)) return true;
  return false;
}

bool upper_word(const tokens& tk, size_t i) {
  return tk.t[i].is(text::tok_upper);
}

// A period glued to a short capitalized word or an initial: "Sen.", "J.".
// Only an initial, a title or a suffix: "May." and "Li." end sentences.
bool abbrev_period(const tokens& tk, size_t i) {
  if (!tk.punct(i, '.') || i == 0 || !tk.is_word(i - 1) || !upper_word(tk, i - 1)) return false;
  if (tk.t[i - 1].at.end != tk.t[i].at.start || tk.t[i - 1].at.size() > 4) return false;
  std::string_view w = tk.word(i - 1);
  return w.size() == 1 || tk.has(i - 1, w_title) || iequals(w, "jr") || iequals(w, "sr") ||
         iequals(w, "st");
}

// Whether token i may continue a name run that token `prev` (or nothing) began.
bool namish(const tokens& tk, size_t i, size_t end) {
  if (abbrev_period(tk, i)) return true;
  // The apostrophe of a plural possessor inside a name: "Traders' Association".
  if (i > 0 && i + 1 < end && tk.is_word(i - 1) && tk.word(i - 1).back() == 's' &&
      tk.t[i - 1].at.end == tk.t[i].at.start && tk.is_word(i + 1) && upper_word(tk, i + 1) &&
      (tk.word(i) == "'" || tk.word(i) == "\xE2\x80\x99"))
    return true;
  if (!tk.is_word(i)) return false;
  if (upper_word(tk, i)) return true;
  if (tk.has(i, w_title)) return true;
  bool next_upper = i + 1 < end && tk.is_word(i + 1) && upper_word(tk, i + 1);
  if (tk.has(i, w_particle | w_of)) return next_upper;
  // A lowercase modifier of a title: "union leader", "Tulsa police Chief"
  // (after a name only an organization word: "Lopez faced businessman" is a verb).
  // ("Chief financial officer": after a title the modifier belongs to it.)
  bool after_name = i > 0 && tk.is_word(i - 1) && upper_word(tk, i - 1) && !tk.has(i - 1, w_title);
  if (after_name && !tk.has(i, w_org)) return false;
  if (tk.has(i, w_verb | w_adverb | w_determiner | w_pronoun | w_not_name | w_be)) return false;
  // (two modifiers at most: "product liability lawyer")
  for (size_t k = i + 1; k < end && k < i + 3 && tk.is_word(k); ++k) {
    if (tk.has(k, w_title)) return true;
    if (tk.upper(k) || tk.has(k, w_verb | w_adverb | w_determiner | w_pronoun | w_not_name | w_be))
      return false;
  }
  return false;
}

size_t strip_possessive(std::string_view w) {
  if (w.size() > 2 && (w.substr(w.size() - 2) == "'s")) return w.size() - 2;
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return w.size() - 4;
  return w.size();
}

// "Maryland-based", "Paris-born": a capitalized adjective, never a name.
bool adjective(std::string_view w) {
  if (w.size() < 5 || w.find('-') == std::string_view::npos) return false;
  for (std::string_view suffix :
       {std::string_view("-based"), std::string_view("-born"), std::string_view("-raised"),
        std::string_view("-bred"), std::string_view("-owned"), std::string_view("-run")})
    if (w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix) return true;
  return false;
}

// Reads tokens [b, e) of a name run as title + name.
mention read_run(const tokens& tk, size_t b, size_t e) {
  mention m;
  // Particles open no name ("de la Cruz" is read from "Cruz" on), but a
  // capitalized title that is also one does: "Del. Stacey Plaskett".
  while (b < e && tk.is_word(b, w_of | w_particle) && !(upper_word(tk, b) && tk.has(b, w_title)))
    ++b;
  while (e > b && !tk.is_word(e - 1)) --e;  // a period after the run ends the sentence
  while (e > b && tk.is_word(e - 1, w_of | w_particle)) --e;
  if (b >= e) return m;
  if (tk.is_word(b, w_determiner)) {
    // "the Chinese president", "the ministry", "the Kremlin"
    m.b = b;
    m.e = e;
    m.at = {tk.t[b].at.start, tk.t[e - 1].at.end};
    const word_class& head = tk.cls(e - 1);
    if (head.bits & w_generic) {
      m.kind = mention_kind::generic;
    } else if ((head.bits & w_title) && !(head.bits & w_org)) {
      m.kind = mention_kind::role;
      m.gender = head.title_gender;
    } else if (upper_word(tk, e - 1) && b + 1 < e && upper_word(tk, b + 1)) {
      if (!(head.bits & w_org) && (head.bits & w_place)) return {};  // "the London Marathon"
      m.kind = mention_kind::name;  // the Kremlin, the Chinese Foreign Ministry
      m.org = true;
      m.gender = 'o';
      m.name = {tk.t[b + 1].at.start, tk.t[e - 1].at.end};
    } else if (head.bits & w_org) {
      m.kind = mention_kind::role;
      m.org = true;
      m.gender = 'o';
    } else {
      return {};
    }
    m.title = m.at;
    return m;
  }
  if (!upper_word(tk, b) && !tk.has(b, w_title) && !(b + 1 < e && tk.is_word(b + 1, w_title)) &&
      !(b + 2 < e && !upper_word(tk, b + 1) && tk.is_word(b + 2, w_title)))
    return m;
  // "Maryland-based lawyer Jim Dunham": the adjective is part of the title.
  if (b + 1 < e && adjective(tk.word(b))) {
    mention rest = read_run(tk, b + 1, e);
    if (rest.kind != mention_kind::name) return {};
    rest.b = b;
    rest.at.start = tk.t[b].at.start;
    rest.title.start = tk.t[b].at.start;
    if (rest.title.end < rest.title.start) rest.title.end = rest.title.start;
    return rest;
  }
  if (e == b + 1 && adjective(tk.word(b))) return m;
  if (tk.has(b, w_not_name | w_pronoun) || tk.cls(b).pronoun) return m;  // "I", "We"
  if (e == b + 1 && tk.has(b, w_generic)) {
    // "Officials said": a source with no name, capitalized or not.
    m.kind = mention_kind::generic;
    m.b = b, m.e = e, m.at = tk.t[b].at;
    return m;
  }
  // The title is everything up to the last title word (with "of X" after it).
  size_t k = b;  // first token of the name
  char g = 0;
  for (size_t i = b; i < e; ++i) {
    if (!tk.is_word(i)) continue;
    // A capitalized title word ending the run after a given name is a
    // surname: "Paul Expert", "Jane Judge".
    bool surname = upper_word(tk, i) && i + 1 == e && i > b && upper_word(tk, i - 1) &&
                   !tk.has(i - 1, w_title);
    if (tk.has(i, w_title) && !surname &&
        !(upper_word(tk, i) && i + 1 < e && !tk.is_word(i + 1) && !abbrev_period(tk, i + 1) &&
          i > b)) {
      k = i + 1;
      if (tk.cls(i).title_gender) g = tk.cls(i).title_gender;
      if (k < e && abbrev_period(tk, k)) ++k;
      if (k + 1 < e && tk.has(k, w_of) && upper_word(tk, k + 1)) k += 2;
    } else if (!upper_word(tk, i) && !tk.has(i, w_particle | w_of | w_and)) {
      k = i + 1;  // a lowercase modifier belongs to the title: "presidential nominee"
    }
  }
  m.b = b;
  m.e = e;
  m.at = {tk.t[b].at.start, tk.t[e - 1].at.end};
  if (k > b) m.title = {tk.t[b].at.start, tk.t[k - 1].at.end};
  if (k >= e) {
    // A title alone ("President" said) is a role; lowercase titles need "the".
    if (!upper_word(tk, b)) return {};
    m.kind = mention_kind::role;
    m.gender = g;
    return m;
  }
  if (!upper_word(tk, k) || tk.has(k, w_not_name)) return {};
  // One pass over the name: a possessor opening it is not part of it ("New
  // Zealand's Ministry of Education", "the Federation's Tor Eriksen"); an
  // organization word makes it an organization; a person's name ends before
  // "of" ("Sofia Lindqvist of Sweden").
  size_t of = e, possessor = e;
  bool org_after = false;  // an organization word after the possessor
  for (size_t x = k; x < e; ++x) {
    if (!tk.is_word(x)) continue;
    std::string_view w = tk.word(x);
    if (x + 1 < e && w.back() == 's' && strip_possessive(w) < w.size() && upper_word(tk, x + 1)) {
      possessor = x, org_after = false;
      if (tk.has(x, w_org)) m.org = true;
      continue;
    }
    const word_class& c = tk.cls(x);
    if (c.bits & w_org) m.org = true, org_after = true;
    if ((c.bits & w_of) && x > k && of == e) of = x;
  }
  // (An organization keeps its possessor: "Moody's Analytics", "McDonald's".)
  if (possessor < e && !org_after) {
    m.org = false;
    k = possessor + 1, of = e;
    for (size_t x = k + 1; x < e && of == e; ++x)
      if (tk.is_word(x, w_of)) of = x;
  }
  if (!m.org) e = of;
  // A street, a bay or a marathon is nobody's name.
  if (!m.org && k == b && tk.is_word(e - 1, w_place)) return {};
  std::string_view last = tk.word(e - 1);
  m.name = {tk.t[k].at.start, static_cast<uint32_t>(tk.t[e - 1].at.start + strip_possessive(last))};
  m.kind = mention_kind::name;
  // The given name's gender is left to the entity that needs it.
  m.gender = m.org ? 'o' : g;
  return m;
}

// Whether word j may stand inside a role phrase before its head ("the
// regional health inspectorate"): not a verb form, an auxiliary or a
// preposition, so "its two guards had been treated in hospital" is no role.
bool modifier(const tokens& tk, size_t j) {
  return !tk.has(j, w_be | w_adverb | w_that | w_to | w_as | w_for | w_of | w_pronoun |
                        w_determiner | w_and | w_function);
}

// Tokens j, j + 1 are the 's of a possessive split by the tokenizer at its
// apostrophe ("trust", "\u2019", "s").
bool possessive_s(const tokens& tk, size_t j) {
  if (j + 1 >= tk.n || j == 0 || !tk.is_word(j - 1) || !tk.is_word(j + 1)) return false;
  std::string_view p = tk.word(j), s = tk.word(j + 1);
  return (p == "'" || p == "\xE2\x80\x99") && (s == "s" || s == "S") &&
         tk.t[j - 1].at.end == tk.t[j].at.start && tk.t[j].at.end == tk.t[j + 1].at.start;
}

// An organization's name goes on over "and" or "&": "Merunga Water and
// Sewerage Company", "Severn & Wye Power" (a person's name never does:
// "Emeka and Chidi Okonjo" are two people). Returns the run's new end.
bool and_at(const tokens& tk, size_t j) {
  return tk.is_word(j, w_and) || tk.punct(j, '&');
}

size_t org_and(const tokens& tk, size_t i, size_t j, size_t end) {
  if (j + 1 >= end || !and_at(tk, j) || !upper_word(tk, j + 1)) return j;
  size_t k = j + 1;
  while (k < end && k < j + 8 && namish(tk, k, end)) ++k;
  for (size_t x = i; x < k; ++x)
    if (tk.is_word(x, w_org)) return k;
  return j;
}

// The same, backward: the run [b, j) may begin after "X and".
size_t org_and_back(const tokens& tk, size_t begin, size_t b, size_t j) {
  if (b < begin + 2 || !and_at(tk, b - 1) || !upper_word(tk, b - 2)) return b;
  bool org = false;
  for (size_t x = b; x < j; ++x) org = org || tk.is_word(x, w_org);
  if (!org) return b;
  size_t k = b - 1;
  while (k > begin && k + 8 > b && namish(tk, k - 1, j) && !and_at(tk, k - 1)) --k;
  return k;
}

// A role for someone: "a spokesman for Greywater Utilities", "a spokesman
// for the education minister": the person speaks, the phrase names them.
}  // namespace

void with_whom(const tokens& tk, mention& r, size_t end) {
  if (r.kind != mention_kind::role || r.org) return;
  size_t j = r.e;
  if (j + 1 >= end || !tk.is_word(j) ||
      !(tk.has(j, w_for | w_of) || text::iequals(tk.word(j), "at")))
    return;
  mention w = mention_after(tk, j + 1, end);
  // An organization, or someone's role: not a person's name ("a cashier
  // at Garde-Nord" yes; "member for highways Cllr Martins" is a title).
  if (!((w.kind == mention_kind::name && w.org) || w.kind == mention_kind::role)) return;
  r.e = w.e;
  r.at.end = w.at.end;
}

namespace {

mention pronoun_at(const tokens& tk, size_t i) {
  mention m;
  char p = tk.cls(i).pronoun;
  if (!p || p == '-') return m;
  m.kind = mention_kind::pronoun;
  m.gender = p;
  m.b = i;
  m.e = i + 1;
  m.at = tk.t[i].at;
  return m;
}

}  // namespace

word_class classify(std::string_view w) {
  return class_at(w, 0, w.size());
}

word_class classify(std::string_view s, const text::token& t) {
  word_class c;
  if (t.is(text::tok_word)) c = class_at(s, t.at.start, t.at.size());
  c.bits |= w_known;
  return c;
}

void token_buffer::add(std::string_view s, span r) {
  text::tokenize(s, r, t);
  c.resize(t.size());
}

verb speech_verb(std::string_view w) {
  return classify(w).v;
}

bool title_word(std::string_view w, char* gender) {
  word_class c = classify(w);
  if (!(c.bits & w_title)) return false;
  if (gender) *gender = c.title_gender;
  return true;
}

bool honorific(std::string_view w) {
  return any_of(w, {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "sir", "dame"});
}

bool org_word(std::string_view w) {
  return classify(w).bits & w_org;
}
bool not_name(std::string_view w) {
  return classify(w).bits & w_not_name;
}

char given_name_gender(std::string_view w) {
  packed p;
  if (!pack(w, 0, w.size(), p)) return 0;
  const word_class* c = kGiven.find(p);
  return c ? c->title_gender : 0;
}

char pronoun(std::string_view w) {
  return classify(w).pronoun;
}

bool possessive(std::string_view w) {
  return strip_possessive(w) < w.size();
}

bool adverb_or_aux(std::string_view w) {
  return classify(w).bits & w_adverb;
}

char generation_word(std::string_view w) {
  for (std::string_view e : {"elder", "eldest", "older", "oldest"})
    if (text::iequals(w, e)) return 'e';
  for (std::string_view y : {"younger", "youngest"})
    if (text::iequals(w, y)) return 'y';
  return 0;
}

mention mention_after(const tokens& tk, size_t i, size_t end) {
  if (i >= end || !tk.is_word(i)) return {};
  mention p = pronoun_at(tk, i);
  if (p.kind != mention_kind::none) return p;
  // "the elder Ms Haddad": the name (the cast tells which Haddad).
  if (i + 2 < end && tk.has(i, w_the) && tk.is_word(i + 1) && generation_word(tk.word(i + 1)) &&
      upper_word(tk, i + 2))
    return mention_after(tk, i + 2, end);
  size_t j = i;
  bool det = tk.has(i, w_determiner);
  if (det && i + 1 < end && tk.is_word(i + 1) &&
      (upper_word(tk, i + 1) || tk.has(i + 1, w_title))) {
    // A titled name after "the": "the Rev. Peter Wherry".
    for (j = i + 1; j < end && j < i + 10 && namish(tk, j, end); ++j) {
    }
    j = org_and(tk, i + 1, j, end);
    mention m = read_run(tk, i + 1, j);
    if (m.kind == mention_kind::name && (m.org || !m.title.empty())) {
      m.b = i;
      m.at.start = tk.t[i].at.start;
      return m;
    }
    j = i;
  }
  if (det) {
    // A role phrase: up to five words ending at a title or organization head.
    size_t head = end;
    for (j = i + 1; j < end && j < i + 8; ++j) {
      if (possessive_s(tk, j)) {  // "the trust's chief": the 's of a possessor
        ++j;
        continue;
      }
      if (!tk.is_word(j)) break;
      if (tk.has(j, w_title | w_org | w_generic))
        head = j;
      else if (head != end || tk.has(j, w_verb) || !modifier(tk, j))
        break;
    }
    if (head == end) {
      // "the Kremlin", "the New York Times": capitalized words after "the".
      for (j = i + 1; j < end && j < i + 6 && tk.is_word(j) && upper_word(tk, j); ++j) {
      }
      if (j == i + 1) return {};
      // Not when a noun follows: "the Minneapolis-based maker", "the Labour
      // government" name no organization of their own.
      if (j < end && tk.is_word(j) && !upper_word(tk, j) && !tk.has(j, w_verb) && modifier(tk, j))
        return {};
      head = j - 1;
    } else if (!upper_word(tk, head) && head + 1 < end && upper_word(tk, head + 1)) {
      // "the marine consultancy Ferrand Associates": a name after the
      // lowercase words that describe it, which are its title.
      size_t k = head + 1;
      while (k < end && k < head + 9 && namish(tk, k, end)) ++k;
      mention n = read_run(tk, head + 1, org_and(tk, head + 1, k, end));
      if (n.kind == mention_kind::name && n.b == head + 1 && n.title.empty()) {
        n.title = {tk.t[i].at.start, tk.t[head].at.end};
        n.b = i;
        n.at.start = tk.t[i].at.start;
        return n;
      }
    }
    return read_run(tk, i, head + 1);
  }
  while (j < end && j < i + 10 && namish(tk, j, end)) ++j;
  if (j == i) return {};
  j = org_and(tk, i, j, end);
  return read_run(tk, i, j);
}

namespace {

// mention_before without appositives: the words right before `end`.
mention plain_before(const tokens& tk, size_t begin, size_t j, bool nested = false) {
  if (j == begin || !tk.is_word(j - 1)) return {};
  mention p = pronoun_at(tk, j - 1);
  if (p.kind != mention_kind::none) return p;
  size_t b = j;
  while (b > begin && b + 10 > j && namish(tk, b - 1, j)) --b;
  b = org_and_back(tk, begin, b, j);
  if (!nested && b > begin + 1 && b < j && tk.is_word(b - 1) &&
      (tk.has(b - 1, w_for | w_of) || text::iequals(tk.word(b - 1), "at"))) {
    // "a spokesman for Greywater Utilities said": the role before "for".
    size_t f = b - 1;
    if (f > begin && tk.is_word(f - 1, w_determiner)) --f;  // "for the ..."
    mention r = plain_before(tk, begin, f, true);
    mention w = read_run(tk, b, j);
    // ("a spokesman for broadcaster Lumen TV": an organisation by its title)
    bool org = w.org;
    for (size_t t = w.b; !org && t < w.e && !upper_word(tk, t); ++t) org = tk.has(t, w_org);
    if (r.kind == mention_kind::role && !r.org && w.kind == mention_kind::name && org) {
      r.e = j;
      r.at.end = tk.t[j - 1].at.end;
      return r;
    }
  }
  // A lowercase role phrase back to its determiner: "a campaign spokeswoman".
  if (tk.is_word(j - 1) && !upper_word(tk, j - 1) && tk.has(j - 1, w_title | w_org | w_generic)) {
    size_t k = j - 1;
    while (k > begin && k + 6 > j && tk.is_word(k - 1) && !tk.has(k - 1, w_determiner | w_verb))
      --k;
    if (k > begin && tk.is_word(k - 1, w_determiner)) {
      b = k - 1;
      // "a spokesman for the education minister": the role whose
      // complement this is speaks, and the whole phrase is its name.
      if (!nested && b > begin + 1 &&
          (tk.is_word(b - 1, w_for | w_of) ||
           (tk.is_word(b - 1) && iequals(tk.word(b - 1), "at")))) {
        mention r = plain_before(tk, begin, b - 1, true);
        if (r.kind == mention_kind::role && !r.org) {
          r.e = j;
          r.at.end = tk.t[j - 1].at.end;
          return r;
        }
      }
    } else if (b == j - 1 && !upper_word(tk, j - 1)) {
      mention m;  // bare plural sources: "officials said"
      if (tk.has(j - 1, w_generic)) {
        m.kind = mention_kind::generic;
        m.b = j - 1;
        m.e = j;
        m.at = tk.t[j - 1].at;
      }
      return m;
    }
  } else if (b > begin && tk.is_word(b - 1, w_determiner) && b < j) {
    b = b - 1;  // "the White House"
  }
  if (b == j) return {};
  return read_run(tk, b, j);
}

}  // namespace

mention mention_before(const tokens& tk, size_t begin, size_t end) {
  size_t j = end;
  while (j > begin && tk.is_word(j - 1, w_adverb | w_be)) --j;  // "is telling", "also said"
  if (j > begin && tk.punct(j - 1, ')')) {
    size_t k = j - 1;
    while (k > begin && k + 8 > j && !tk.punct(k, '(')) --k;
    if (tk.punct(k, '(')) j = k;
  }
  if (j == begin || !tk.punct(j - 1, ',')) return plain_before(tk, begin, j);
  // Back over one or two appositives between commas: "Smith, a spokesman
  // for the campaign, said", "Kwame Asante, 37, who lives on Clay Street,
  // said"; or the name is the appositive: "His sister, Maria Reyes, said".
  size_t close = j - 1;
  mention antecedent;  // the thing a ", which" clause was about
  for (int n = 0; n < 2; ++n) {
    size_t k = close;
    while (k > begin && k + 24 > close && !tk.punct(k - 1, ',')) --k;
    // No earlier appositive: the thing ", which ..." was about is the
    // subject ("The Ministry of Maritime Affairs, which must approve
    // changes, said").
    if (k <= begin || !tk.punct(k - 1, ',')) return antecedent;
    mention m = plain_before(tk, begin, k - 1);
    // ", which represents ...,": the noun before it is a thing, not the
    // subject; look further back.
    bool thing = tk.is_word(k) && text::iequals(tk.word(k), "which");
    if (m.kind == mention_kind::name && !thing) return m;
    antecedent = thing && m.kind == mention_kind::name ? m : mention{};
    mention nm = mention_after(tk, k, close);
    if (nm.kind == mention_kind::name && nm.e == close &&
        (m.kind == mention_kind::role || m.kind == mention_kind::generic ||
         (m.kind == mention_kind::none && k - 1 == begin))) {
      if (m.kind == mention_kind::role && !m.org) {
        nm.title = m.at;
        if (!nm.gender || nm.gender == 'o') nm.gender = m.gender;
      } else if (m.kind == mention_kind::role) {
        nm.org = true, nm.gender = 'o';  // "The municipal tram operator, KLS, said"
      }
      return nm;
    }
    close = k - 1;
  }
  return {};
}

namespace {
// A Bloom filter of the verb forms by their first four letters and length
// (16384 bits, in L1): about one run of letters in thirty passes it, and only
// those meet the word table.
struct verb_bloom {
  uint64_t bits[256] = {};
  verb_bloom() {
    for (const text::lex_entry& e : kVerbEntries) {
      std::string_view k = e.key;
      if (k.size() < 3) continue;
      uint32_t head = 0;
      for (size_t i = 0; i < 4 && i < k.size(); ++i)
        head |= uint32_t(static_cast<unsigned char>(k[i])) << (8 * i);
      size_t b = bit(head, k.size());
      bits[b >> 6] |= uint64_t(1) << (b & 63);
    }
  }
  // `head`: the first four bytes, little-endian (three and a zero for n = 3).
  static size_t bit(uint32_t head, size_t n) {
    return static_cast<size_t>(((uint64_t(head) << 4 | n) * 0x9E3779B97F4A7C15ull) >> 50);
  }
  // Whether the run s[b, b + n) (3 <= n, all a-z) may be a verb form.
  bool maybe(std::string_view s, size_t b, size_t n) const {
    uint32_t head = 0;
    if (b + 4 <= s.size()) {
      std::memcpy(&head, s.data() + b, 4);
#if !(defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
      head = 0;
      for (size_t i = 0; i < 4; ++i)
        head |= uint32_t(static_cast<unsigned char>(s[b + i])) << (8 * i);
#endif
      if (n == 3) head &= 0xFFFFFF;
    } else {
      for (size_t i = 0; i < 4 && i < n; ++i)
        head |= uint32_t(static_cast<unsigned char>(s[b + i])) << (8 * i);
    }
    size_t k = bit(head, n);
    return (bits[k >> 6] >> (k & 63)) & 1;
  }
};
const verb_bloom kVerbBloom;

// Bit 7 of each byte of the result is set where x holds a-z.
inline uint64_t lower_letters8(uint64_t x) {
  const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
  uint64_t l = x & ~high;
  return (l + ones * (0x80 - 'a')) & ~(l + ones * (0x7F - 'z')) & ~x & high;
}

// Bit 7 of each byte of the result is set where x holds A-Z or a byte
// above 0x7F.
inline uint64_t upper_or_high8(uint64_t x) {
  const uint64_t high = 0x8080808080808080ull, ones = 0x0101010101010101ull;
  uint64_t l = x & ~high;
  return ((l + ones * (0x80 - 'A')) & ~(l + ones * (0x7F - 'Z')) & high) | (x & high);
}

bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

// One bit per byte of s[i, i + 16) in each mask: `lower` where the byte is
// a-z, `other` where it is A-Z or not ASCII (a byte after which no word
// starts); zero past the end of s.
struct masks16 {
  uint32_t lower = 0, other = 0;
};
inline masks16 masks_at(std::string_view s, size_t i) {
  masks16 r;
  if (i + 16 <= s.size()) {
#ifdef __SSE2__
    __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    __m128i lo = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('a' - 1)),
                               _mm_cmplt_epi8(x, _mm_set1_epi8('z' + 1)));
    __m128i up = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
                               _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
    r.lower = static_cast<uint32_t>(_mm_movemask_epi8(lo));
    r.other = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(up, x)));
    return r;
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint64_t a, b;
    std::memcpy(&a, s.data() + i, 8);
    std::memcpy(&b, s.data() + i + 8, 8);
    // Gathers bit 7 of each byte into one bit per byte.
    constexpr uint64_t gather = 0x0002040810204081ull;
    auto bits = [](uint64_t v) { return static_cast<uint32_t>((v * gather) >> 56); };
    r.lower = bits(lower_letters8(a)) | bits(lower_letters8(b)) << 8;
    r.other = bits(upper_or_high8(a)) | bits(upper_or_high8(b)) << 8;
    return r;
#endif
  }
  for (size_t k = 0; k < 16 && i + k < s.size(); ++k) {
    unsigned char c = static_cast<unsigned char>(s[i + k]);
    if (is_lower(static_cast<char>(c))) r.lower |= 1u << k;
    if ((c >= 'A' && c <= 'Z') || c >= 0x80) r.other |= 1u << k;
  }
  return r;
}

}  // namespace

size_t span_cursor::last_from(uint32_t pos) const {
  auto it = std::upper_bound(v_.begin(), v_.end(), pos,
                             [](uint32_t p, const span& x) { return p < x.start; });
  return it == v_.begin() ? v_.size() : static_cast<size_t>(it - v_.begin()) - 1;
}

// Runs of a-z, sixteen bytes at a time: a mask of the letters gives the runs
// and their lengths, a mask of the bytes no word follows drops the runs
// inside words, and only runs of verb length meet the Bloom filter.
bool has_speech_verb(std::string_view s, span r) {
  size_t end = r.end;
  uint32_t carry = 0;  // the byte before the chunk ends a run (not before r)
  uint32_t other = 0;  // the byte before the chunk is A-Z or not ASCII (not before r)
  masks16 next = r.start < end ? masks_at(s, r.start) : masks16{};
  for (size_t i = r.start; i < end; i += 16) {
    masks16 cur = next;
    uint32_t m = cur.lower;
    if (i + 16 < end) next = masks_at(s, i + 16), m |= next.lower << 16;
    if (end - i < 32) m &= (uint32_t(1) << (end - i)) - 1;  // nothing from beyond r
    // Starts of runs of three letters or more at the start of a word.
    uint32_t starts =
        m & 0xFFFF & ~((m << 1) | carry) & (m >> 1) & (m >> 2) & ~((cur.other << 1) | other);
    carry = (m >> 15) & 1;
    other = (cur.other >> 15) & 1;
    for (; starts; starts &= starts - 1) {
      unsigned k = static_cast<unsigned>(__builtin_ctz(starts));
      size_t n = static_cast<size_t>(__builtin_ctzll(~(uint64_t(m) >> k)));
      size_t b = i + k;
      if (n > 12 || !kVerbBloom.maybe(s, b, n)) continue;
      packed p;
      if (!pack(s, b, n, p)) continue;
      const word_class* c = kWords.find(p);
      if (c && (c->bits & w_verb)) return true;
    }
  }
  return false;
}

}  // namespace quoteline::attribution
