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
// in frames.h.
#include "attribution/attribution.h"

#include <algorithm>
#include <cstring>
#include <forward_list>
#include <iterator>

#include "attribution/cues.h"
#include "attribution/entities.h"
#include "attribution/frames.h"
#include "text/chars.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace quoteline::attribution {

namespace {

using text::iequals;

// Strings are views into the article text (or into the context's own
// names), so entities cost no allocation of their own.
struct entity {
  std::string_view name;            // fullest proper name seen
  std::string_view role;            // title as printed in the first titled mention
  uint32_t words = 0, n_words = 0;  // the name's words, in the context's word pool
  uint32_t role_words = 0, n_role_words = 0;
  uint32_t more_words = 0, n_more_words = 0;  // a second role ("the trust's chair")
  int first_alias = -1, last_alias = -1;      // chain in the context's alias pool
  speaker_kind kind = speaker_kind::person;
  char gender = 0;           // 'm', 'f' or 0
  uint32_t last_pos = 0;     // the latest mention, plus one (0: none yet)
  bool spoke = false;        // a quote was attributed to it by name or role
  bool given_first = false;  // its first word is known to be a given name
};

// Entities by a word of their name, each word's entities in the order they
// were added: open addressing over the word, chains in one pool.
class name_index {
 public:
  void add(std::string_view key, int id) {
    if (slots_.empty()) slots_.resize(64);
    slot& sl = slots_[find(key)];
    if (sl.gen != gen_) sl = {key, -1, -1, gen_};
    int k = sl.tail;
    for (int n = 0; k >= 0 && n < kReach; ++n, k = links_[static_cast<size_t>(k)].prev)
      if (links_[static_cast<size_t>(k)].id == id) return;
    int l = static_cast<int>(links_.size());
    links_.push_back({id, -1, sl.tail});
    if (sl.tail >= 0)
      links_[static_cast<size_t>(sl.tail)].next = l;
    else
      sl.head = l, ++used_;
    sl.tail = l;
    if (used_ * 2 > slots_.size()) grow();
  }
  // A new generation empties every slot at once: most articles fill few of
  // the slots a long one left behind.
  void clear() {
    if (slots_.size() > 1024 || gen_ == UINT32_MAX) slots_ = std::vector<slot>(), gen_ = 0;
    ++gen_;
    links_.clear();
    used_ = 0;
  }
  // Calls f(id) for the entities under `key`, in insertion order: the latest
  // kReach of them, so a word shared by thousands of names (hostile input;
  // news articles have a handful) costs a bounded walk.
  template <class F>
  void each(std::string_view key, F f) const {
    if (slots_.empty()) return;
    const slot& sl = slots_[find(key)];
    if (sl.gen != gen_) return;
    int k = sl.tail;
    for (int n = 1; k >= 0 && n < kReach && links_[static_cast<size_t>(k)].prev >= 0; ++n)
      k = links_[static_cast<size_t>(k)].prev;
    for (; k >= 0; k = links_[static_cast<size_t>(k)].next) f(links_[static_cast<size_t>(k)].id);
  }

 private:
  static constexpr int kReach = 64;
  struct slot {
    std::string_view key;
    int head = -1, tail = -1;
    uint32_t gen = 0;  // the slot is empty unless gen == gen_
  };
  struct link {
    int id, next, prev;
  };
  std::vector<slot> slots_;
  std::vector<link> links_;
  size_t used_ = 0;
  uint32_t gen_ = 1;

