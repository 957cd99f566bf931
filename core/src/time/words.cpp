#include "time/words.h"

#include <algorithm>
#include <array>
#include <cstddef>

#include "text/lexicon.h"

namespace quoteline::time {

namespace {

constexpr text::lex_entry kWords[] = {
#include "time/words.inc"
};
constexpr size_t kCount = sizeof kWords / sizeof kWords[0];

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

constexpr named kUnits[] = {{"s", int(unit::second)}, {"min", int(unit::minute)},
                            {"h", int(unit::hour)},   {"d", int(unit::day)},
                            {"w", int(unit::week)},   {"we", int(unit::weekend)},
                            {"fn", int(unit::fortnight)}, {"m", int(unit::month)},
                            {"q", int(unit::quarter)}, {"y", int(unit::year)},
                            {"dec", int(unit::decade)}, {"c", int(unit::century)},
                            {"mil", int(unit::millennium)}};
constexpr named kPods[] = {{"MO", pod_mo}, {"AF", pod_af}, {"EV", pod_ev}, {"NI", pod_ni},
                           {"DT", pod_dt}};
constexpr named kSeasons[] = {{"SP", 1}, {"SU", 2}, {"FA", 3}, {"WI", 4}};
constexpr named kKeywords[] = {
    {"the", int(kw::the)},         {"a", int(kw::a)},           {"of", int(kw::of)},
    {"and", int(kw::and_)},        {"or", int(kw::or_)},        {"so", int(kw::so)},
    {"to", int(kw::to)},           {"on", int(kw::on)},         {"at", int(kw::at)},
    {"in", int(kw::in)},           {"from", int(kw::from)},     {"ago", int(kw::ago)},
    {"before", int(kw::before)},   {"after", int(kw::after)},   {"hence", int(kw::hence)},
    {"fiscal", int(kw::fiscal)},   {"few", int(kw::few)},       {"several", int(kw::several)},
    {"couple", int(kw::couple)},   {"many", int(kw::many)},     {"other", int(kw::other)},
    {"long", int(kw::long_)},      {"old", int(kw::old)},       {"ahead", int(kw::ahead)},
    {"period", int(kw::period)},   {"term", int(kw::term)},     {"time", int(kw::time)},
    {"while", int(kw::while_)},    {"date", int(kw::date)},     {"yearend", int(kw::yearend)},
    {"new", int(kw::new_)},        {"eve", int(kw::eve)},       {"election", int(kw::election)},
    {"independence", int(kw::independence)}, {"years", int(kw::years)},
    {"newyear", int(kw::newyear)}, {"earlier", int(kw::earlier)}, {"later", int(kw::later)},
    {"middle", int(kw::middle)},   {"edge", int(kw::edge)},     {"more", int(kw::more)},
    {"less", int(kw::less)},       {"least", int(kw::least)},   {"most", int(kw::most)},
    {"up", int(kw::up)},           {"than", int(kw::than)},     {"no", int(kw::no)},
    {"only", int(kw::only)},       {"per", int(kw::per)},       {"twice", int(kw::twice)},
    {"thrice", int(kw::thrice)},   {"once", int(kw::once)},     {"times", int(kw::times)},
    {"oclock", int(kw::oclock)},   {"noon", int(kw::noon)},     {"midnight", int(kw::midnight)},
    {"dawn", int(kw::dawn)},       {"dusk", int(kw::dusk)},     {"half", int(kw::half)},
    {"overnight", int(kw::overnight)}, {"same", int(kw::same)}, {"that", int(kw::that)},
    {"these", int(kw::these)},     {"those", int(kw::those)},   {"some", int(kw::some)}};

// Applies one `tag` or `tag=value` reading to `w`.
void apply(word_info& w, std::string_view tag, std::string_view v) {
  if (tag == "month") w.flags |= w_month, w.month = uint8_t(to_int(v));
  else if (tag == "weekday") w.flags |= w_weekday, w.weekday = uint8_t(to_int(v));
  else if (tag == "num") w.flags |= w_num, w.num = uint16_t(to_int(v));
  else if (tag == "ord") w.flags |= w_ord, w.ord = uint8_t(to_int(v));
  else if (tag == "unit") w.flags |= w_unit, w.u = unit(find_name(kUnits, v));
  else if (tag == "plural") w.flags |= w_plural;
  else if (tag == "pod") w.flags |= w_pod, w.pod = uint8_t(find_name(kPods, v));
  else if (tag == "season") w.flags |= w_season, w.season = uint8_t(find_name(kSeasons, v));
  else if (tag == "day") w.flags |= w_day, w.day = int8_t(to_int(v));
  else if (tag == "ref") w.flags |= w_ref, w.ref = v;
  else if (tag == "shift") w.flags |= w_shift, w.shift = int8_t(to_int(v));
  else if (tag == "mod") w.flags |= w_mod, w.mod = v;
  else if (tag == "approx") w.flags |= w_approx, w.approx = v;
  else if (tag == "every") w.flags |= w_every;
  else if (tag == "set") w.flags |= w_set, w.set = v;
  else if (tag == "zone") w.flags |= w_zone;
  else if (tag == "holiday") w.flags |= w_holiday, w.holiday = v;
  else if (tag == "decade") w.flags |= w_decade, w.decade = uint8_t(to_int(v));
  else if (tag == "ampm") w.flags |= w_ampm, w.ampm = v.empty() ? 0 : v[0];
  else if (tag == "kw") w.flags |= w_kw, w.k = kw(find_name(kKeywords, v));
  else if (tag == "tense")
    w.flags |= w_tense, w.tense = int8_t(v == "past" ? -1 : v == "future" ? 1 : 2);
  else if (tag == "abbr") w.flags |= w_abbr;
  else if (tag == "risky") w.flags |= w_risky;
}

word_info decode(std::string_view value) {
  word_info w;
  while (!value.empty()) {
    size_t comma = value.find(',');
    std::string_view item = value.substr(0, comma);
    size_t eq = item.find('=');
    apply(w, item.substr(0, eq), eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1));
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
  return w;
}

struct table {
  std::array<word_info, kCount> infos;
  // First two letters of every key ('a'..'z' and one slot for anything
  // else): rules out most words of running text before the binary search.
  std::array<uint32_t, 27> pairs{};
  size_t max_len = 0;
  table() {
    for (size_t i = 0; i < kCount; ++i) {
      infos[i] = decode(kWords[i].value);
      std::string_view k = kWords[i].key;
      pairs[slot(k[0])] |= 1u << (k.size() > 1 ? slot(k[1]) : 26);
      max_len = std::max(max_len, k.size());
    }
  }
  static int slot(char c) { return c >= 'a' && c <= 'z' ? c - 'a' : 26; }
};

const table& words() {
  static const table t;
  return t;
}

}  // namespace

const char* pod_name(int pod) {
  static const char* const kNames[] = {"", "MO", "AF", "EV", "NI", "DT"};
  return pod >= 0 && pod <= 5 ? kNames[pod] : "";
}

const char* season_name(int season) {
  static const char* const kNames[] = {"", "SP", "SU", "FA", "WI"};
  return season >= 0 && season <= 4 ? kNames[season] : "";
}

const word_info* lookup(std::string_view word) {
  const table& t = words();
  char buf[32];
  if (word.empty() || word.size() > t.max_len || word.size() > sizeof buf) return nullptr;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = c >= 'A' && c <= 'Z' ? char(c + 32) : c;
  }
  std::string_view key(buf, word.size());
  if (!(t.pairs[table::slot(key[0])] & (1u << (key.size() > 1 ? table::slot(key[1]) : 26))))
    return nullptr;
  const text::lex_entry* it =
      std::lower_bound(kWords, kWords + kCount, key,
                       [](const text::lex_entry& e, std::string_view k) { return e.key < k; });
  if (it == kWords + kCount || it->key != key) return nullptr;
  return &t.infos[size_t(it - kWords)];
}

}  // namespace quoteline::time
