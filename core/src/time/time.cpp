// The time stage's entry point: one left-to-right pass over the atoms of
// every block, the grammar tried at each atom that can open an expression,
// the longest expression kept. Memory of the last mentioned day and quarter
// flows forward in text order; numeric dates wait for the article's
// day/month convention until the end.
#include "time/time.h"

#include "time/atoms.h"
#include "time/grammar.h"

namespace quoteline::time {

namespace {

// Whether atom i can open an expression at all (most atoms cannot).
bool can_open(const std::vector<atom>& atoms, size_t i, std::string_view text) {
  const atom& a = atoms[i];
  if (a.kind == a_number) return true;
  if (a.info) return a.info->has(w_opens);
  // An apostrophe opens only a glued year: the '90s.
  if (a.kind == a_punct)
    return a.ch == '\'' && i + 1 < atoms.size() && atoms[i + 1].kind == a_number &&
           atoms[i + 1].is(af_glued);
  // Q3, H1
  return a.end - a.start == 2 && (text[a.start] == 'Q' || text[a.start] == 'H') &&
         text[a.start + 1] >= '1' && text[a.start + 1] <= '4';
}

void remember(doc_state& st, const hit& h) {
  switch (h.order) {
    case 1:
      ++st.month_first;
      break;
    case 2:
      ++st.day_first;
      break;
    case 3:
      ++st.numeric_month_first;
      break;
    case 4:
      ++st.numeric_day_first;
      break;
    default:
      break;
  }
  if (!h.literal.empty() || h.p.year <= 0 || h.derived ||
      (h.type != timex_type::date && h.type != timex_type::time))
    return;
  st.last_point = h.p;
  if (h.p.month > 0 && h.p.day > 0 &&
      (h.p.g == gran::day || h.p.g == gran::pod || h.p.g == gran::hour || h.p.g == gran::minute)) {
    st.last_day = h.p;
    st.last_day.g = gran::day;
  } else if (h.p.g == gran::quarter) {
    // Reports talk about finished quarters: "the fourth quarter" ahead of
    // its end is an outlook, not what "the quarter" later refers to.
    long first;
    bool finished = !st.has_anchor || (first_day(shift(h.p, 1), first) && first <= st.anchor_days);
    if (finished) st.last_quarter = h.p;
  } else if (h.p.g == gran::year) {
    st.last_year = h.p.year;
  }
}

struct pending {
  size_t index;
  hit h;
};

}  // namespace

std::vector<timex> find(const text::document& d, const text::civil& anchor,
                        std::vector<diagnostic>& diags) {
  doc_state st;
  if (anchor.has_date()) {
    st.has_anchor = true;
    st.anchor = anchor;
    st.anchor_days = text::days_from_civil(anchor.year, anchor.month, anchor.day);
  }
  std::vector<timex> out;
  std::vector<pending> ambiguous;
  std::vector<atom> atoms;
  atoms.reserve(512);
  bool unanchored = false;
  auto scan = [&](span block) {
    atomize(d.text, block.start, block.end, atoms);
    grammar g(d, atoms, st);
    uint32_t last_end = block.start;
    for (size_t i = 0; i < atoms.size();) {
      if (atoms[i].start < last_end || !can_open(atoms, i, d.text) || !g.worth(i)) {
        ++i;
        continue;
      }
      hit h = g.parse(i);
      if (!h.ok()) {
        ++i;
        continue;
      }
      span s = g.extent(h);
      if (s.start < last_end) s.start = atoms[h.begin].start;
      timex t;
      t.at = s;
      t.type = h.type;
      t.value = value_of(h);
      t.mod = std::string(h.mod);
      if (!st.has_anchor && t.value.find('X') != std::string::npos) unanchored = true;
      if (h.ambiguous_numeric) ambiguous.push_back({out.size(), h});
      remember(st, h);
      out.push_back(std::move(t));
      last_end = s.end;
      i = h.end;
    }
  };
  for (span b : d.header) scan(b);
  for (span p : d.paragraphs) scan(p);

  // 07/06/2022: unambiguous numeric dates decide, then the textual order.
  bool day_first = st.numeric_day_first != st.numeric_month_first
                       ? st.numeric_day_first > st.numeric_month_first
                       : st.day_first > st.month_first;
  if (day_first) {
    for (pending& p : ambiguous) {
      p.h.p.month = p.h.alt_month;
      p.h.p.day = p.h.alt_day;
      out[p.index].value = value_of(p.h);
    }
  }
  if (unanchored) {
    diagnostic w;
    w.code = "undated_article";
    w.message = "no publication or dateline date: relative dates were left unresolved";
    diags.push_back(std::move(w));
  }
  return out;
}

}  // namespace quoteline::time
