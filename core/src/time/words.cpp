#include "time/words.h"

#include <array>
#include <cstddef>
#include <cstring>

#include "text/lexicon.h"

namespace quoteline::time {

namespace {

constexpr text::lexicon kWords{
#include "time/words.inc"
};
constexpr size_t kCount = kWords.size();

int to_int(std::string_view s) {
  int sign = 1, v = 0;
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) sign = s[i++] == '-' ? -1 : 1;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) v = v * 10 + (s[i] - '0');
  return sign * v;
}

struct named {
  std::string_view name;
  int value;
};

template <size_t N>
int find_name(const named (&table)[N], std::string_view s) {
  for (const named& n : table)
    if (n.name == s) return n.value;
  return 0;
}

constexpr named kUnits[] = {
    {"s", int(unit::second)},      {"min", int(unit::minute)}, {"h", int(unit::hour)},
    {"d", int(unit::day)},         {"w", int(unit::week)},     {"we", int(unit::weekend)},
    {"fn", int(unit::fortnight)},  {"m", int(unit::month)},    {"q", int(unit::quarter)},
    {"y", int(unit::year)},        {"dec", int(unit::decade)}, {"c", int(unit::century)},
    {"mil", int(unit::millennium)}};
constexpr named kPods[] = {
    {"MO", pod_mo}, {"AF", pod_af}, {"EV", pod_ev}, {"NI", pod_ni}, {"DT", pod_dt}};
constexpr named kSeasons[] = {{"SP", 1}, {"SU", 2}, {"FA", 3}, {"WI", 4}};
constexpr named kKeywords[] = {{"the", int(kw::the)},
                               {"a", int(kw::a)},
                               {"of", int(kw::of)},
                               {"and", int(kw::and_)},
                               {"or", int(kw::or_)},
                               {"so", int(kw::so)},
                               {"to", int(kw::to)},
                               {"on", int(kw::on)},
                               {"at", int(kw::at)},
                               {"in", int(kw::in)},
                               {"from", int(kw::from)},
                               {"ago", int(kw::ago)},
                               {"before", int(kw::before)},
                               {"after", int(kw::after)},
                               {"hence", int(kw::hence)},
                               {"fiscal", int(kw::fiscal)},
                               {"few", int(kw::few)},
                               {"several", int(kw::several)},
                               {"couple", int(kw::couple)},
                               {"many", int(kw::many)},
                               {"other", int(kw::other)},
                               {"long", int(kw::long_)},
                               {"old", int(kw::old)},
                               {"ahead", int(kw::ahead)},
                               {"period", int(kw::period)},
                               {"term", int(kw::term)},
                               {"time", int(kw::time)},
                               {"while", int(kw::while_)},
                               {"date", int(kw::date)},
                               {"yearend", int(kw::yearend)},
                               {"new", int(kw::new_)},
                               {"eve", int(kw::eve)},
                               {"election", int(kw::election)},
                               {"independence", int(kw::independence)},
                               {"years", int(kw::years)},
                               {"newyear", int(kw::newyear)},
                               {"earlier", int(kw::earlier)},
                               {"later", int(kw::later)},
                               {"middle", int(kw::middle)},
                               {"edge", int(kw::edge)},
                               {"more", int(kw::more)},
                               {"less", int(kw::less)},
                               {"least", int(kw::least)},
                               {"most", int(kw::most)},
                               {"up", int(kw::up)},
                               {"than", int(kw::than)},
                               {"no", int(kw::no)},
                               {"only", int(kw::only)},
                               {"per", int(kw::per)},
                               {"twice", int(kw::twice)},
                               {"thrice", int(kw::thrice)},
                               {"once", int(kw::once)},
                               {"times", int(kw::times)},
                               {"oclock", int(kw::oclock)},
                               {"noon", int(kw::noon)},
                               {"midnight", int(kw::midnight)},
                               {"dawn", int(kw::dawn)},
                               {"dusk", int(kw::dusk)},
                               {"half", int(kw::half)},
                               {"overnight", int(kw::overnight)},
                               {"same", int(kw::same)},
                               {"that", int(kw::that)},
                               {"these", int(kw::these)},
                               {"those", int(kw::those)},
                               {"some", int(kw::some)},
                               {"qual", int(kw::qual)},
                               {"right", int(kw::right)},
                               {"holiday", int(kw::holiday)},
                               {"for", int(kw::for_)}};

