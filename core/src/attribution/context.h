// The attribution stage's working state, shared by its two halves: the
// cast and the acts (attribution.cpp) and the sieves that resolve them
// (sieves.cpp). Private to the stage: nothing here leaves core/src.
#pragma once

#include <cstring>
#include <forward_list>
#include <string>
#include <string_view>
#include <vector>

#include "attribution/cues.h"
#include "attribution/frames.h"
#include "quoteline/analysis.h"
#include "text/document.h"
#include "text/tokens.h"

namespace quoteline::attribution::detail {

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
  char gen = 0;              // 'e' or 'y' when the text says "the elder of the two"
  uint8_t age = 0;           // as an apposition gives it (0: not given)
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

inline bool is_mark(uint32_t c) {
  return c == '"' || c == '\'' || c == '`' || c == 0xAB || c == 0xBB || c == 0x2039 ||
         c == 0x203A || (c >= 0x2018 && c <= 0x201F) || (c >= 0x300C && c <= 0x300F);
}

// Appends the words of a name or title to `out`.
inline void split_words(std::string_view s, std::vector<std::string_view>& out) {
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
  bool holds_role(const entity& e, const phrase& w, size_t from) const;
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

}  // namespace quoteline::attribution::detail
