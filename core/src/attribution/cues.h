// Word-level cues shared by the quote stage (indirect speech) and the
// attribution sieves: speech verbs, titles, pronouns, and the parser that
// reads a speaker mention next to a speech verb.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "quoteline/analysis.h"
#include "text/tokens.h"

namespace quoteline::attribution {

enum class verb : uint8_t { none, attributes, reports, calls };

// Class of a speech verb form ("said" -> reports), verb::none otherwise.
verb speech_verb(std::string_view word);
// Title or role head ("president", "Sen"); gender is 'm', 'f' or 0.
bool title_word(std::string_view word, char* gender = nullptr);
bool honorific(std::string_view word);  // Mr, Mrs, Sen, ...: only before a name
bool org_word(std::string_view word);
bool not_name(std::string_view word);
char given_name_gender(std::string_view word);  // 'm', 'f' or 0
// Pronoun class: 'm', 'f', 'p' (plural), 'o' (organization), '-' (I), 0 if none.
char pronoun(std::string_view word);

// `document`: "the statement", "the letter": whoever issued it speaks.
enum class mention_kind : uint8_t { none, name, role, pronoun, generic, document };

struct mention {
  mention_kind kind = mention_kind::none;
  span at;          // the whole mention as printed ("Chinese President Xi Jinping")
  span name;        // the proper-name part ("Xi Jinping"), empty for roles and pronouns
  span title;       // the title or role part ("Chinese President", "the spokeswoman")
  char gender = 0;  // 'm', 'f', 'p' (plural), 'o' (organization) or 0
  bool org = false;
  size_t b = 0, e = 0;  // token range [b, e) of the mention
};

// What the word lists say about a word, found with one hash probe: the
// parsers test bits instead of searching lists for every word they look at.
enum word_bit : uint32_t {
  w_verb = 1u << 0,  // a speech verb (its class in word_class::v)
  w_title = 1u << 1,
  w_org = 1u << 2,
  w_not_name = 1u << 3,
  w_pronoun = 1u << 4,
  w_determiner = 1u << 5,  // the a an his her its their our
  w_particle = 1u << 6,    // de van von bin al ...
  w_generic = 1u << 7,     // sources officials people ...
  w_adverb = 1u << 8,      // adverb_or_aux
  w_of = 1u << 9,
  w_the = 1u << 10,
  w_a = 1u << 11,
  w_that = 1u << 12,
  w_according = 1u << 13,
  w_to = 1u << 14,
  w_told = 1u << 15,  // told tells
  w_be = 1u << 16,    // was is were
  w_quoted = 1u << 17,
  w_as = 1u << 18,
  w_saying = 1u << 19,
  w_statement = 1u << 20,
  w_release = 1u << 21,
  w_written = 1u << 22,  // written joint
  w_news = 1u << 23,
  w_called = 1u << 24,
  w_for = 1u << 25,
  w_said = 1u << 26,      // said says
  w_place = 1u << 27,     // heads a place's name: street, bay, marathon
  w_and = 1u << 28,       // and &
  w_function = 1u << 29,  // in on at by with from into been being are be who which not no
  w_conj = 1u << 30,      // but and so yet then still
  w_known = 1u << 31,     // the classes are looked up (tokens look up lazily)
};

struct word_class {
  uint32_t bits = 0;
  verb v = verb::none;
  char title_gender = 0;  // 'm', 'f' or 0
  char pronoun = 0;       // as pronoun()
  bool business = false;  // an organisation word a company's name ends with ("Foods", "firm")
};

// The gender of token i of tk as a given name ('m', 'f' or 0): a probe of
// its own table, asked of a name's first word only.
struct tokens;
char given_gender(const tokens& tk, size_t i);

// The classes of a word (ASCII case-insensitive).
word_class classify(std::string_view word);
// The classes of token t of text s, with w_known (zero for numbers and
// punctuation).
word_class classify(std::string_view s, const text::token& t);

// Tokens of one stretch of text, with the text they index and the classes
// of their words, looked up on first use: most tokens are never asked.
struct tokens {
  std::string_view s;
  const text::token* t = nullptr;
  word_class* c = nullptr;
  size_t n = 0;
  const word_class& cls(size_t i) const {
    word_class& k = c[i];
    if (!(k.bits & w_known)) k = classify(s, t[i]);
    return k;
  }
  std::string_view word(size_t i) const { return s.substr(t[i].at.start, t[i].at.size()); }
  bool punct(size_t i, char ch) const {
    return t[i].is(text::tok_punct) && t[i].at.size() == 1 && s[t[i].at.start] == ch;
  }
  bool is_word(size_t i) const { return t[i].is(text::tok_word); }
  bool has(size_t i, uint32_t bits) const { return (cls(i).bits & bits) != 0; }
  bool is_word(size_t i, uint32_t bits) const { return is_word(i) && has(i, bits); }
  bool upper(size_t i) const { return t[i].is(text::tok_upper); }
};

// A reusable buffer of tokens with their classes.
struct token_buffer {
  std::vector<text::token> t;
  std::vector<word_class> c;
  // Appends the tokens of s[r] (their classes still unknown).
  void add(std::string_view s, span r);
  void clear() { t.clear(), c.clear(); }
  tokens view(std::string_view s, size_t from, size_t to) {
    return {s, t.data() + from, c.data() + from, to - from};
  }
  tokens all(std::string_view s) { return view(s, 0, t.size()); }
};

// 'e' for "elder", "eldest", "older", "oldest"; 'y' for "younger",
// "youngest"; else 0.
char generation_word(std::string_view w);

// The mention that starts at token i ("said Sen. Ann Lee" with i at "Sen").
mention mention_after(const tokens& tk, size_t i, size_t end);
// The mention that ends just before token `end` ("the Chinese president" said),
// looking no further back than `begin`; skips one appositive between commas
// and a parenthesis ("Jason Chaffetz (R-Utah) said").
mention mention_before(const tokens& tk, size_t begin, size_t end);

// Extends a role to whom it serves: "a spokesman for Greywater Utilities",
// "a spokesman for the education minister" (an organization or a role).
void with_whom(const tokens& tk, mention& role, size_t end);

// "trust's", "victim\u2019s": a possessor, not part of a role or a name.
bool possessive(std::string_view word);

// Words that may sit between a subject and its speech verb ("he also said").
bool adverb_or_aux(std::string_view word);

// Whether text[range] holds a speech-verb form: a cheap byte scan that lets
// the stages tokenize only the sentences that can report speech.
bool has_speech_verb(std::string_view text, span range);

// The index of the span of a sorted list that holds a position, searched
// from the previous answer: the stages ask in (nearly) text order.
class span_cursor {
 public:
  // `closed`: a span holds its end too (as text::paragraph_at); else as
  // text::sentence_at.
  span_cursor(const std::vector<span>& v, bool closed) : v_(v), closed_(closed) {}
  int at(uint32_t pos) {
    size_t n = v_.size(), k = k_;
    if (n == 0) return -1;
    if (v_[k].start <= pos) {
      for (int step = 0; step < 3 && k + 1 < n && v_[k + 1].start <= pos; ++step) ++k;
      if (k + 1 < n && v_[k + 1].start <= pos) k = last_from(pos);
    } else if (k > 0 && v_[k - 1].start <= pos) {
      --k;
    } else {
      k = last_from(pos);
      if (k == n) return -1;  // before the first span
    }
    k_ = k;
    return pos < v_[k].end || (closed_ && pos == v_[k].end) ? static_cast<int>(k) : -1;
  }

 private:
  const std::vector<span>& v_;
  bool closed_;
  size_t k_ = 0;
  // The last span starting at or before pos (v_.size() if none).
  size_t last_from(uint32_t pos) const;
};

}  // namespace quoteline::attribution