  // Every byte counts (keys that differ in one byte must spread): eight at
  // a time, the tail as an overlapping load.
  static uint64_t hash(std::string_view k) {
    const uint64_t m = 0x9E3779B97F4A7C15ull;
    uint64_t h = k.size() * m, x = 0;
    size_t n = k.size();
    if (n >= 8) {
      for (size_t i = 0; i + 8 < n; i += 8) {
        std::memcpy(&x, k.data() + i, 8);
        h = (h ^ x) * m;
        h ^= h >> 32;
      }
      std::memcpy(&x, k.data() + n - 8, 8);
    } else if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, k.data(), 4);
      std::memcpy(&b, k.data() + n - 4, 4);
      x = uint64_t(a) << 32 | b;
    } else {
      for (unsigned char c : k) x = x << 8 | c;
    }
    h = (h ^ x) * m;
    return h ^ (h >> 29);
  }
  // The slot of `key`, or the empty slot where it would go.
  size_t find(std::string_view key) const {
    size_t mask = slots_.size() - 1;
    for (size_t k = hash(key) & mask;; k = (k + 1) & mask) {
      const slot& sl = slots_[k];
      if (sl.gen != gen_ || same(sl.key, key)) return k;
    }
  }
  static bool same(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size()) == 0;
  }
  void grow() {
    std::vector<slot> old(slots_.size() * 2);
    old.swap(slots_);
    size_t mask = slots_.size() - 1;
    for (const slot& o : old) {
      if (o.gen != gen_) continue;
      size_t k = hash(o.key) & mask;
      while (slots_[k].gen == gen_) k = (k + 1) & mask;
      slots_[k] = o;
    }
  }
};

// Up to eight words of a short phrase, without allocating (or clearing
// the slots it does not fill).
struct phrase {
  union {
    std::string_view w[8];
  };
  size_t n = 0;
  explicit phrase(std::string_view s) {
    size_t i = 0;
    while (i < s.size() && n < 8) {
      while (i < s.size() && (s[i] == ' ' || s[i] == '.' || s[i] == ',')) ++i;
      size_t b = i;
      while (i < s.size() && s[i] != ' ' && s[i] != ',') ++i;
      size_t e = i;
      while (e > b && s[e - 1] == '.') --e;
      if (e > b) w[n++] = s.substr(b, e - b);
    }
  }
};

// What the sieves know about one quote.
struct local {
  span lead, tail;  // the writer's words before and after, in the sentence
  act a;            // the speech act found next to the quote
  int paragraph = -1;
  bool resolved = false;
  bool blocked = false;  // a generic source ("officials said"): no guessing
  uint32_t open = 0;     // where the quote (with its mark) starts
};

struct mention_at {
  uint32_t pos;
  int entity;
};

bool is_mark(uint32_t c) {
  return c == '"' || c == '\'' || c == '`' || c == 0xAB || c == 0xBB || c == 0x2039 ||
         c == 0x203A || (c >= 0x2018 && c <= 0x201F) || (c >= 0x300C && c <= 0x300F);
}

// Appends the words of a name or title to `out`.
void split_words(std::string_view s, std::vector<std::string_view>& out) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '.' || s[i] == ',')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != ',') ++i;
    size_t e = i;
    while (e > b && s[e - 1] == '.') --e;
    if (e > b) out.push_back(s.substr(b, e - b));
  }
}

