#include "attribution/cues.h"

#include <algorithm>

#include "text/lexicon.h"

namespace quoteline::attribution {

namespace {

using text::iequals;

constexpr text::lex_entry kVerbEntries[] = {
#include "attribution/speech_verbs.inc"
};
constexpr text::lex_entry kTitleEntries[] = {
#include "attribution/titles.inc"
};
constexpr text::lex_entry kOrgEntries[] = {
#include "attribution/organizations.inc"
};
constexpr text::lex_entry kNotNameEntries[] = {
#include "attribution/not_names.inc"
};
constexpr text::lex_entry kGivenEntries[] = {
#include "attribution/given_names.inc"
};
constexpr text::lex_entry kPronounEntries[] = {
#include "attribution/pronouns.inc"
};
// A compiled word list searched by binary search within the keys that share
// the word's first letter, after a length check: most tokens are rejected
// before any comparison, and the rest compare against a handful of keys.
class lookup {
 public:
  template <size_t N>
  explicit lookup(const text::lex_entry (&e)[N]) : all_(e), n_(N) {
    for (size_t i = 0; i < N; ++i) {
      unsigned char c = static_cast<unsigned char>(e[i].key[0]);
      size_t b = c >= 'a' && c <= 'z' ? c - 'a' : 26;
      if (!count_[b]) from_[b] = i;
      ++count_[b];
      if (e[i].key.size() > longest_) longest_ = e[i].key.size();
    }
  }
  const text::lex_entry* find(std::string_view w) const {
    if (w.empty() || w.size() > longest_ || w.size() > 48) return nullptr;
    char buf[48];
    for (size_t i = 0; i < w.size(); ++i) {
      char c = w[i];
      buf[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c;
    }
    std::string_view key(buf, w.size());
    unsigned char c = static_cast<unsigned char>(buf[0]);
    size_t b = c >= 'a' && c <= 'z' ? c - 'a' : 26;
    const text::lex_entry* lo = b < 26 ? all_ + from_[b] : all_;
    const text::lex_entry* hi = b < 26 ? lo + count_[b] : all_ + n_;
    const text::lex_entry* it = std::lower_bound(
        lo, hi, key, [](const text::lex_entry& e, std::string_view k) { return e.key < k; });
    return it != hi && it->key == key ? it : nullptr;
  }
  bool contains(std::string_view w) const { return find(w) != nullptr; }

 private:
  const text::lex_entry* all_;
  size_t n_;
  size_t from_[27] = {}, count_[27] = {};
  size_t longest_ = 0;
};

const lookup kVerbs(kVerbEntries);
const lookup kTitles(kTitleEntries);
const lookup kOrgs(kOrgEntries);
const lookup kNotNames(kNotNameEntries);
const lookup kGiven(kGivenEntries);
const lookup kPronouns(kPronounEntries);

bool any_of(std::string_view w, std::initializer_list<std::string_view> list) {
  for (std::string_view x : list)
    if (iequals(w, x)) return true;
  return false;
}

bool determiner(std::string_view w) {
  if (w.size() > 5) return false;
  return any_of(w, {"the", "a", "an", "his", "her", "its", "their", "our"});
}

bool particle(std::string_view w) {
  if (w.size() > 3) return false;
  return any_of(w, {"de", "van", "von", "der", "den", "bin", "al", "da", "di", "du", "la", "le",
                    "del", "ter", "ibn"});
}

// Role heads that never resolve to one named person.
bool generic_head(std::string_view w) {
  return any_of(w, {"source", "sources", "officials", "people", "aides", "analysts", "experts",
                    "critics", "witnesses", "observers", "residents", "supporters", "reports",
                    "spokespeople", "lawmakers", "investigators", "others", "many", "some"});
}

bool upper_word(const tokens& tk, size_t i) {
  return tk.t[i].is(text::tok_upper);
}

// A period glued to a short capitalized word or an initial: "Sen.", "J.".
bool abbrev_period(const tokens& tk, size_t i) {
  if (!tk.punct(i, '.') || i == 0 || !tk.is_word(i - 1) || !upper_word(tk, i - 1)) return false;
  return tk.t[i - 1].at.end == tk.t[i].at.start && tk.t[i - 1].at.size() <= 4;
}

// Whether token i may continue a name run that token `prev` (or nothing) began.
bool namish(const tokens& tk, size_t i, size_t end) {
  if (abbrev_period(tk, i)) return true;
  if (!tk.is_word(i)) return false;
  std::string_view w = tk.word(i);
  if (upper_word(tk, i)) return true;
  if (title_word(w)) return true;
  bool next_upper = i + 1 < end && tk.is_word(i + 1) && upper_word(tk, i + 1);
  if (particle(w) || iequals(w, "of")) return next_upper;
  // A lowercase modifier of a title: "union leader", "Tulsa police Chief"
  // (after a name only an organization word: "Lopez faced businessman" is a verb).
  bool after_name = i > 0 && tk.is_word(i - 1) && upper_word(tk, i - 1);
  return i + 1 < end && tk.is_word(i + 1) && title_word(tk.word(i + 1)) &&
         (!after_name || org_word(w)) && speech_verb(w) == verb::none && !adverb_or_aux(w) &&
         !determiner(w) && !pronoun(w);
}

size_t strip_possessive(std::string_view w) {
  if (w.size() > 2 && (w.substr(w.size() - 2) == "'s")) return w.size() - 2;
  if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") return w.size() - 4;
  return w.size();
}

// Reads tokens [b, e) of a name run as title + name.
mention read_run(const tokens& tk, size_t b, size_t e) {
  mention m;
  while (b < e && tk.is_word(b) && (iequals(tk.word(b), "of") || particle(tk.word(b)))) ++b;
  while (e > b && !tk.is_word(e - 1)) --e;  // a period after the run ends the sentence
  while (e > b && tk.is_word(e - 1) && (iequals(tk.word(e - 1), "of") || particle(tk.word(e - 1))))
    --e;
  if (b >= e) return m;
  if (tk.is_word(b) && determiner(tk.word(b))) {
    // "the Chinese president", "the ministry", "the Kremlin"
    m.b = b;
    m.e = e;
    m.at = {tk.t[b].at.start, tk.t[e - 1].at.end};
    std::string_view head = tk.word(e - 1);
    char g = 0;
    if (generic_head(head)) {
      m.kind = mention_kind::generic;
    } else if (title_word(head, &g) && !org_word(head)) {
      m.kind = mention_kind::role;
      m.gender = g;
    } else if (upper_word(tk, e - 1) && b + 1 < e && upper_word(tk, b + 1)) {
      m.kind = mention_kind::name;  // the Kremlin, the Chinese Foreign Ministry
      m.org = true;
      m.gender = 'o';
      m.name = {tk.t[b + 1].at.start, tk.t[e - 1].at.end};
    } else if (org_word(head)) {
      m.kind = mention_kind::role;
      m.org = true;
      m.gender = 'o';
    } else {
      return {};
    }
    m.title = m.at;
    return m;
  }
  if (!upper_word(tk, b) && !title_word(tk.word(b)) &&
      !(b + 1 < e && tk.is_word(b + 1) && title_word(tk.word(b + 1))))
    return m;
  if (not_name(tk.word(b))) return m;
  // The title is everything up to the last title word (with "of X" after it).
  size_t k = b;  // first token of the name
  char g = 0;
  for (size_t i = b; i < e; ++i) {
    if (!tk.is_word(i)) continue;
    char tg = 0;
    if (title_word(tk.word(i), &tg) && !(upper_word(tk, i) && i + 1 < e && !tk.is_word(i + 1) &&
                                         !abbrev_period(tk, i + 1) && i > b)) {
      k = i + 1;
      if (tg) g = tg;
      if (k < e && abbrev_period(tk, k)) ++k;
      if (k + 1 < e && iequals(tk.word(k), "of") && upper_word(tk, k + 1)) k += 2;
    } else if (!upper_word(tk, i) && !particle(tk.word(i)) && !iequals(tk.word(i), "of")) {
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
  if (!upper_word(tk, k) || not_name(tk.word(k))) return {};
  std::string_view last = tk.word(e - 1);
  m.name = {tk.t[k].at.start, static_cast<uint32_t>(tk.t[e - 1].at.start + strip_possessive(last))};
  m.kind = mention_kind::name;
  for (size_t i = k; i < e; ++i)
    if (tk.is_word(i) && org_word(tk.word(i))) m.org = true;
  if (m.org) {
    m.gender = 'o';
  } else {
    char gn = given_name_gender(tk.word(k));
    m.gender = g ? g : gn;
  }
  return m;
}

mention pronoun_at(const tokens& tk, size_t i) {
  mention m;
  char p = pronoun(tk.word(i));
  if (!p || p == '-') return m;
  m.kind = mention_kind::pronoun;
  m.gender = p;
  m.b = i;
  m.e = i + 1;
  m.at = tk.t[i].at;
  return m;
}

}  // namespace

verb speech_verb(std::string_view w) {
  const text::lex_entry* e = kVerbs.find(w);
  if (!e) return verb::none;
  if (e->value == "r") return verb::reports;
  if (e->value == "c") return verb::calls;
  return verb::attributes;
}

bool title_word(std::string_view w, char* gender) {
  const text::lex_entry* e = kTitles.find(w);
  if (!e) return false;
  if (gender) *gender = e->value == "m" ? 'm' : e->value == "f" ? 'f' : 0;
  return true;
}

bool honorific(std::string_view w) {
  return any_of(w, {"mr", "mrs", "ms", "miss", "dr", "sen", "rep", "gov", "sir", "dame"});
}

bool org_word(std::string_view w) {
  return kOrgs.contains(w);
}
bool not_name(std::string_view w) {
  return kNotNames.contains(w);
}

char given_name_gender(std::string_view w) {
  const text::lex_entry* e = kGiven.find(w);
  return e && !e->value.empty() ? e->value[0] : 0;
}

char pronoun(std::string_view w) {
  const text::lex_entry* e = kPronouns.find(w);
  return e && !e->value.empty() ? e->value[0] : 0;
}

bool adverb_or_aux(std::string_view w) {
  return any_of(
      w, {"also",       "later",    "then",       "has",   "had",        "have",     "once",
          "previously", "recently", "repeatedly", "often", "again",      "further",  "reportedly",
          "simply",     "just",     "would",      "will",  "even",       "publicly", "privately",
          "flatly",     "earlier",  "first",      "still", "frequently", "quickly",  "bluntly"});
}

mention mention_after(const tokens& tk, size_t i, size_t end) {
  if (i >= end || !tk.is_word(i)) return {};
  mention p = pronoun_at(tk, i);
  if (p.kind != mention_kind::none) return p;
  size_t j = i;
  if (determiner(tk.word(i)) && i + 1 < end && tk.is_word(i + 1) &&
      (upper_word(tk, i + 1) || title_word(tk.word(i + 1)))) {
    // A titled name after "the": "the Rev. Peter Wherry".
    for (j = i + 1; j < end && j < i + 10 && namish(tk, j, end); ++j) {
    }
    mention m = read_run(tk, i + 1, j);
    if (m.kind == mention_kind::name && (m.org || !m.title.empty())) {
      m.b = i;
      m.at.start = tk.t[i].at.start;
      return m;
    }
    j = i;
  }
  if (determiner(tk.word(i))) {
    // A role phrase: up to five words ending at a title or organization head.
    size_t head = end;
    for (j = i + 1; j < end && j < i + 7 && tk.is_word(j); ++j) {
      std::string_view w = tk.word(j);
      bool h = title_word(w) || org_word(w) || generic_head(w);
      if (h)
        head = j;
      else if (head != end || speech_verb(w) != verb::none)
        break;
    }
    if (head == end) {
      // "the Kremlin", "the New York Times": capitalized words after "the".
      for (j = i + 1; j < end && j < i + 6 && tk.is_word(j) && upper_word(tk, j); ++j) {
      }
      if (j == i + 1) return {};
      head = j - 1;
    }
    return read_run(tk, i, head + 1);
  }
  while (j < end && j < i + 10 && namish(tk, j, end)) ++j;
  if (j == i) return {};
  return read_run(tk, i, j);
}

mention mention_before(const tokens& tk, size_t begin, size_t end) {
  size_t j = end;
  while (j > begin && tk.is_word(j - 1) && adverb_or_aux(tk.word(j - 1))) --j;
  if (j > begin && tk.punct(j - 1, ')')) {
    size_t k = j - 1;
    while (k > begin && k + 8 > j && !tk.punct(k, '(')) --k;
    if (tk.punct(k, '(')) j = k;
  }
  if (j > begin && tk.punct(j - 1, ',')) {
    // "Smith, a spokesman for the campaign, said"
    size_t k = j - 1;
    while (k > begin && k + 16 > j && !tk.punct(k - 1, ',')) --k;
    if (k > begin && tk.punct(k - 1, ',')) {
      mention m = mention_before(tk, begin, k - 1);
      if (m.kind == mention_kind::name) return m;
    }
    return {};
  }
  if (j == begin || !tk.is_word(j - 1)) return {};
  mention p = pronoun_at(tk, j - 1);
  if (p.kind != mention_kind::none) return p;
  size_t b = j;
  while (b > begin && b + 10 > j && namish(tk, b - 1, j)) --b;
  // A lowercase role phrase back to its determiner: "a campaign spokeswoman".
  if (tk.is_word(j - 1) && !upper_word(tk, j - 1) &&
      (title_word(tk.word(j - 1)) || org_word(tk.word(j - 1)) || generic_head(tk.word(j - 1)))) {
    size_t k = j - 1;
    while (k > begin && k + 6 > j && tk.is_word(k - 1) && !determiner(tk.word(k - 1)) &&
           speech_verb(tk.word(k - 1)) == verb::none)
      --k;
    if (k > begin && tk.is_word(k - 1) && determiner(tk.word(k - 1)))
      b = k - 1;
    else if (b == j - 1 && !upper_word(tk, j - 1)) {
      mention m;  // bare plural sources: "officials said"
      if (generic_head(tk.word(j - 1))) {
        m.kind = mention_kind::generic;
        m.b = j - 1;
        m.e = j;
        m.at = tk.t[j - 1].at;
      }
      return m;
    }
  } else if (b > begin && tk.is_word(b - 1) && determiner(tk.word(b - 1)) && b < j) {
    b = b - 1;  // "the White House"
  }
  if (b == j) return {};
  return read_run(tk, b, j);
}

act act_after(const tokens& tk, size_t begin, size_t end) {
  act a;
  size_t i = begin;
  bool dash = false;
  while (i < end && !tk.is_word(i) && i < begin + 2) {
    std::string_view p = tk.word(i);
    dash = dash || p == "-" || p == "\xE2\x80\x94" || p == "\xE2\x80\x93" || p == "\xE2\x80\x95";
    ++i;
  }
  if (i >= end || !tk.is_word(i)) return a;
  std::string_view w = tk.word(i);
  if (iequals(w, "according") && i + 1 < end && iequals(tk.word(i + 1), "to")) {
    a.who = mention_after(tk, i + 2, end);
    a.verb_at = i;
    a.kind = verb::attributes;
    a.cue = cue::according_to;
    return a;
  }
  verb v = speech_verb(w);
  if (v != verb::none && !iequals(w, "told") && !iequals(w, "tells")) {
    size_t j = i + 1;
    while (j < end && tk.is_word(j) && adverb_or_aux(tk.word(j))) ++j;
    a.who = mention_after(tk, j, end);
    a.verb_at = i;
    a.kind = v;
    return a;
  }
  mention m = mention_after(tk, i, end);
  if (m.kind == mention_kind::none) return a;
  size_t j = m.e;
  if (j < end && tk.punct(j, '(')) {
    size_t k = j;
    while (k < end && k < j + 8 && !tk.punct(k, ')')) ++k;
    if (k < end && tk.punct(k, ')')) j = k + 1;
  }
  if (j + 1 < end && tk.is_word(j) && iequals(tk.word(j), "of")) {
    // "Mr. Morgan of the Sierra Club said"
    size_t k = j + 1;
    if (k < end && tk.is_word(k) && determiner(tk.word(k))) ++k;
    size_t b = k;
    while (k < end && tk.is_word(k) && upper_word(tk, k)) ++k;
    if (k > b) j = k;
  }
  for (int n = 0; n < 2 && j < end && tk.punct(j, ','); ++n) {
    // Appositives: "Smith, a spokesman for the campaign, said"; after a
    // role the appositive may be the name: "the club's captain, Tom Fischer, said".
    size_t k = j + 1;
    while (k < end && k < j + 16 && !tk.punct(k, ',')) ++k;
    if (k >= end || !tk.punct(k, ',')) break;
    if (m.kind == mention_kind::role && n == 0) {
      mention name = mention_after(tk, j + 1, k);
      if (name.kind == mention_kind::name && name.e == k) m = name;
    }
    j = k + 1;
  }
  size_t rest = j;
  while (rest < end && (tk.punct(rest, '.') || tk.punct(rest, ';'))) ++rest;
  if (rest >= end && dash) {
    a.who = m;  // a signature: "..." -- Jane Doe
    a.verb_at = m.b;
    a.kind = verb::attributes;
    return a;
  }
  while (j < end && tk.is_word(j) && adverb_or_aux(tk.word(j))) ++j;
  if (j < end && tk.is_word(j) && any_of(tk.word(j), {"was", "is", "were"})) {
    // "X was quoted as saying"
    if (j + 2 < end && iequals(tk.word(j + 1), "quoted") && iequals(tk.word(j + 2), "as")) {
      a.who = m;
      a.verb_at = j + 1;
      a.kind = verb::attributes;
      a.cue = cue::quoted_as_saying;
    }
    return a;
  }
  if (j >= end || !tk.is_word(j)) return a;
  v = speech_verb(tk.word(j));
  if (v == verb::none) return a;
  if (iequals(tk.word(j), "quoted")) {
    // "the ministry quoted Xi as saying": the quoted one is the speaker.
    mention y = mention_after(tk, j + 1, end);
    size_t k = y.e;
    if (y.kind != mention_kind::none && k + 1 < end && iequals(tk.word(k), "as") &&
        iequals(tk.word(k + 1), "saying")) {
      a.who = y;
      a.verb_at = j;
      a.kind = verb::attributes;
      a.cue = cue::quoted_as_saying;
    }
    return a;
  }
  a.who = m;
  a.verb_at = j;
  a.kind = v;
  for (size_t k = j + 1; k + 1 < end && k < j + 6; ++k)
    if (tk.is_word(k + 1) &&
        (iequals(tk.word(k + 1), "statement") || iequals(tk.word(k + 1), "release")) &&
        (iequals(tk.word(k), "a") || iequals(tk.word(k), "written") ||
         iequals(tk.word(k), "joint") || iequals(tk.word(k), "news")))
      a.cue = cue::statement;
  return a;
}

act act_before(const tokens& tk, size_t begin, size_t end) {
  act a;
  if (end <= begin) return a;
  size_t j = end;
  bool colon = false;
  while (j > begin && !tk.is_word(j - 1)) {
    if (tk.punct(j - 1, ':')) colon = true;
    --j;
  }
  // The verb must be near the mark: "X said (on Monday) (that)", "X told Y:"
  for (size_t v = j; v > begin && v + 8 > j; --v) {
    size_t i = v - 1;
    if (!tk.is_word(i)) {
      if (tk.punct(i, ',') && i + 1 < j) break;
      continue;
    }
    std::string_view w = tk.word(i);
    if (iequals(w, "according") && i + 1 < j && iequals(tk.word(i + 1), "to")) {
      a.who = mention_after(tk, i + 2, j);
      a.verb_at = i;
      a.kind = verb::attributes;
      a.cue = cue::according_to;
      return a;
    }
    verb vk = speech_verb(w);
    if (vk == verb::none) continue;
    a.who = mention_before(tk, begin, i);
    if (a.who.kind == mention_kind::none) {
      bool ing = w.size() > 4 && w.substr(w.size() - 3) == "ing";
      if (ing) {
        // "Trump attacked Clinton, saying, ..." : the subject of the sentence,
        // the first name or pronoun followed by a lowercase verb.
        for (size_t k = begin; k < i; ++k) {
          if (!tk.is_word(k) || !(upper_word(tk, k) || pronoun(tk.word(k)))) continue;
          mention m = mention_after(tk, k, i);
          if (m.kind != mention_kind::name && m.kind != mention_kind::pronoun) continue;
          bool opens = k == begin || (k == begin + 1 && determiner(tk.word(begin)));
          if (m.e < i &&
              ((tk.is_word(m.e) && !upper_word(tk, m.e)) || (opens && tk.punct(m.e, ',')))) {
            a.who = m;
            break;
          }
          k = m.e > k ? m.e - 1 : k;
        }
      } else if (i + 1 < j) {
        a.who = mention_after(tk, i + 1, j);  // "Said Ellis:"
      }
      if (a.who.kind == mention_kind::none) return a;
    }
    a.verb_at = i;
    a.kind = vk;
    a.cue = colon ? cue::colon : cue::explicit_verb;
    if (iequals(w, "saying") && i > begin && iequals(tk.word(i - 1), "as")) {
      // "X was quoted (by Y) as saying:"
      for (size_t k = begin; k + 1 < i; ++k)
        if (tk.is_word(k) && iequals(tk.word(k), "quoted")) a.cue = cue::quoted_as_saying;
    }
    for (size_t k = i + 1; k + 1 < j; ++k)
      if (iequals(tk.word(k + 1), "statement") && any_of(tk.word(k), {"a", "written", "joint"}))
        a.cue = cue::statement;
    return a;
  }
  return a;
}

namespace {
// First and last letter of every ASCII verb form: most words fail this test
// before any lexicon search.
struct verb_filter {
  bool ends[26][26] = {};
  verb_filter() {
    for (const text::lex_entry& e : kVerbEntries) {
      std::string_view k = e.key;
      unsigned char f = static_cast<unsigned char>(k.front()),
                    l = static_cast<unsigned char>(k.back());
      if (f >= 'a' && f <= 'z' && l >= 'a' && l <= 'z') ends[f - 'a'][l - 'a'] = true;
    }
  }
};
const verb_filter kVerbFilter;
}  // namespace

bool has_speech_verb(std::string_view s, span r) {
  size_t i = r.start, end = r.end;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 'a' || c > 'z') {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < end && static_cast<unsigned char>(s[i]) >= 'a' &&
           static_cast<unsigned char>(s[i]) <= 'z')
      ++i;
    size_t n = i - b;
    bool word_start = b == r.start || !((s[b - 1] >= 'A' && s[b - 1] <= 'Z') ||
                                        static_cast<unsigned char>(s[b - 1]) >= 0x80);
    if (n >= 3 && n <= 12 && word_start && kVerbFilter.ends[s[b] - 'a'][s[i - 1] - 'a'] &&
        kVerbs.contains(s.substr(b, n)))
      return true;
  }
  return false;
}

}  // namespace quoteline::attribution
