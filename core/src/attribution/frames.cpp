#include "attribution/frames.h"

#include <algorithm>

#include "text/chars.h"

namespace quoteline::attribution {

namespace {

bool upper_word(const tokens& tk, size_t i) {
  return tk.upper(i);
}

bool word_is(const tokens& tk, size_t i, std::string_view w) {
  return tk.is_word(i) && text::iequals(tk.word(i), w);
}

// "a presentation released with the results", "the statement": a document
// whose issuer speaks (the sieves find who issued it).
mention document_at(const tokens& tk, size_t i, size_t end) {
  mention m;
  if (i + 1 >= end || !tk.is_word(i, w_determiner) || !tk.is_word(i + 1, w_statement | w_release))
    return m;
  m.kind = mention_kind::document;
  m.b = i, m.e = i + 2;
  m.at = {tk.t[i].at.start, tk.t[i + 1].at.end};
  return m;
}

// "according to X" with tk[i] at "according": X, or the document it cites.
act according(const tokens& tk, size_t i, size_t end) {
  act a;
  a.who = mention_after(tk, i + 2, end);
  if (a.who.kind == mention_kind::none) a.who = document_at(tk, i + 2, end);
  a.verb_at = i;
  a.kind = verb::attributes;
  a.cue = cue::according_to;
  return a;
}

// Where an act read from `begin` ends: past its mention and its verb.
size_t act_end(const act& a) {
  return std::max(a.who.e, a.verb_at + 1);
}

}  // namespace

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
  if (tk.has(i, w_according) && i + 1 < end && tk.has(i + 1, w_to)) return according(tk, i, end);
  verb v = tk.cls(i).v;
  if (i + 2 < end && tk.is_word(i, w_the) && tk.is_word(i + 1, w_statement | w_release) &&
      tk.is_word(i + 2) && tk.cls(i + 2).v != verb::none) {
    // ""...," the statement said."
    a.who = document_at(tk, i, end);
    a.verb_at = i + 2;
    a.kind = verb::attributes;
    a.cue = cue::statement;
    return a;
  }
  if (v != verb::none && !tk.has(i, w_told)) {
    size_t j = i + 1;
    while (j < end && tk.is_word(j, w_adverb)) ++j;
    a.who = mention_after(tk, j, end);
    with_whom(tk, a.who, end);
    // "said his son, Nikos Vlahos, who runs": the name of the role.
    if (a.who.kind == mention_kind::role && !a.who.org && a.who.e + 1 < end &&
        tk.punct(a.who.e, ',')) {
      mention n = mention_after(tk, a.who.e + 1, end);
      if (n.kind == mention_kind::name && !n.org &&
          (n.e >= end || tk.punct(n.e, ',') || tk.punct(n.e, '.'))) {
        n.title = a.who.at;
        if (!n.gender) n.gender = a.who.gender;
        a.who = n;
      }
    }
    a.verb_at = i;
    a.kind = v;
    return a;
  }
  mention m = mention_after(tk, i, end);
  if (m.kind == mention_kind::none) return a;
  with_whom(tk, m, end);
  size_t j = m.e;
  if (j < end && tk.punct(j, '(')) {
    size_t k = j;
    while (k < end && k < j + 8 && !tk.punct(k, ')')) ++k;
    if (k < end && tk.punct(k, ')')) j = k + 1;
  }
  if (j + 1 < end && tk.is_word(j, w_of)) {
    // "Mr. Morgan of the Sierra Club said"
    size_t k = j + 1;
    if (k < end && tk.is_word(k, w_determiner)) ++k;
    size_t b = k;
    while (k < end && tk.is_word(k) && upper_word(tk, k)) ++k;
    if (k > b) j = k;
  }
  for (int n = 0; n < 3 && j < end && tk.punct(j, ','); ++n) {
    // Appositives: "Smith, a spokesman for the campaign, said"; after a
    // role the appositive may be the name: "the club's captain, Tom Fischer, said";
    // two or three of them: "Scott Pruitt, the attorney general of
    // Oklahoma, one of the states suing the EPA, said".
    if (j + 1 < end && tk.is_word(j + 1) && tk.cls(j + 1).v != verb::none) break;
    size_t k = j + 1;
    while (k < end && k < j + 24 && !tk.punct(k, ',')) ++k;
    if (k >= end || !tk.punct(k, ',')) break;
    if (m.kind == mention_kind::role && n == 0) {
      mention name = mention_after(tk, j + 1, k);
      if (name.kind == mention_kind::name && name.e == k) m = name;
    }
    j = k;  // at the comma that closes it
  }
  if (j < end && tk.punct(j, ',')) ++j;
  size_t rest = j;
  while (rest < end && (tk.punct(rest, '.') || tk.punct(rest, ';'))) ++rest;
  if (rest >= end && dash) {
    a.who = m;  // a signature: "..." -- Jane Doe
    a.verb_at = m.b;
    a.kind = verb::attributes;
    return a;
  }
  while (j < end && tk.is_word(j, w_adverb)) ++j;
  if (j < end && tk.is_word(j, w_be)) {
    // "X was quoted as saying"
    if (j + 2 < end && tk.has(j + 1, w_quoted) && tk.has(j + 2, w_as)) {
      a.who = m;
      a.verb_at = j + 1;
      a.kind = verb::attributes;
      a.cue = cue::quoted_as_saying;
    }
    return a;
  }
  if (j >= end || !tk.is_word(j)) return a;
  v = tk.cls(j).v;
  if (v == verb::none) return a;
  if (tk.has(j, w_quoted)) {
    // "the ministry quoted Xi as saying": the quoted one is the speaker.
    mention y = mention_after(tk, j + 1, end);
    size_t k = y.e;
    if (y.kind != mention_kind::none && k + 1 < end && tk.has(k, w_as) && tk.has(k + 1, w_saying)) {
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
    if (tk.is_word(k + 1, w_statement | w_release) && tk.has(k, w_a | w_written | w_news))
      a.cue = cue::statement;
  return a;
}

namespace {

bool dash_at(const tokens& tk, size_t i) {
  if (tk.is_word(i)) return false;
  std::string_view p = tk.word(i);
  return p == "-" || p == "\xE2\x80\x94" || p == "\xE2\x80\x93";
}

bool conjunction(const tokens& tk, size_t i) {
  return tk.is_word(i, w_conj);
}

// The subject of the sentence tk[begin, i): its first name or pronoun,
// followed by a lowercase word (its verb) or, opening the sentence, by the
// comma of an appositive ("Councillor Gareth Pryce, leader of ..., welcomed").
mention sentence_subject(const tokens& tk, size_t begin, size_t i) {
  for (size_t k = begin; k < i; ++k) {
    // (pronouns are short: longer lowercase words are not looked up)
    if (!tk.is_word(k) || !(upper_word(tk, k) || (tk.t[k].at.size() <= 4 && tk.cls(k).pronoun)))
      continue;
    mention m = mention_after(tk, k, i);
    if (m.kind != mention_kind::name && m.kind != mention_kind::pronoun) continue;
    // (after "The", or a conjunction: "But Achterberg, 38, appeared")
    bool opens =
        k == begin || (k == begin + 1 && (tk.has(begin, w_determiner) || conjunction(tk, begin)));
    // A pronoun is the subject only where the sentence starts; later it
    // belongs to a clause ("A cashier, who said she had not been ...").
    if (m.kind == mention_kind::pronoun && !opens) return {};
    // A name stands as the subject where the sentence starts or after the
    // comma of an opening phrase ("Outside the court, Mr. Whitaker"); else
    // it is inside a phrase ("With Democratic leaders worried, ...").
    size_t at = m.b > begin && tk.is_word(m.b - 1, w_determiner) ? m.b - 1 : m.b;
    // (or after a dash: "09:22 BST — Reader Moira Lindqvist has sent us")
    bool placed = opens || (at > begin && (tk.punct(at - 1, ',') || dash_at(tk, at - 1)));
    if (placed && m.e < i &&
        ((tk.is_word(m.e) && !upper_word(tk, m.e)) || (opens && tk.punct(m.e, ','))))
      return m;
    k = m.e > k ? m.e - 1 : k;
  }
  return {};
}

// "quoted the school's caretaker, Bill Harrow, as saying": the quoted one,
// the name of an appositive when there is one (tk[q] is "quoted").
mention quoted_one(const tokens& tk, size_t q, size_t as) {
  if (q + 1 >= as) return {};
  mention y = mention_after(tk, q + 1, as);
  if (y.kind == mention_kind::none) return {};
  if (y.e < as && tk.punct(y.e, ',')) {
    mention n = mention_after(tk, y.e + 1, as);
    if (n.kind == mention_kind::name && !n.org && n.e < as && tk.punct(n.e, ',')) return n;
  }
  return y.e == as || (y.e + 1 == as && tk.punct(y.e, ',')) ? y : mention{};
}

// "dismissed reports of", "the claims that": a verb form ending in s after
// a word that cannot be its subject is a plural noun.
bool plural_noun(const tokens& tk, size_t begin, size_t i) {
  std::string_view w = tk.word(i);
  if (w.size() < 4 || w.back() != 's' || i == begin || !tk.is_word(i - 1)) return false;
  if (tk.has(i, w_said)) return false;  // "says" is never a noun
  // "Reyes says", "she says", "the businessman says": a possible subject.
  if (tk.upper(i - 1) || tk.cls(i - 1).pronoun || tk.has(i - 1, w_title | w_org | w_generic))
    return false;
  return !tk.has(i - 1, w_adverb) || tk.has(i - 1, w_determiner);
}

}  // namespace

act act_before(const tokens& tk, size_t begin, size_t end, bool partial) {
  act a;
  if (end <= begin) return a;
  size_t j = end;
  bool colon = false;
  while (j > begin && !tk.is_word(j - 1)) {
    if (tk.punct(j - 1, ':')) colon = true;
    --j;
  }
  // The verb must be near the mark: "X said (on Monday) (that)", "X told
  // Y:"; a partial quote may sit further into the reported clause ("X
  // boasted that his oven, which ..., was "..."").
  size_t reach = partial ? 16 : 10;
  int commas = partial ? 2 : 0;
  for (size_t v = j; v > begin && v + reach > j; --v) {
    size_t i = v - 1;
    if (!tk.is_word(i)) {
      if (tk.punct(i, ',') && i + 1 < j && commas-- <= 0) break;
      continue;
    }
    if (tk.has(i, w_according) && i + 1 < j && tk.has(i + 1, w_to)) return according(tk, i, j);
    verb vk = tk.cls(i).v;
    if (vk == verb::none || plural_noun(tk, begin, i)) continue;
    std::string_view w = tk.word(i);
    bool ing = w.size() > 4 && w.substr(w.size() - 3) == "ing";
    size_t before = i;
    while (before > begin && tk.is_word(before - 1, w_adverb | w_be)) --before;
    // ", calling it": the sentence's subject speaks, not the noun before
    // the comma ("Pryce ... welcomed the announcement, calling it").
    if (ing && before > begin && tk.punct(before - 1, ',')) a.who = sentence_subject(tk, begin, i);
    if (a.who.kind == mention_kind::none) a.who = mention_before(tk, begin, i);
    if (a.who.kind == mention_kind::none && before > begin &&
        text::iequals(tk.word(before - 1), "who"))
      a.who = mention_before(tk, begin, before - 1);  // "Samir Haddad, who joked that"
    if (a.who.kind == mention_kind::none) {
      bool joined =
          before > begin && tk.is_word(before - 1) &&
          (text::iequals(tk.word(before - 1), "but") || text::iequals(tk.word(before - 1), "and") ||
           text::iequals(tk.word(before - 1), "to"));
      if (ing || joined || partial)
        a.who = sentence_subject(tk, begin, i);  // "Whitaker declined ... but said"
      else if (i + 1 < j)
        a.who = mention_after(tk, i + 1, j);  // "Said Ellis:"
      if (a.who.kind == mention_kind::none) return a;
    }
    a.verb_at = i;
    a.kind = vk;
    a.cue = colon ? cue::colon : cue::explicit_verb;
    // "Ms. Feldstein said the company had informed them "..."": a partial
    // inside a reported clause is the reporter's words.
    if (partial && a.who.kind != mention_kind::name) {
      for (size_t k = i; k-- > begin;) {
        if (!tk.is_word(k) || tk.cls(k).v != verb::reports || plural_noun(tk, begin, k)) continue;
        mention outer = mention_before(tk, begin, k);
        if (outer.kind == mention_kind::name || outer.kind == mention_kind::pronoun) {
          a.who = outer;
          a.verb_at = k;
          a.kind = verb::reports;
        }
        break;
      }
    }
    if (tk.has(i, w_saying) && i > begin && tk.has(i - 1, w_as)) {
      // "X was quoted (by Y) as saying:"; "the paper quoted Y as saying":
      for (size_t k = begin; k + 1 < i; ++k) {
        if (!tk.is_word(k, w_quoted)) continue;
        a.cue = cue::quoted_as_saying;
        if (k > begin && tk.is_word(k - 1, w_be)) break;
        mention y = quoted_one(tk, k, i - 1);
        if (y.kind == mention_kind::none) return {};
        a.who = y;
        break;
      }
    }
    for (size_t k = i + 1; k + 1 < j; ++k)
      if (tk.has(k + 1, w_statement) && tk.has(k, w_a | w_written)) a.cue = cue::statement;
    return a;
  }
  // A colon after a sentence whose subject is named, with no speech verb:
  // "Janelle Whitfield read from a handwritten statement:".
  if (colon) {
    a.who = sentence_subject(tk, begin, j);
    if (a.who.kind == mention_kind::name) {
      a.verb_at = j - 1;
      a.kind = verb::attributes;
      a.cue = cue::colon;
      return a;
    }
    a.who = {};
  }
  return a;
}

act act_closing(const tokens& tk, size_t begin, size_t end) {
  size_t stop = end;
  while (stop > begin && !tk.is_word(stop - 1)) --stop;  // the sentence end
  if (stop == begin || stop - begin > 40) return {};
  for (size_t k = stop; k-- > begin;) {
    if (!tk.punct(k, ',')) continue;
    if (k == begin) return {};
    act a = act_after(tk, k, stop);
    if (!a.found() || act_end(a) != stop) return {};
    if (a.who.kind == mention_kind::generic) return {};
    return a;
  }
  return {};
}

act act_passive(const tokens& lead, const tokens& tail) {
  size_t i = 0;
  while (i < tail.n && !tail.is_word(i) && i < 2) ++i;
  if (i + 1 >= tail.n || !word_is(tail, i, "by")) return {};
  // The passive verb: a form of be within the three words before the
  // speech verb nearest the quote ("was described as", "has been called").
  bool passive = false;
  for (size_t v = lead.n; v > 0 && v + 6 > lead.n && !passive; --v) {
    size_t k = v - 1;
    if (!lead.is_word(k) || lead.cls(k).v == verb::none) continue;
    for (size_t b = k; b > 0 && b + 3 > k; --b)
      if (lead.is_word(b - 1, w_be) || word_is(lead, b - 1, "been")) passive = true;
    break;
  }
  if (!passive) return {};
  act a;
  a.who = mention_after(tail, i + 1, tail.n);
  if (a.who.kind == mention_kind::pronoun || a.who.kind == mention_kind::generic) return {};
  a.verb_at = i;
  a.kind = verb::attributes;
  return a;
}

mention statement_issuer(const tokens& tk) {
  size_t at = tk.n;
  for (size_t k = tk.n; k > 1; --k)
    if (tk.is_word(k - 1, w_statement | w_release) && tk.is_word(k - 2, w_a)) {
      at = k - 2;
      break;
    }
  if (at == tk.n) return {};
  size_t from = at;
  while (from > 0 &&
         !(tk.punct(from - 1, '.') || tk.punct(from - 1, '!') || tk.punct(from - 1, '?')))
    --from;
  for (size_t k = from; k < at; ++k) {
    if (!tk.is_word(k) || !(upper_word(tk, k) || tk.has(k, w_determiner))) continue;
    mention m = mention_after(tk, k, at);
    if (m.kind == mention_kind::name || (m.kind == mention_kind::role && m.org)) return m;
    if (m.kind != mention_kind::none) return {};  // a person's role, a pronoun: no issuer here
  }
  return {};
}

}  // namespace quoteline::attribution