// Applies one `tag` or `tag=value` reading to `w`.
void apply(word_info& w, std::string_view tag, std::string_view v) {
  if (tag == "month")
    w.flags |= w_month, w.month = uint8_t(to_int(v));
  else if (tag == "weekday")
    w.flags |= w_weekday, w.weekday = uint8_t(to_int(v));
  else if (tag == "num")
    w.flags |= w_num, w.num = uint16_t(to_int(v));
  else if (tag == "ord")
    w.flags |= w_ord, w.ord = uint8_t(to_int(v));
  else if (tag == "unit")
    w.flags |= w_unit, w.u = unit(find_name(kUnits, v));
  else if (tag == "plural")
    w.flags |= w_plural;
  else if (tag == "pod")
    w.flags |= w_pod, w.pod = uint8_t(find_name(kPods, v));
  else if (tag == "season")
    w.flags |= w_season, w.season = uint8_t(find_name(kSeasons, v));
  else if (tag == "day")
    w.flags |= w_day, w.day = int8_t(to_int(v));
  else if (tag == "ref")
    w.flags |= w_ref, w.ref = v;
  else if (tag == "shift")
    w.flags |= w_shift, w.shift = int8_t(to_int(v));
  else if (tag == "mod")
    w.flags |= w_mod, w.mod = v;
  else if (tag == "approx")
    w.flags |= w_approx, w.approx = v;
  else if (tag == "every")
    w.flags |= w_every;
  else if (tag == "set")
    w.flags |= w_set, w.set = v;
  else if (tag == "zone")
    w.flags |= w_zone;
  else if (tag == "holiday")
    w.flags |= w_holiday, w.holiday = v;
  else if (tag == "decade")
    w.flags |= w_decade, w.decade = uint8_t(to_int(v));
  else if (tag == "ampm")
    w.flags |= w_ampm, w.ampm = v.empty() ? 0 : v[0];
  else if (tag == "kw")
    w.flags |= w_kw, w.k = kw(find_name(kKeywords, v));
  else if (tag == "tense")
    w.flags |= w_tense, w.tense = int8_t(v == "past" ? -1 : v == "future" ? 1 : 2);
  else if (tag == "abbr")
    w.flags |= w_abbr;
  else if (tag == "risky")
    w.flags |= w_risky;
}

bool opening_keyword(kw k) {
  switch (k) {
    case kw::the:
    case kw::a:
    case kw::fiscal:
    case kw::few:
    case kw::several:
    case kw::couple:
    case kw::many:
    case kw::earlier:
    case kw::later:
    case kw::middle:
    case kw::edge:
    case kw::more:
    case kw::less:
    case kw::up:
    case kw::no:
    case kw::twice:
    case kw::thrice:
    case kw::once:
    case kw::noon:
    case kw::midnight:
    case kw::half:
    case kw::same:
    case kw::that:
    case kw::some:
    case kw::per:
    case kw::new_:
    case kw::election:
    case kw::independence:
    case kw::at:
    case kw::overnight:
    case kw::dawn:
    case kw::dusk:
    case kw::right:
    case kw::holiday:
    case kw::these:
      return true;
    default:
      return false;
  }
}

word_info decode(std::string_view value) {
  word_info w;
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view item = value.substr(0, comma);
    size_t eq = item.find('=');
    apply(w, item.substr(0, eq),
          eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1));
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  const uint32_t opening = w_month | w_weekday | w_num | w_ord | w_unit | w_pod | w_season | w_day |
                           w_ref | w_shift | w_mod | w_approx | w_every | w_set | w_holiday |
                           w_decade;
  if ((w.flags & opening) || opening_keyword(w.k)) w.flags |= w_opens;
  return w;
}

constexpr size_t kMaxKey = 16;

inline int slot(char c) {
  return c >= 'a' && c <= 'z' ? c - 'a' : 26;
}
inline int bucket_of(unsigned char c0, unsigned char c1, size_t n) {
  return slot(char(c0)) * 27 + (n > 1 ? slot(char(c1)) : 26);
}

