// Attribution as ordered sieves (most precise first). Each quote first gets
// its local speech act: the mention next to a speech verb in the writer's
// words around it. Sieves then resolve quotes to entities, each touching only
// the quotes still unresolved and recording its cue:
//   interview -> named -> role -> document -> pronoun -> organization
//   -> same paragraph -> previous paragraph, then given names join full ones.
// Entities come from the cast, read before any sieve from the paragraphs that
// lead up to the quotes (entities.h); they merge by name ("Xi" is "Chinese
// President Xi Jinping") and carry their roles, so a role ("the Chinese
// president") finds its person. The frames each quote's act comes from are
// in frames.h; this file reads the cast and the acts and runs the sieves,
// which live in sieves.cpp over the shared state of context.h.
#include "attribution/attribution.h"

#include <algorithm>
#include <iterator>

#include "attribution/context.h"
#include "attribution/entities.h"
#include "text/chars.h"
#include "text/utf8.h"

namespace quoteline::attribution {

namespace detail {

namespace {

std::string slug(std::string_view name) {
  std::string out;
  bool dash = false;
  for (unsigned char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      out += static_cast<char>(c);
      dash = false;
    } else if (c >= 'A' && c <= 'Z') {
      out += static_cast<char>(c + 32);
      dash = false;
    } else if (!dash && !out.empty()) {
      out += '-';
      dash = true;
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

}  // namespace

// The quote's opening mark (or its own start for indirect speech and turns).
uint32_t opening(std::string_view s, const quote& q, uint32_t para_start) {
  size_t k = q.at.start;
  uint32_t c = text::prev_visible(s, k, para_start);
  if (is_mark(c)) return static_cast<uint32_t>(k);
  if (c == ':') {
    // an interview label inside the marks: "WALLACE: ..."
    size_t b = k;
    while (b > para_start && s[b - 1] != '"' && s[b - 1] != ' ' && (b + 40 > k)) --b;
    if (b > para_start && (s[b - 1] == '"' || s[b - 1] == ' ')) {
      size_t m = b - 1;
      if (m >= para_start && s[m] == '"') return static_cast<uint32_t>(m);
    }
  }
  return q.at.start;
}

uint32_t closing_end(std::string_view s, const quote& q, uint32_t para_end) {
  size_t i = q.at.end;
  while (i < para_end) {
    size_t k = i;
    uint32_t c = text::next_cp(s, k);
    if (text::is_space(c)) {
      i = k;
      continue;
    }
    if (is_mark(c)) return static_cast<uint32_t>(k);
    break;
  }
  return q.at.end;
}

// Reads the names of a paragraph in the writer's words (outside quotes).
void context::read_paragraph(size_t pi, size_t& qi) {
  span p = d_.paragraphs[pi];
  uint32_t at = p.start;
  while (qi < q_.size() && q_[qi].at.end <= p.start) ++qi;
  for (size_t k = qi; k <= q_.size(); ++k) {
    bool inside = k < q_.size() && q_[k].at.start < p.end;
    // Reported speech is the writer's words: read on to the next marks.
    if (inside && q_[k].kind == quote_kind::indirect) continue;
    bool marks = inside;
    uint32_t end = marks ? std::max(at, q_[k].at.start) : p.end;
    if (end > at) {
      size_t from = words_.t.size();
      words_.add(d_.text, {at, end});
      size_t to = words_.t.size();
      segs_.push_back({{at, end}, static_cast<uint32_t>(from), static_cast<uint32_t>(to)});
      read_names(words_.view(d_.text, from, to), p.start);
    }
    if (!marks) break;
    at = std::max(at, std::min(q_[k].at.end, p.end));
  }
}

void context::prepare() {
  std::string_view s = d_.text;
  // The cast first, in text order, so a pronoun or a role far from its
  // first mention still finds it. An article without quotes has no one to
  // attribute. Only the paragraphs that lead up to a quote, within kReach:
  // the sieves look back from quotes (a role a paragraph or two forward),
  // and no further than a few
  // paragraphs for a pronoun.
  span_cursor paras(d_.paragraphs, true), sents(d_.sentences, false);
  constexpr size_t kReach = 2;
  std::vector<char>& scan = scan_;  // kept per thread with the other buffers
  scan.assign(d_.paragraphs.size(), 0);
  for (const quote& q : q_) {
    int pi = paras.at(q.at.start);
    if (pi < 0 || scan[static_cast<size_t>(pi)]) continue;
    for (size_t k = static_cast<size_t>(pi) + 1; k-- > 0 && !scan[k];)
      if (static_cast<size_t>(pi) - k <= kReach)
        scan[k] = 1;
      else
        break;
  }
  for (size_t pi = 0, qi = 0; pi < scan.size(); ++pi)
    if (scan[pi]) read_paragraph(pi, qi);
  for (size_t i = 0; i < q_.size(); ++i) {
    const quote& q = q_[i];
    local& l = info_[i];
    l.paragraph = paras.at(q.at.start);
    if (l.paragraph < 0) continue;
    span p = d_.paragraphs[static_cast<size_t>(l.paragraph)];
    uint32_t open = q.kind == quote_kind::indirect ? q.at.start : opening(s, q, p.start);
    uint32_t close = q.kind == quote_kind::indirect ? q.at.end : closing_end(s, q, p.end);
    l.open = open;
    int si = sents.at(open);
    uint32_t lead = si >= 0 ? d_.sentences[static_cast<size_t>(si)].start : p.start;
    if (i > 0 && q_[i - 1].at.end <= open && q_[i - 1].at.end > lead &&
        q_[i - 1].kind != quote_kind::indirect)
      lead = closing_end(s, q_[i - 1], p.end);
    // The attribution may follow in what the splitter calls the next
    // sentence: "Why?" Graham asked.
    uint32_t np = close;
    while (np < p.end && s[np] == ' ') ++np;
    int se = sents.at(np < p.end ? np : (close > p.start ? close - 1 : close));
    uint32_t tail = se >= 0 ? d_.sentences[static_cast<size_t>(se)].end : p.end;
    // A quote that ends its sentence ("... ," he said. or ...") may carry
    // its attribution in the next sentence only when nothing else follows.
    if (i + 1 < q_.size() && q_[i + 1].at.start < tail && q_[i + 1].at.start >= close)
      tail = opening(s, q_[i + 1], p.start);
    l.lead = {lead, std::max(lead, open)};
    l.tail = {close, std::max(close, tail)};
    if (q.kind == quote_kind::indirect && q.mention.size() > 0) {
      // The quote stage saw the act; read the mention again where it stands.
      int sj = sents.at(q.mention.start);
      span sent = sj >= 0 ? d_.sentences[static_cast<size_t>(sj)] : p;
      tokens mt = window({q.mention.start, sent.end}, spare_[2]);
      l.a.who = mention_after(mt, 0, mt.n);
      l.a.kind = verb::reports;
      continue;
    }
    tokens tt = window(l.tail, spare_[0]);
    tokens lt = window(l.lead, spare_[1]);
    // A direct quote names its speaker after it; a partial one is woven into
    // a sentence whose subject speaks ("Solberg said the deal would "...").
    act after = act_after(tt, 0, tt.n);
    act before = act_before(lt, 0, lt.n, q.kind == quote_kind::partial);
    bool lead_first = q.kind == quote_kind::partial && before.who.kind == mention_kind::name;
    // A quote introduced with a colon ("X said in a statement:") is X's;
    // "It added:" after it introduces the next one.
    if (before.found() && ends_with_colon(l.lead)) lead_first = true;
    if (after.found() && ends_with_colon(l.tail)) after = {};
    l.a = after.found() && !lead_first ? after : before;
    if (!l.a.found()) l.a = act_passive(lt, tt);
    if (!l.a.found()) l.a = act_closing(tt, 0, tt.n);
    if (!l.a.found() && open <= p.start + 3)
      l.a = colon_paragraph(static_cast<size_t>(l.paragraph));
    if (l.a.found() && l.a.who.at.start < body_from_) l.a = {};  // the dateline's place
  }
}

// A testimony introduced by the paragraph before ("Ms. Okafor told the
// court:" and the quote opens the next paragraph): the act of that
// paragraph's last sentence, when the paragraph ends with a colon.
act context::colon_paragraph(size_t pi) {
  if (pi == 0) return {};
  span prev = d_.paragraphs[pi - 1];
  std::string_view s = d_.text;
  uint32_t e = prev.end;
  while (e > prev.start && s[e - 1] == ' ') --e;
  if (e == prev.start || s[e - 1] != ':') return {};
  int si = text::sentence_at(d_, e - 1);
  uint32_t from = si >= 0 ? d_.sentences[static_cast<size_t>(si)].start : prev.start;
  tokens t = window({from, e}, spare_[2]);
  act a = act_before(t, 0, t.n);
  if (a.found()) a.cue = cue::colon;
  return a;
}

// Whether the writer's words text[r] end with a colon.
bool context::ends_with_colon(span r) const {
  uint32_t e = r.end;
  while (e > r.start && (d_.text[e - 1] == ' ' || d_.text[e - 1] == '\n')) --e;
  return e > r.start && d_.text[e - 1] == ':';
}

// Tokens of text[r]: a window into words_ when r lies in one segment without
// cutting a token (the same tokens a fresh tokenization gives), else `spare`.
tokens context::window(span r, token_buffer& spare) {
  std::string_view s = d_.text;
  auto seg = std::upper_bound(segs_.begin(), segs_.end(), r.start,
                              [](uint32_t p, const segment& g) { return p < g.at.start; });
  if (r.empty()) return {s, nullptr, nullptr, 0};
  if (seg != segs_.begin() && r.end <= (seg - 1)->at.end) {
    const segment& g = *(seg - 1);
    const text::token* t = words_.t.data();
    auto starts_before = [](const text::token& x, uint32_t p) { return x.at.start < p; };
    size_t lo = std::lower_bound(t + g.from, t + g.to, r.start, starts_before) - t;
    if (lo == g.from || t[lo - 1].at.end <= r.start) {
      size_t hi = std::lower_bound(t + lo, t + g.to, r.end, starts_before) - t;
      if (hi == lo || t[hi - 1].at.end <= r.end) return words_.view(s, lo, hi);
    }
  }
  spare.clear();
  spare.add(s, r);
  return spare.all(s);
}

void context::read_names(const tokens& tk, uint32_t para_start) {
  for (size_t i = 0; i < tk.n; ++i) {
    // Only capitalized words (tok_upper comes with tok_word) start a name:
    // a tight loop skips the others.
    while (i < tk.n && !(tk.t[i].flags & text::tok_upper)) ++i;
    if (i >= tk.n) break;
    size_t b = i;
    // Back over a lowercase title ("coach Daniel Moreau") or "the".
    while (b > 0 && b + 3 > i && tk.is_word(b - 1, w_title)) --b;
    // and one lowercase modifier of it: "harbour master Jane Doe".
    if (b < i && b > 0 && tk.is_word(b - 1) && !tk.upper(b - 1) &&
        !tk.has(b - 1, w_verb | w_adverb | w_determiner | w_pronoun | w_of | w_for | w_to | w_be |
                           w_that | w_as | w_not_name))
      --b;
    if (b > 0 && tk.is_word(b - 1, w_the)) --b;
    mention m = mention_after(tk, b, tk.n);
    // Without what was backed over, if it misread: "But city manager Priya
    // Raman" (a capitalized opener before the title).
    for (size_t from = b + 1; m.kind != mention_kind::name && from <= i; ++from)
      m = mention_after(tk, from, tk.n);
    if (m.kind == mention_kind::role && !m.org && m.b == i && tk.is_word(i, w_determiner)) {
      // A sentence opened by a role ("His son, who is 41, laughed."): its
      // holder is mentioned there, so a "he" that follows can find him.
      int holder = find_role(m, m.at.start, true);
      if (holder >= 0) note(m.at.start, holder);
      i = m.e > i ? m.e - 1 : i;
      continue;
    }
    if (m.kind != mention_kind::name) continue;
    i = m.e > i ? m.e - 1 : i;
    if (m.at.start < body_from_) continue;  // the dateline's place and agency
    cast_note c = read_cast(tk, m, para_start);
    // A lone word opening a sentence is a name only when the article
    // already knows it ("Reyes said", after "Tom Reyes").
    if (c.weak && c.role.empty() && !known_word(view(m.name))) continue;
    char gen = generation(m.at.start);
    int e = gen ? of_generation(view(m.name), gen) : coordinated(tk, m);
    if (e < 0 && gen) continue;  // "the elder Castellano" with no way to tell: no one
    if (e < 0) e = add_name(m);
    if (e < 0) continue;
    entity& en = ents_[static_cast<size_t>(e)];
    // (an organisation's role names what it is: "the Minneapolis-based company")
    if (c.kind == 'o' && !en.gender && en.role.empty()) en.kind = speaker_kind::organization;
    if (!c.role.empty()) add_role(en, view(c.role));
    if (!c.also.empty()) add_role(en, view(c.also));
    if (c.age) en.age = c.age;
    if (c.gen) en.gen = c.gen;
    if ((c.gender == 'm' || c.gender == 'f') && !en.gender && en.kind == speaker_kind::person)
      en.gender = c.gender;
    note(m.at.start, e);
    add_alias(e, m.at);
  }
}

// A given name joined to a full name that shares its surname: "Emeka" of
// "Emeka and Chidi Okonjo" is Emeka Okonjo (-1 when m is no such name).
int context::coordinated(const tokens& tk, const mention& m) {
  if (m.e != m.b + 1 || !m.title.empty() || m.org || m.e + 2 >= tk.n || !tk.is_word(m.e, w_and))
    return -1;
  mention n = mention_after(tk, m.e + 1, tk.n);
  if (n.kind != mention_kind::name || n.org || n.b != m.e + 1) return -1;
  phrase w(view(n.name));
  if (w.n < 2) return -1;
  std::string full(view(m.name));
  full += ' ';
  full += w.w[w.n - 1];
  int known = named(full, false);
  if (known >= 0) return known;
  owned_.push_front(std::move(full));
  entity e;
  set_name(e, owned_.front());
  e.given_first = true;
  e.gender = given_name_gender(view(m.name));
  return add_entity(std::move(e));
}

// Finds or makes the entity a name mention refers to, merging "Xi" into
// "Xi Jinping" and "Clinton" with the latest "Hillary Clinton": the latest
// entity with that name, or with it as surname, or as the first word of a
// titled name ("Xi" of "Chinese President Xi Jinping").
int context::add_name(const mention& m) {
  std::string_view name = view(m.name);
  phrase w(name);
  if (w.n == 0) return -1;
  int found = -1;
  // Candidates: entities indexed under the mention's first or last word.
  cands_.clear();
  // (A one-word name would only list its entities twice.)
  index_.each(w.w[0], [this](int id) { cands_.push_back(id); });
  if (w.n > 1) index_.each(w.w[w.n - 1], [this](int id) { cands_.push_back(id); });
  for (int pass = 0; pass < 2 && found < 0; ++pass) {
    uint32_t best = 0;
    for (int c : cands_) {
      size_t k = static_cast<size_t>(c);
      const entity& e = ents_[k];
      if (!e.n_words || e.last_pos < best || (found >= 0 && e.last_pos == best)) continue;
      bool person = e.kind == speaker_kind::person;
      // "Ms Haddad" is not the Haddad the text shows to be a man.
      if ((m.gender == 'm' || m.gender == 'f') && e.gender && e.gender != m.gender) continue;
      bool hit = pass == 0
                     ? e.name == name || (w.n == 1 && person && last_word(e) == w.w[0]) ||
                           (e.n_words == 1 && w.n > 1 && w.w[w.n - 1] == first_word(e) && !m.org)
                     : w.n == 1 && person && e.n_words > 1 && first_word(e) == w.w[0] &&
                           (!e.role.empty() || e.given_first || m.gender == 'm' ||
                            m.gender == 'f' || given_name_gender(w.w[0]));
      if (hit) found = static_cast<int>(k), best = e.last_pos;
    }
  }
  if (found < 0) {
    entity e;
    set_name(e, name, w);
    e.kind = m.org ? speaker_kind::organization : speaker_kind::person;
    found = add_entity(std::move(e));
  }
  entity& e = ents_[static_cast<size_t>(found)];
  if (e.n_words < w.n && !m.org) {
    set_name(e, name, w);
    index_words(found);
  }
  if (e.role.empty() && !m.title.empty() && m.title.start < m.name.start) {
    std::string_view t = view(m.title);
    phrase tw(t);
    if (!(tw.n == 1 && honorific(tw.w[0]))) set_role(e, t);
  }
  if ((m.gender == 'm' || m.gender == 'f') && !e.gender) e.gender = m.gender;
  // The given name, the weakest sign, asked only of an entity without one.
  if (!e.gender && !m.org && e.kind == speaker_kind::person && e.n_words)
    e.gender = given_name_gender(first_word(e));
  return found;
}

int context::add_entity(entity&& e) {
  ents_.push_back(std::move(e));
  int id = static_cast<int>(ents_.size() - 1);
  index_words(id);
  return id;
}

// Indexes an entity under the first and last word of its name.
void context::index_words(int id) {
  const entity& e = ents_[static_cast<size_t>(id)];
  if (!e.n_words) return;
  index_.add(first_word(e), id);
  index_.add(last_word(e), id);
}

// The entity with this name (or, by_last, with its last word as surname).
int context::named(std::string_view name, bool by_last) const {
  phrase w(name);
  if (!w.n) return -1;
  int found = -1;
  index_.each(by_last ? w.w[w.n - 1] : w.w[0], [&](int id) {
    const entity& e = ents_[static_cast<size_t>(id)];
    if (found < 0 && (by_last ? iequals(last_word(e), w.w[w.n - 1]) : e.name == name)) found = id;
  });
  return found;
}

// Number of history entries before pos.
context::walk context::back_from(uint32_t pos) const {
  auto below = [pos](const std::vector<mention_at>& v) {
    auto it = std::lower_bound(v.begin(), v.end(), pos,
                               [](const mention_at& x, uint32_t p) { return x.pos < p; });
    return static_cast<size_t>(it - v.begin());
  };
  return walk{history_, late_, below(history_), below(late_)};
}

void context::note(uint32_t pos, int ent) {
  if (ent < 0) return;
  mention_at h{pos, ent};
  entity& e = ents_[static_cast<size_t>(ent)];
  e.last_pos = std::max(e.last_pos, pos + 1);
  if (late_.empty() && (history_.empty() || history_.back().pos <= pos)) {
    history_.push_back(h);  // the names are read in text order
    return;
  }
  // Near the end: the sieves go through the quotes in text order.
  auto it = std::upper_bound(late_.begin(), late_.end(), pos,
                             [](uint32_t p, const mention_at& x) { return p < x.pos; });
  late_.insert(it, h);
}

// Merges the notes of a finished sieve into the history (after the entries
// at the same position, which were noted before them).
void context::settle() {
  if (late_.empty()) return;
  // std::merge takes from the history first at an equal position.
  merged_.clear();
  std::merge(history_.begin(), history_.end(), late_.begin(), late_.end(),
             std::back_inserter(merged_),
             [](const mention_at& x, const mention_at& y) { return x.pos < y.pos; });
  history_.swap(merged_);
  late_.clear();
}

void context::assign(size_t qi, int ent, enum cue c, span mention_span) {
  if (ent < 0) return;
  quote& q = q_[qi];
  q.speaker = ent;
  q.cue = c;
  if (c != cue::pronoun && c != cue::previous) ents_[static_cast<size_t>(ent)].spoke = true;
  q.mention = mention_span;
  info_[qi].resolved = true;
  if (!mention_span.empty()) {
    // A pronoun leads to its entity but is not one of its names.
    if (c != cue::pronoun) add_alias(ent, mention_span);
    note(mention_span.start, ent);
  }
}

void context::add_alias(int ent, span at) {
  add_alias(ent, view(at));
}

void context::add_alias(int ent, std::string_view text) {
  if (ent < 0) return;
  entity& e = ents_[static_cast<size_t>(ent)];
  for (int k = e.first_alias; k >= 0; k = aliases_[static_cast<size_t>(k)].next)
    if (aliases_[static_cast<size_t>(k)].text == text) return;
  int id = static_cast<int>(aliases_.size());
  aliases_.push_back({text, -1});
  if (e.last_alias >= 0)
    aliases_[static_cast<size_t>(e.last_alias)].next = id;
  else
    e.first_alias = id;
  e.last_alias = id;
}

// A name of one word, untitled, that opens its sentence and that the cast
// did not take for a name: "Outside the court, ..." (the quote's subject
// search reads the first capitalized word).
bool context::lone_opener(const mention& m) const {
  if (!m.title.empty() || m.org) return false;
  std::string_view n = view(m.name);
  if (n.empty() || n.find(' ') != std::string_view::npos) return false;
  int p = text::paragraph_at(d_, m.at.start);
  uint32_t from = p >= 0 ? d_.paragraphs[static_cast<size_t>(p)].start : 0;
  return opens_sentence(d_.text, m.at.start, from) && !given_name_gender(n) && !known_word(n);
}

// "the elder Castellano", "the younger Ms. Haddad": 'e' or 'y' when the
// words before the name at pos say which generation, else 0.
char context::generation(uint32_t pos) const {
  std::string_view s = d_.text;
  size_t i = pos;
  // (words of at most 12 letters: "younger" is the longest asked for)
  auto word_before = [&](size_t& at) {
    while (at > 0 && s[at - 1] == ' ') --at;
    size_t e = at;
    while (at > 0 && e - at < 12 &&
           ((s[at - 1] >= 'a' && s[at - 1] <= 'z') || (s[at - 1] >= 'A' && s[at - 1] <= 'Z') ||
            s[at - 1] == '.'))
      --at;
    return s.substr(at, e - at);
  };
  size_t k = i;
  std::string_view w = word_before(k);
  if (honorific(w.substr(0, w.find('.')))) w = word_before(k);
  char g = generation_word(w);
  if (!g) return 0;
  return iequals(word_before(k), "the") ? g : 0;
}

// Of the people who share this surname, the elder or the younger, as the
// article shows it: "the elder of the two", a kinship role ("his son,
// Dominic" makes the other the elder when there are two), else their ages;
// -1 when it does not.
int context::of_generation(std::string_view name, char gen) const {
  phrase w(name);
  if (!w.n) return -1;
  std::string_view surname = w.w[w.n - 1];
  int ids[8], n = 0, marked = -1, n_marked = 0, other_mark = -1;
  char other = gen == 'e' ? 'y' : 'e';
  index_.each(surname, [&](int id) {
    const entity& e = ents_[static_cast<size_t>(id)];
    if (e.kind == speaker_kind::organization || e.n_words < 2 || last_word(e) != surname || n == 8)
      return;
    ids[n++] = id;
    char g = e.gen;
    any_role_word(e, [&](std::string_view x) {
      for (std::string_view c : {"son", "daughter", "grandson", "granddaughter", "nephew", "niece"})
        if (!g && iequals(x, c)) g = 'y';
      for (std::string_view c : {"father", "mother", "grandfather", "grandmother", "uncle", "aunt"})
        if (!g && iequals(x, c)) g = 'e';
      return false;
    });
    if (g == gen) marked = id, ++n_marked;
    if (g == other) other_mark = id;
  });
  if (n < 2) return -1;
  if (n_marked == 1) return marked;
  if (n_marked) return -1;
  if (n == 2 && other_mark >= 0) return ids[0] == other_mark ? ids[1] : ids[0];
  // Their ages, when every one of them has one and no two share it.
  int pick = -1;
  for (int k = 0; k < n; ++k) {
    const entity& e = ents_[static_cast<size_t>(ids[k])];
    if (!e.age) return -1;
    if (pick >= 0 && e.age == ents_[static_cast<size_t>(pick)].age) return -1;
    bool better = pick < 0 || (gen == 'e') == (e.age > ents_[static_cast<size_t>(pick)].age);
    if (better) pick = ids[k];
  }
  return pick;
}

// Whether an entity of the cast has this word as its first or last name.
bool context::known_word(std::string_view w) const {
  bool found = false;
  index_.each(w, [&](int id) {
    const entity& e = ents_[static_cast<size_t>(id)];
    found = found || (e.n_words && (first_word(e) == w || last_word(e) == w));
  });
  return found;
}

// The entity the cast read at mention m (a name of the writer's words is
// read twice: by read_names in text order, and by the act next to a quote).
int context::entity_at(const mention& m) const {
  auto it = std::lower_bound(history_.begin(), history_.end(), m.at.start,
                             [](const mention_at& x, uint32_t p) { return x.pos < p; });
  if (it != history_.begin() && (it - 1)->pos + 1 > m.at.start) --it;
  for (; it != history_.end() && it->pos < m.at.end; ++it) return it->entity;
  return -1;
}

void context::run(std::vector<speaker>& speakers) {
  prepare();
  sieve_interview();
  settle();
  sieve_named();
  settle();
  share_utterances();
  sieve_role();
  settle();
  sieve_document();
  sieve_pronoun();
  settle();
  sieve_organization();
  settle();
  share_utterances();
  sieve_same_paragraph();
  sieve_previous_paragraph();
  share_utterances();
  merge_given_names();

  // Speakers: the entities that said something, in order of first quote.
  std::vector<int> index(ents_.size(), -1);
  speakers.clear();
  for (quote& q : q_) {
    if (q.speaker < 0) continue;
    size_t e = static_cast<size_t>(q.speaker);
    if (index[e] < 0) {
      index[e] = static_cast<int>(speakers.size());
      speaker sp;
      sp.name = std::string(ents_[e].name);
      sp.id = slug(sp.name);
      sp.role = std::string(ents_[e].role);
      sp.kind = ents_[e].kind;
      speakers.push_back(std::move(sp));
    }
    q.speaker = index[e];
    ++speakers[static_cast<size_t>(q.speaker)].quote_count;
  }
  // Aliases: every printed form that resolved to the speaker, first the names.
  for (size_t e = 0; e < ents_.size(); ++e) {
    if (index[e] < 0) continue;
    speaker& sp = speakers[static_cast<size_t>(index[e])];
    for (int k = ents_[e].first_alias; k >= 0; k = aliases_[static_cast<size_t>(k)].next)
      sp.aliases.emplace_back(aliases_[static_cast<size_t>(k)].text);
  }
}

// Where the first paragraph's dateline ("PORT ELLEN, March 3 (Nordwire) - ")
// ends: its dash, within the first 160 bytes after the place.
uint32_t dateline_end(const text::document& d, const dateline* line) {
  if (!line || d.paragraphs.empty() || line->place.empty()) return 0;
  span p = d.paragraphs[0];
  std::string_view s = d.view(p);
  if (s.compare(0, line->place.size(), line->place) != 0) return 0;
  size_t limit = std::min<size_t>(s.size(), 160);
  for (size_t i = line->place.size(); i < limit;) {
    size_t at = i;
    uint32_t c = text::next_cp(s, i);
    if (!(c == '-' || c == 0x2013 || c == 0x2014) || (s[at - 1] != ' ' && s[at - 1] != ')'))
      continue;
    return p.start + static_cast<uint32_t>(i);
  }
  return 0;
}

}  // namespace detail

void attribute(const text::document& d, const dateline* line, std::vector<quote>& quotes,
               std::vector<speaker>& speakers) {
  thread_local detail::scratch buffers;
  detail::context c(d, detail::dateline_end(d, line), quotes, buffers);
  c.run(speakers);
  // Keep the memory of ordinary articles only.
  if (d.text.size() > (4u << 20)) buffers = detail::scratch();
}

}  // namespace quoteline::attribution