// "trust's", "victim\u2019s": a possessor, not part of a role.
bool possessive(std::string_view w) {
  return (w.size() > 2 && w.substr(w.size() - 2) == "'s") ||
         (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s");
}

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

// A stretch of the writer's words, tokenized once.
struct segment {
  span at;
  uint32_t from, to;  // its tokens in scratch::words
};

struct alias {
  std::string_view text;
  int next;  // the entity's next alias, -1 at the end
};

// The containers of the stage, kept from article to article (per thread) so
// their memory is neither allocated nor cold for each article.
struct scratch {
  std::vector<local> info;
  std::vector<entity> ents;
  std::vector<mention_at> history, late, merged;
  token_buffer words;
  std::vector<segment> segs;
  token_buffer spare[3];
  name_index index;
  std::vector<int> cands;
  std::vector<alias> aliases;
  std::vector<std::string_view> pool;
  std::forward_list<std::string> owned;  // never moved: names view into them
  std::vector<char> scan;

  void reset(size_t quotes) {
    info.assign(quotes, local{});
    ents.clear(), history.clear(), late.clear(), words.clear(), segs.clear(), cands.clear();
    for (token_buffer& b : spare) b.clear();
    index.clear(), aliases.clear(), pool.clear(), owned.clear();
  }
};

class context {
 public:
  context(const text::document& d, uint32_t body_from, std::vector<quote>& q, scratch& b)
      : d_(d),
        body_from_(body_from),
        q_(q),
        scan_(b.scan),
        info_(b.info),
        ents_(b.ents),
        history_(b.history),
        late_(b.late),
        merged_(b.merged),
        words_(b.words),
        segs_(b.segs),
        spare_(b.spare),
        index_(b.index),
        cands_(b.cands),
        aliases_(b.aliases),
        pool_(b.pool),
        owned_(b.owned) {
    b.reset(q.size());
  }

  void run(std::vector<speaker>& speakers);

 private:
  const text::document& d_;
  uint32_t body_from_;  // where the body starts after a dateline
  std::vector<quote>& q_;
  std::vector<char>& scan_;  // the paragraphs the cast is read from
  std::vector<local>& info_;
  std::vector<entity>& ents_;
  // Resolved mentions in text order (equal positions in the order noted):
  // the names read in text order, then the sieves' notes, which come in
  // late_ until the sieve ends (a sorted insert into a long history per
  // quote would make huge articles quadratic).
  std::vector<mention_at>& history_;
  std::vector<mention_at>& late_;
  std::vector<mention_at>& merged_;  // settle()'s output, swapped in
  void settle();
  // Walks the history backward from the last entry before a position.
  struct walk {
    const std::vector<mention_at>&a, &b;
    size_t i, j;
    bool next(mention_at& out) {
      if (j > 0 && (i == 0 || b[j - 1].pos >= a[i - 1].pos))
        out = b[--j];
      else if (i > 0)
        out = a[--i];
      else
        return false;
      return true;
    }
  };
  walk back_from(uint32_t pos) const;
  // The writer's words of the scanned paragraphs, tokenized once: the lead
  // and tail of every quote are windows into them.
  token_buffer& words_;
  std::vector<segment>& segs_;
  token_buffer* spare_;  // three, for the rare range that cuts a token of words_
  tokens window(span r, token_buffer& spare);
  act colon_paragraph(size_t pi);
  bool ends_with_colon(span r) const;

  std::string_view view(span s) const { return d_.view(s); }
  void prepare();
  void read_names(const tokens& tk, uint32_t para_start);
  int entity_at(const mention& m) const;
  bool lone_opener(const mention& m) const;
  bool known_word(std::string_view w) const;
  char generation(uint32_t pos) const;
  int of_generation(std::string_view name, char gen) const;
  int coordinated(const tokens& tk, const mention& m);
  void read_paragraph(size_t pi, size_t& qi);
  int add_name(const mention& m);
  int find_role(const mention& m, uint32_t pos, bool whole = false) const;
  int find_pronoun(char g, uint32_t pos, int last_speaker, bool& ambiguous, int depth = 0) const;
  int find_org(const mention& m, uint32_t pos);
  int role_entity(const mention& m);
  int find_role_ahead(const mention& m, uint32_t pos) const;
  void assign(size_t qi, int ent, enum cue c, span mention_span);
  void note(uint32_t pos, int ent);
  int add_entity(entity&& e);
  void index_words(int id);
  int named(std::string_view name, bool by_last) const;
  name_index& index_;  // first and last name word -> entities
  std::vector<int>& cands_;
  void add_alias(int ent, span at);
  void add_alias(int ent, std::string_view text);
  std::vector<alias>& aliases_;
  std::vector<std::string_view>& pool_;    // words of the entities' names and roles
  std::forward_list<std::string>& owned_;  // names made from interview labels
  void set_name(entity& e, std::string_view n) {
    e.name = n;
    e.words = static_cast<uint32_t>(pool_.size());
    split_words(n, pool_);
    e.n_words = static_cast<uint32_t>(pool_.size()) - e.words;
  }
  void set_role(entity& e, std::string_view r) {
    e.role = r;
    e.role_words = static_cast<uint32_t>(pool_.size());
    split_words(r, pool_);
    e.n_role_words = static_cast<uint32_t>(pool_.size()) - e.role_words;
  }
  // A role the entity holds beside the one it is shown with ("Professor
  // Amara Obi, the university's vice-chancellor,"): its words only.
  void add_role(entity& e, std::string_view r) {
    if (e.role.empty()) return set_role(e, r);
    if (e.n_more_words || r == e.role) return;
    e.more_words = static_cast<uint32_t>(pool_.size());
    split_words(r, pool_);
    e.n_more_words = static_cast<uint32_t>(pool_.size()) - e.more_words;
  }
  // Calls f(word) for every word of every role the entity holds.
  template <class F>
  bool any_role_word(const entity& e, F f) const {
    for (uint32_t r = 0; r < e.n_role_words; ++r)
      if (f(pool_[e.role_words + r])) return true;
    for (uint32_t r = 0; r < e.n_more_words; ++r)
      if (f(pool_[e.more_words + r])) return true;
    return false;
  }
  // The same with the words already split (split_words would find them).
  void set_name(entity& e, std::string_view n, const phrase& w) {
    if (w.n == 8) return set_name(e, n);  // the phrase may have stopped short
    e.name = n;
    e.words = static_cast<uint32_t>(pool_.size());
    pool_.insert(pool_.end(), w.w, w.w + w.n);
    e.n_words = static_cast<uint32_t>(w.n);
  }
  // Whether the text shows an entity to be a person "he" or "she" can be:
  // a gender, a role or title, a quote of its own, or a name of two words
  // or more; a lone capitalized word ("Exhibit", "Thursdays") is not enough.
  bool person_like(const entity& e) const {
    return e.kind != speaker_kind::organization &&
           (e.gender || !e.role.empty() || e.spoke || e.n_words >= 2);
  }
  std::string_view first_word(const entity& e) const { return pool_[e.words]; }
  std::string_view last_word(const entity& e) const { return pool_[e.words + e.n_words - 1]; }

  void sieve_interview();
  void read_interview_cast(uint32_t first_turn, int& asker, int& answerer) const;
  void sieve_named();
  void sieve_role();
  void sieve_document();
  void sieve_pronoun();
  void sieve_organization();
  void sieve_same_paragraph();
  void sieve_previous_paragraph();
  void share_utterances();
  void merge_given_names();
};

// The quote's opening mark (or its own start for indirect speech and turns).
uint32_t opening(std::string_view s, const quote& q, uint32_t para_start) {
  size_t i = q.at.start;
  while (i > para_start) {
    size_t k = i;
    uint32_t c = text::prev_cp(s, k);
    if (text::is_space(c)) {
      i = k;
      continue;
    }
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
    break;
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
    if (!c.role.empty()) add_role(en, view(c.role));
    if ((c.gender == 'm' || c.gender == 'f') && !en.gender) en.gender = c.gender;
    if (c.kind == 'o' && !en.gender && en.role.empty()) en.kind = speaker_kind::organization;
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

// "the Chinese president": the latest entity whose title holds every word.
int context::find_role(const mention& m, uint32_t pos, bool whole) const {
  phrase w(view(m.at));
  // "a spokeswoman" is someone new, not the spokeswoman met before.
  if (w.n && (iequals(w.w[0], "a") || iequals(w.w[0], "an") || iequals(w.w[0], "one") ||
              iequals(w.w[0], "another")))
    return -1;
  // Articles, possessives and possessors are not part of the role: "its
  // chief executive", "the trust's chair".
  size_t from = 0;
  while (from < w.n && (classify(w.w[from]).bits & w_determiner || possessive(w.w[from]))) ++from;
  if (from >= w.n) return -1;
  int head_only = -1;
  walk back = back_from(pos);
  mention_at h;
  for (size_t n = 0; n < 400 && back.next(h); ++n) {
    const entity& e = ents_[static_cast<size_t>(h.entity)];
    if (e.role.empty() || e.kind != speaker_kind::person) continue;
    // ("trust's" is not "trust": a possessor is not the role)
    auto has = [&](std::string_view x) {
      return any_role_word(e, [&](std::string_view y) { return iequals(y, x); });
    };
    bool all = true;
    for (size_t i = from; i < w.n && all; ++i) all = has(w.w[i]);
    if (all) return h.entity;
    if (head_only < 0 && has(w.w[w.n - 1])) head_only = h.entity;
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
  walk back = back_from(pos);
  mention_at h;
  int latest = -1;  // the nearest organization named before, if near
  for (size_t n = 0; n < 400 && back.next(h); ++n) {
    const entity& e = ents_[static_cast<size_t>(h.entity)];
    if (e.kind != speaker_kind::organization || !e.n_words) continue;
    if (latest < 0 && pos - h.pos < 4000) latest = h.entity;
    for (uint32_t x = 0; x < e.n_words; ++x)
      if (iequals(pool_[e.words + x], head)) return h.entity;
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
  char g = iequals(w, "elder") ? 'e' : iequals(w, "younger") ? 'y' : 0;
  if (!g) return 0;
  return iequals(word_before(k), "the") ? g : 0;
}

// Of the people who share this surname, the elder or the younger, as the
// roles the article gave them show ("his son, Dominic"); -1 when they do not.
int context::of_generation(std::string_view name, char gen) const {
  phrase w(name);
  if (!w.n) return -1;
  std::string_view surname = w.w[w.n - 1];
  int elder = -1, younger = -1, n = 0;
  index_.each(surname, [&](int id) {
    const entity& e = ents_[static_cast<size_t>(id)];
    if (e.kind == speaker_kind::organization || e.n_words < 2 || last_word(e) != surname) return;
    ++n;
    any_role_word(e, [&](std::string_view x) {
      for (std::string_view c : {"son", "daughter", "grandson", "granddaughter", "nephew", "niece"})
        if (iequals(x, c)) younger = id;
      for (std::string_view c : {"father", "mother", "grandfather", "grandmother", "uncle", "aunt"})
        if (iequals(x, c)) elder = id;
      return false;
    });
  });
  if (n != 2) return -1;
  int other = -1;
  index_.each(surname, [&](int id) {
    const entity& e = ents_[static_cast<size_t>(id)];
    if (e.kind != speaker_kind::organization && e.n_words >= 2 && last_word(e) == surname &&
        id != elder && id != younger)
      other = id;
  });
  if (gen == 'e') return elder >= 0 ? elder : younger >= 0 ? other : -1;
  return younger >= 0 ? younger : elder >= 0 ? other : -1;
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

void context::sieve_named() {
  for (size_t i = 0; i < q_.size(); ++i) {
    local& l = info_[i];
    if (l.resolved || l.a.who.kind != mention_kind::name) continue;
    int e = entity_at(l.a.who);
    if (e < 0 && lone_opener(l.a.who)) continue;          // "Outside, ..." is no one
    if (e < 0 && generation(l.a.who.at.start)) continue;  // an elder no one can tell
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
  size_t from = 0;
  while (from < w.n && (classify(w.w[from]).bits & w_determiner || possessive(w.w[from]))) ++from;
  if (from >= w.n || (w.n && (iequals(w.w[0], "a") || iequals(w.w[0], "an")))) return -1;
  auto it = std::upper_bound(history_.begin(), history_.end(), pos,
                             [](uint32_t p, const mention_at& x) { return p < x.pos; });
  int p0 = text::paragraph_at(d_, pos);
  for (; it != history_.end() && it->pos < pos + 2500; ++it) {
    if (text::paragraph_at(d_, it->pos) > p0 + 3) break;
    const entity& e = ents_[static_cast<size_t>(it->entity)];
    if (e.kind != speaker_kind::person || e.role.empty()) continue;
    bool all = true;
    for (size_t i = from; i < w.n && all; ++i)
      all = any_role_word(e, [&](std::string_view y) { return iequals(y, w.w[i]); });
    if (all) return it->entity;
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

}  // namespace

void attribute(const text::document& d, const dateline* line, std::vector<quote>& quotes,
               std::vector<speaker>& speakers) {
  thread_local scratch buffers;
  context c(d, dateline_end(d, line), quotes, buffers);
  c.run(speakers);
  // Keep the memory of ordinary articles only.
  if (d.text.size() > (4u << 20)) buffers = scratch();
}

}  // namespace quoteline::attribution