// ASCII lowercase by table: the hash and the key comparison run on every
// looked-up word.
struct lower_table {
  unsigned char of[256] = {};
  constexpr lower_table() {
    for (int c = 0; c < 256; ++c)
      of[c] = static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
};
constexpr lower_table kLower;

inline uint32_t lower(unsigned char c) {
  return kLower.of[c];
}

// Slot of a key (n >= 1) from its length and first, second and last bytes,
// lowercased as same_lower() does.
inline uint32_t hash_of(const char* w, size_t n) {
  uint32_t c0 = lower(static_cast<unsigned char>(w[0]));
  uint32_t c1 = n > 1 ? lower(static_cast<unsigned char>(w[1])) : 0;
  uint32_t cl = lower(static_cast<unsigned char>(w[n - 1]));
  uint32_t x = (uint32_t(n) << 24) ^ (c0 << 16) ^ (c1 << 8) ^ cl;
  return (x * 0x9E3779B1u) >> 21;  // 11 bits: 2048 slots
}

// Keys that lookup_short() can be asked for: 1..8 lowercase letters or digits.
bool alnum_short(std::string_view k) {
  if (k.empty() || k.size() > 8) return false;
  for (char c : k)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
  return true;
}

struct table {
  std::array<std::string_view, kCount> keys;
  std::array<word_info, kCount> infos;
  std::array<uint32_t, 27 * 27> lengths{};  // key lengths per first-two-letter bucket, as bits
  table() {
    size_t i = 0;
    for (text::lex_entry e : kWords) {
      std::string_view k = keys[i] = e.key;
      infos[i++] = decode(e.value);
      int b = bucket_of(static_cast<unsigned char>(k[0]),
                        k.size() > 1 ? static_cast<unsigned char>(k[1]) : 0, k.size());
      lengths[size_t(b)] |= 1u << k.size();
    }
    for (size_t n = 0; n <= 8; ++n) {
      unsigned char b[8] = {};
      for (size_t i = 0; i < n; ++i) b[i] = 0xFF;
      std::memcpy(&masks[n], b, 8);
    }
    slots.fill(kEmpty);
    for (size_t i = 0; i < kCount; ++i) {
      std::string_view k = keys[i];
      uint32_t h = hash_of(k.data(), k.size());
      while (slots[h] != kEmpty) h = (h + 1) & (kSlots - 1);
      slots[h] = uint16_t(i);
      if (alnum_short(k)) {
        uint64_t v = 0;
        std::memcpy(&v, k.data(), k.size());
        uint32_t s = uint32_t((v * 0x9E3779B97F4A7C15ull) >> 53);
        while (shorts[s].key != 0) s = (s + 1) & (kShortSlots - 1);
        shorts[s] = {v, &infos[i]};
      }
    }
  }
  // Open addressing over a few bytes of the lowercased key: most lookups
  // (hits and misses alike) touch one slot and compare one key.
  static constexpr uint32_t kSlots = 2048;
  static constexpr uint16_t kEmpty = 0xFFFF;
  std::array<uint16_t, kSlots> slots;
  std::array<short_word, kShortSlots> shorts{};
  std::array<uint64_t, 9> masks{};
};

// Built once at load time from the constant entries (no other static data
// is involved, so the order of initialization does not matter).
const table kTable;
inline const table& words() {
  return kTable;
}

}  // namespace

const uint32_t* const word_lengths = kTable.lengths.data();
const short_word* const short_words = kTable.shorts.data();
const uint64_t* const short_masks = kTable.masks.data();

const char* pod_name(int pod) {
  static const char* const kNames[] = {"", "MO", "AF", "EV", "NI", "DT"};
  return pod >= 0 && pod <= 5 ? kNames[pod] : "";
}

const char* season_name(int season) {
  static const char* const kNames[] = {"", "SP", "SU", "FA", "WI"};
  return season >= 0 && season <= 4 ? kNames[season] : "";
}

namespace {

// Equal to a lowercase ASCII key, ignoring the word's ASCII case.
inline bool same_lower(const char* w, const char* key, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    if (lower(static_cast<unsigned char>(w[i])) != static_cast<unsigned char>(key[i])) return false;
  }
  return true;
}

}  // namespace

const word_info* lookup(std::string_view word) {
  size_t n = word.size();
  if (n == 0 || n > kMaxKey) return nullptr;
  const table& t = words();
  for (uint32_t h = hash_of(word.data(), n);; h = (h + 1) & (table::kSlots - 1)) {
    uint16_t k = t.slots[h];
    if (k == table::kEmpty) return nullptr;
    std::string_view key = t.keys[k];
    if (key.size() == n && same_lower(word.data(), key.data(), n)) return &t.infos[k];
  }
}

}  // namespace quoteline::time
