// The sieves: each resolves the quotes still unresolved to an entity of the
// cast and records its cue, most precise first (the order is context::run's,
// attribution.cpp): interview turns, names, roles (back, then a paragraph or
// two forward), documents, pronouns, organizations, then the paragraph
// conventions; given names join full names last.
#include <algorithm>

#include "attribution/context.h"
#include "attribution/entities.h"
#include "text/chars.h"

namespace quoteline::attribution::detail {

// Where the role words of a role phrase start: articles, possessives and
// possessors are not part of the role ("its chief executive", "the trust's
// chair").
size_t role_start(const phrase& w) {
  size_t from = 0;
  while (from < w.n && (classify(w.w[from]).bits & w_determiner || possessive(w.w[from]))) ++from;
  return from;
}

// Whether every word w[from..] is a word of a role the entity holds.
bool context::holds_role(const entity& e, const phrase& w, size_t from) const {
  for (size_t i = from; i < w.n; ++i)
    if (!any_role_word(e, [&](std::string_view y) { return iequals(y, w.w[i]); })) return false;
  return true;
}

// "the Chinese president": the latest entity whose title holds every word.
int context::find_role(const mention& m, uint32_t pos, bool whole) const {
  phrase w(view(m.at));
  // "a spokeswoman" is someone new, not the spokeswoman met before.
  if (w.n && (iequals(w.w[0], "a") || iequals(w.w[0], "an") || iequals(w.w[0], "one") ||
              iequals(w.w[0], "another")))
    return -1;
  size_t from = role_start(w);
  if (from >= w.n) return -1;
  int head_only = -1;
  walk back = back_from(pos);
  mention_at h;
  for (size_t n = 0; n < 400 && back.next(h); ++n) {
    const entity& e = ents_[static_cast<size_t>(h.entity)];
    if (e.role.empty() || e.kind != speaker_kind::person) continue;
    if (holds_role(e, w, from)) return h.entity;
    if (head_only < 0 && holds_role(e, w, w.n - 1)) head_only = h.entity;
  }
  return whole ? -1 : head_only;
}

// Whether a sentence opens with a subordinate clause ("When ...,", "As ...,").
bool subordinate(std::string_view open) {
  size_t sp = open.find(' ');
  std::string_view w = open.substr(0, sp);
  for (std::string_view c : {"When", "After", "As", "While", "Before", "Although", "Though", "If",
                             "Because", "Since", "Once", "Until", "Asked"})
    if (w == c) return true;
  return false;
}

// The person (or organization, for "it"/"they") a pronoun at pos refers to:
// the compatible entities of the nearest sentence before it that has any.
// One is the answer; of several, the last speaker, else the only one whose
// gender the text shows, else the sentence's subject (the first, opening
// it: "Anders Bakke, who leads the group Havvakt, said"); else no one.
int context::find_pronoun(char g, uint32_t pos, int last_speaker, bool& ambiguous,
                          int depth) const {
  ambiguous = false;
  bool want_org = g == 'o' || g == 'p';
  constexpr size_t kMax = 8;
  int cand[kMax];
  uint32_t first[kMax];
  size_t n = 0;
  int sentence = -2;
  walk back = back_from(pos);
  for (mention_at h; back.next(h);) {
    if (pos - h.pos > 2500) break;
    const entity& e = ents_[static_cast<size_t>(h.entity)];
    if (want_org != (e.kind == speaker_kind::organization)) continue;
    if ((g == 'm' || g == 'f') && e.gender && e.gender != g) continue;
    if ((g == 'm' || g == 'f') && !person_like(e)) continue;
    int sent = text::sentence_at(d_, h.pos);
    if (n && sent != sentence) break;
    sentence = sent;
    size_t k = 0;
    while (k < n && cand[k] != h.entity) ++k;
    if (k < n) {
      first[k] = h.pos;  // walking back: an earlier mention
    } else if (n < kMax) {
      cand[n] = h.entity, first[n] = h.pos, ++n;
    }
  }
  if (n == 0) return -1;
  std::string_view s = d_.text;
  uint32_t from = sentence >= 0 ? d_.sentences[static_cast<size_t>(sentence)].start : 0;
  bool subject_seen = false;
  for (size_t k = 0; k < n; ++k) subject_seen = subject_seen || first[k] < from + 4;
  // "He admitted he had not watched Fry's saves. "...," he said.": that
  // sentence's subject is the same pronoun, so its names are objects; the
  // chain goes on from before it.
  if ((g == 'm' || g == 'f') && !subject_seen && depth < 3 && sentence >= 0) {
    std::string_view open = s.substr(from, 4);
    if ((g == 'm' && (open.substr(0, 3) == "He " || open.substr(0, 3) == "He\xE2")) ||
        (g == 'f' && (open == "She " || open == "She\xE2")))
      return find_pronoun(g, from, last_speaker, ambiguous, depth + 1);
  }
  if (n == 1) return cand[0];
  // "When Mr. Levin asked ..., Mr. Whitaker rose to object.": the subject
  // of the main clause, after the opening clause's comma.
  if (sentence >= 0 && subordinate(s.substr(from, 8))) {
    size_t comma = s.find(',', from);
    int main_subject = -1;
    uint32_t best = UINT32_MAX;
    for (size_t k = 0; k < n; ++k)
      if (comma != std::string_view::npos && first[k] > comma && first[k] < comma + 24 &&
          first[k] < best)
        best = first[k], main_subject = cand[k];
    if (main_subject >= 0) return main_subject;
  }
  for (size_t k = 0; k < n; ++k)
    if (cand[k] == last_speaker) return cand[k];
  if (g == 'm' || g == 'f') {
    int known = -1, count = 0;
    for (size_t k = 0; k < n; ++k)
      if (ents_[static_cast<size_t>(cand[k])].gender == g) known = cand[k], ++count;
    if (count == 1) return known;
  }
  size_t subject = 0;
  for (size_t k = 1; k < n; ++k)
    if (first[k] < first[subject]) subject = k;
  if (sentence >= 0 && first[subject] < d_.sentences[static_cast<size_t>(sentence)].start + 48)
    return cand[subject];
  ambiguous = true;
  return -1;
}

// A speaker known only by a role: named by the phrase without its article.
int context::role_entity(const mention& m) {
  std::string_view t = view(m.at);
  size_t sp = t.find(' ');
  std::string_view first = t.substr(0, sp);
  if (sp != std::string_view::npos &&
      (iequals(first, "the") || iequals(first, "a") || iequals(first, "an")))
    t = t.substr(sp + 1);
  int known = named(t, false);
  if (known >= 0) return known;
  entity e;
  set_name(e, t);
  set_role(e, t);
  e.kind = m.org ? speaker_kind::organization : speaker_kind::unknown;
  e.gender = m.gender == 'm' || m.gender == 'f' ? m.gender : 0;
  return add_entity(std::move(e));
}

int context::find_org(const mention& m, uint32_t pos) {
  phrase w(view(m.at));
  std::string_view head = w.n ? w.w[w.n - 1] : std::string_view();
  word_class head_class = classify(head);
  walk back = back_from(pos);
  mention_at h;
  int latest = -1;  // the nearest organization named before, if near
  for (size_t n = 0; n < 400 && back.next(h); ++n) {
    const entity& e = ents_[static_cast<size_t>(h.entity)];
    if (e.kind != speaker_kind::organization || !e.n_words) continue;
    for (uint32_t x = 0; x < e.n_words; ++x)
      if (iequals(pool_[e.words + x], head)) return h.entity;
    // The words that say what it is: "Ohio River Watch, an environmental
    // group," and "the Whitlock administration" are not "the company".
    bool business = false, other = false;
    auto kind_of = [&](std::string_view x) {
      word_class c = classify(x);
      business = business || c.business;
      other = other || ((c.bits & w_org) && !c.business);
      return iequals(x, head);
    };
    if (any_role_word(e, kind_of)) return h.entity;
    for (uint32_t x = 0; x < e.n_words; ++x) kind_of(pool_[e.words + x]);
    bool fits = business == head_class.business || (!business && !other);
    if (latest < 0 && fits && pos - h.pos < 4000) latest = h.entity;
  }
  // "the company said" after "Meridian Straits Logistics ...": the
  // organization the story is about at that point.
  if (latest >= 0 && w.n == 2 && iequals(w.w[0], "the")) return latest;
  // An organization named only by its role: "the ministry".
  std::string_view t = view(m.at);
  size_t sp = t.find(' ');
  std::string_view name = sp == std::string_view::npos ? t : t.substr(sp + 1);
  int known = named(name, false);
  if (known >= 0) return known;
  entity e;
  set_name(e, name);
  e.kind = speaker_kind::organization;
  return add_entity(std::move(e));
}

// Who asks and who answers in a Q:/A: layout, from the introduction before
// the first turn: the asker is the person introduced as the reporter, host
// or interviewer; the answerer the first other person the text shows as one.
void context::read_interview_cast(uint32_t first_turn, int& asker, int& answerer) const {
  asker = answerer = -1;
  std::vector<int> order;
  walk back = back_from(first_turn);
  for (mention_at h; back.next(h);) order.push_back(h.entity);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    const entity& e = ents_[static_cast<size_t>(*it)];
    if (e.kind == speaker_kind::organization || !person_like(e)) continue;
    bool asks = any_role_word(e, [](std::string_view x) {
      for (std::string_view w : {"reporter", "correspondent", "interviewer", "host", "presenter",
                                 "editor", "journalist", "writer"})
        if (iequals(x, w)) return true;
      return false;
    });
    if (asks && asker < 0) asker = *it;
    if (!asks && answerer < 0) answerer = *it;
  }
}

void context::sieve_interview() {
  std::string_view s = d_.text;
  uint32_t first_turn = UINT32_MAX;
  int asker = -1, answerer = -1;
  bool cast_read = false;
  for (size_t i = 0; i < q_.size(); ++i) {
    if (info_[i].resolved || info_[i].paragraph < 0) continue;
    span p = d_.paragraphs[static_cast<size_t>(info_[i].paragraph)];
    // The label sits between the paragraph start (and an opening mark) and the content.
    size_t b = p.start;
    if (b < q_[i].at.start && s[b] == '"') ++b;
    size_t e = q_[i].at.start;
    while (e > b && s[e - 1] == ' ') --e;
    if (e <= b || s[e - 1] != ':' || e - b > 40) continue;
    std::string_view label = s.substr(b, e - 1 - b);
    bool caps = true;
    for (char c : label) caps = caps && !(c >= 'a' && c <= 'z');
    if (!caps || label.empty()) continue;
    if (first_turn == UINT32_MAX) first_turn = p.start;
    if (label == "Q" || label == "A") {
      if (!cast_read) read_interview_cast(first_turn, asker, answerer), cast_read = true;
      int who = label == "Q" ? asker : answerer;
      if (who >= 0)
        assign(i, who, cue::interview, {});
      else
        info_[i].blocked = true;  // unnamed: no guessing
      continue;
    }
    // "WALLACE" is the Chris Wallace met before, or a new "Wallace".
    std::string name;
    bool up = true;
    for (char c : label) {
      name += up ? c : (c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
      up = c == ' ' || c == '-';
    }
    int found = -1;
    if (label != "A") {
      found = named(name, true);
      if (found < 0) {
        entity en;
        owned_.push_front(std::move(name));
        set_name(en, owned_.front());
        found = add_entity(std::move(en));
      }
    }
    if (found >= 0)
      assign(i, found, cue::interview, {static_cast<uint32_t>(b), static_cast<uint32_t>(e - 1)});
  }
}

void context::sieve_named() {
  for (size_t i = 0; i < q_.size(); ++i) {
    local& l = info_[i];
    if (l.resolved || l.a.who.kind != mention_kind::name) continue;
    int e = entity_at(l.a.who);
    if (e < 0 && lone_opener(l.a.who)) continue;  // "Outside, ..." is no one
    if (e < 0 && generation(l.a.who.at.start)) {  // an elder no one can tell: no one
      l.resolved = true;
      continue;
    }
    if (e < 0) e = add_name(l.a.who);
    assign(i, e, l.a.cue, l.a.who.at);
  }
}

// "the statement said": the speaker of the latest statement before it in
// the story, within two paragraphs, else the organization named just before.
void context::sieve_document() {
  int issuer = -1, issuer_paragraph = -1;
  for (size_t i = 0; i < q_.size(); ++i) {
    local& l = info_[i];
    if (q_[i].speaker >= 0 && q_[i].cue == cue::statement && l.a.who.kind != mention_kind::document)
      issuer = q_[i].speaker, issuer_paragraph = l.paragraph;
    if (l.resolved || l.a.who.kind != mention_kind::document) continue;
    int e = issuer >= 0 && l.paragraph - issuer_paragraph <= 2 ? issuer : -1;
    if (e < 0 && l.paragraph >= 0) {
      // "The company said in a statement that ...", earlier in the paragraph.
      uint32_t from = d_.paragraphs[static_cast<size_t>(l.paragraph)].start;
      tokens t = window({from, l.open}, spare_[2]);
      mention m = statement_issuer(t);
      if (m.kind == mention_kind::name) e = entity_at(m);
      if (m.kind == mention_kind::role) e = find_org(m, m.at.start);
    }
    if (e < 0) {
      walk back = back_from(l.a.who.at.start);
      mention_at h;
      for (size_t n = 0; n < 40 && back.next(h); ++n) {
        if (l.a.who.at.start - h.pos > 1500) break;
        if (ents_[static_cast<size_t>(h.entity)].kind == speaker_kind::organization) {
          e = h.entity;
          break;
        }
      }
    }
    if (e >= 0) assign(i, e, cue::statement, {});
  }
}

// A role whose holder the story names just after it ("Its chief executive
// called the line "..."" ... "chief executive Naomi Feldstein said"): the
// first entity within the next three paragraphs holding every word of it.
int context::find_role_ahead(const mention& m, uint32_t pos) const {
  phrase w(view(m.at));
  size_t from = role_start(w);
  if (from >= w.n || iequals(w.w[0], "a") || iequals(w.w[0], "an")) return -1;
  auto it = std::upper_bound(history_.begin(), history_.end(), pos,
                             [](uint32_t p, const mention_at& x) { return p < x.pos; });
  int p0 = text::paragraph_at(d_, pos);
  for (; it != history_.end() && it->pos < pos + 2500; ++it) {
    if (text::paragraph_at(d_, it->pos) > p0 + 3) break;
    const entity& e = ents_[static_cast<size_t>(it->entity)];
    if (e.kind != speaker_kind::person || e.role.empty()) continue;
    if (holds_role(e, w, from)) return it->entity;
  }
  return -1;
}

void context::sieve_role() {
  for (size_t i = 0; i < q_.size(); ++i) {
    local& l = info_[i];
    if (l.resolved || l.a.who.kind != mention_kind::role || l.a.who.org) continue;
    int e = find_role(l.a.who, l.a.who.at.start);
    if (e < 0) e = find_role_ahead(l.a.who, l.a.who.at.end);
    if (e < 0) e = role_entity(l.a.who);  // an unnamed "spokeswoman": herself
    assign(i, e, cue::role, l.a.who.at);
  }
}

void context::sieve_pronoun() {
  int last = -1;  // the latest speaker before quote i
  for (size_t i = 0; i < q_.size(); last = q_[i].speaker >= 0 ? q_[i].speaker : last, ++i) {
    local& l = info_[i];
    if (l.resolved || l.a.who.kind != mention_kind::pronoun) continue;
    char g = l.a.who.gender;
    if (g == 'o' || g == 'p') continue;  // organizations have their sieve
    bool ambiguous = false;
    int e = find_pronoun(g, l.a.who.at.start, last, ambiguous);
    if (ambiguous) l.blocked = true;  // two candidates: leave it rather than guess
    if (e >= 0) {
      entity& en = ents_[static_cast<size_t>(e)];
      if (!en.gender) en.gender = g;
      assign(i, e, cue::pronoun, l.a.who.at);
    }
  }
}

void context::sieve_organization() {
  int last = -1;
  for (size_t i = 0; i < q_.size(); last = q_[i].speaker >= 0 ? q_[i].speaker : last, ++i) {
    local& l = info_[i];
    if (l.resolved) continue;
    const mention& m = l.a.who;
    if (m.kind == mention_kind::role && m.org) {
      int e = find_org(m, m.at.start);
      assign(i, e, l.a.cue == cue::statement ? cue::statement : cue::role, m.at);
    } else if (m.kind == mention_kind::pronoun && (m.gender == 'o' || m.gender == 'p')) {
      bool ambiguous = false;
      int e = find_pronoun('o', m.at.start, last, ambiguous);
      if (e >= 0) assign(i, e, cue::pronoun, m.at);
    }
  }
}

// A quote with no act of its own after an attributed one in its paragraph:
// "...," Smith said. "More words."
void context::sieve_same_paragraph() {
  for (size_t i = 1; i < q_.size(); ++i) {
    local& l = info_[i];
    if (l.resolved || l.blocked || l.a.found() || q_[i].kind == quote_kind::indirect) continue;
    const local& p = info_[i - 1];
    if (p.paragraph != l.paragraph || q_[i - 1].speaker < 0) continue;
    assign(i, q_[i - 1].speaker, cue::previous, {});
  }
}

// A paragraph that is only a quote continues the previous paragraph's speaker.
void context::sieve_previous_paragraph() {
  for (size_t i = 1; i < q_.size(); ++i) {
    local& l = info_[i];
    if (l.resolved || l.blocked || l.a.found() || q_[i].kind == quote_kind::indirect ||
        l.paragraph < 1)
      continue;
    span p = d_.paragraphs[static_cast<size_t>(l.paragraph)];
    if (l.open > p.start + 1) continue;  // the quote must open the paragraph
    // The previous paragraph must end with an attributed quote of its own.
    size_t k = i;
    if (info_[k - 1].paragraph == l.paragraph) continue;  // not the paragraph's first
    if (k == 0 || info_[k - 1].paragraph != l.paragraph - 1 || q_[k - 1].speaker < 0) continue;
    if (q_[k - 1].kind == quote_kind::indirect) continue;
    assign(i, q_[k - 1].speaker, cue::previous, {});
  }
}

// The parts of one utterance (split or multi-paragraph) share a speaker.
void context::share_utterances() {
  std::vector<int> first(q_.size() + 2, -1);  // utterance -> a resolved part
  for (size_t i = 0; i < q_.size(); ++i) {
    size_t u = static_cast<size_t>(q_[i].utterance);
    if (q_[i].speaker >= 0 && u < first.size() && first[u] < 0) first[u] = static_cast<int>(i);
  }
  for (size_t i = 0; i < q_.size(); ++i) {
    size_t u = static_cast<size_t>(q_[i].utterance);
    if (q_[i].speaker >= 0 || u >= first.size() || first[u] < 0) continue;
    const quote& from = q_[static_cast<size_t>(first[u])];
    q_[i].speaker = from.speaker;
    q_[i].cue = from.cue;
    info_[i].resolved = true;
  }
}

// A person the article calls by a given name alone ("Marisol, 38, said")
// is the one person whose fuller name starts with it, unless another
// entity has that word as its surname: their quotes and names join.
void context::merge_given_names() {
  std::vector<int>& into_of = cands_;  // entity -> the one it joins, or -1
  into_of.assign(ents_.size(), -1);
  bool any = false;
  for (size_t k = 0; k < ents_.size(); ++k) {
    entity& one = ents_[k];
    if (one.kind != speaker_kind::person || one.n_words != 1) continue;
    std::string_view w = pool_[one.words];
    int into = -1, hits = 0;
    index_.each(w, [&](int id) {
      const entity& e = ents_[static_cast<size_t>(id)];
      if (static_cast<size_t>(id) == k || e.kind == speaker_kind::organization) return;
      if (e.n_words >= 2 && last_word(e) == w) hits += 2;  // a surname: say nothing
      if (e.n_words >= 2 && e.n_words <= 3 && first_word(e) == w && into != id) into = id, ++hits;
    });
    if (hits != 1 || into < 0) continue;
    into_of[k] = into, any = true;
    for (int a = one.first_alias; a >= 0; a = aliases_[static_cast<size_t>(a)].next)
      add_alias(into, aliases_[static_cast<size_t>(a)].text);
    entity& full = ents_[static_cast<size_t>(into)];
    if (full.role.empty() && !one.role.empty()) full.role = one.role;
    if (!full.gender) full.gender = one.gender;
  }
  if (!any) return;
  for (quote& q : q_)
    if (q.speaker >= 0 && into_of[static_cast<size_t>(q.speaker)] >= 0)
      q.speaker = into_of[static_cast<size_t>(q.speaker)];
}

}  // namespace quoteline::attribution::detail
