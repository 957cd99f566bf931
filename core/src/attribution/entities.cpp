#include "attribution/entities.h"

#include <algorithm>

#include "text/chars.h"
#include "text/utf8.h"

namespace quoteline::attribution {

namespace {

bool all_caps(std::string_view w) {
  if (w.size() < 2) return false;
  for (char ch : w)
    if (ch >= 'a' && ch <= 'z') return false;
  return true;
}

bool closing_mark(uint32_t c) {
  return c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == 0xBB || c == 0x203A;
}

// The role of an apposition that starts at token i ("the harbour master,"):
// it must end at a comma, a sentence end or the end of the stretch.
mention role_at(const tokens& tk, size_t i) {
  if (i >= tk.n || !tk.is_word(i, w_determiner)) return {};
  mention r = mention_after(tk, i, tk.n);
  if (r.kind != mention_kind::role) return {};
  size_t e = r.e;
  // "the chair of the committee", "a spokeswoman for the ministry"
  if (e + 1 < tk.n && tk.is_word(e) && (tk.has(e, w_of | w_for))) {
    size_t k = e + 1;
    while (k < tk.n && k < e + 6 && tk.is_word(k)) ++k;
    e = k;
  }
  // The apposition ends there ("the trust's chair and a granddaughter of").
  bool ends = e >= tk.n || tk.punct(e, ',') || tk.punct(e, '.') || tk.punct(e, ';') ||
              (tk.is_word(e) && text::iequals(tk.word(e), "and"));
  if (!ends) return {};
  r.e = e;
  r.at.end = tk.t[e - 1].at.end;
  return r;
}

}  // namespace

bool opens_sentence(std::string_view s, uint32_t pos, uint32_t para_start) {
  size_t k = pos;
  uint32_t c = text::prev_visible(s, k, para_start);
  if (c == 0 || c == '.' || c == '!' || c == '?' || c == ':') return true;
  if (!closing_mark(c)) return false;
  // a quote that ended its sentence: "We won." Families cheered.
  if (k <= para_start) return true;
  uint32_t before = text::prev_cp(s, k);
  return before == '.' || before == '!' || before == '?';
}

span bare_role(const tokens& tk, const mention& role) {
  size_t b = role.b;
  if (b < role.e && tk.is_word(b, w_determiner)) ++b;
  if (b >= role.e) return role.at;
  return {tk.t[b].at.start, role.at.end};
}

cast_note read_cast(const tokens& tk, const mention& m, uint32_t para_start) {
  cast_note c;
  // ", which operates the van": a thing; ", who": a person.
  if (m.e + 1 < tk.n && tk.punct(m.e, ',') && tk.is_word(m.e + 1)) {
    if (text::iequals(tk.word(m.e + 1), "which")) c.kind = 'o';
    if (text::iequals(tk.word(m.e + 1), "who")) c.kind = 'p';
  }
  // After the name: ", the harbour master," / ", her sister," (after an
  // age: "Leila Haddad, 29, the elder of the two")
  size_t after = m.e;
  if (after + 2 < tk.n && tk.punct(after, ',') && tk.t[after + 1].is(text::tok_number) &&
      tk.punct(after + 2, ',')) {
    std::string_view a = tk.word(after + 1);
    if (a.size() <= 3 && a.find_first_not_of("0123456789") == std::string_view::npos) {
      int n = 0;
      for (char ch : a) n = n * 10 + (ch - '0');
      c.age = static_cast<uint8_t>(std::min(n, 255));
      after += 2;
    }
  }
  if (after + 2 < tk.n && tk.punct(after, ',') && tk.is_word(after + 1, w_the))
    c.gen = generation_word(tk.word(after + 2));
  if (after + 1 < tk.n && tk.punct(after, ',')) {
    mention r = role_at(tk, after + 1);
    if (r.kind == mention_kind::role && r.org)
      c.kind = 'o';  // "Corvane Foods, the Minneapolis-based company,"
    if (r.kind == mention_kind::role) c.role = bare_role(tk, r), c.gender = r.gender;
  }
  // Before it: "the harbour master, Jane Doe," (the name closed by a comma
  // or the sentence end, so "the mayor, Lee and Reyes" is no apposition).
  // ("the inquiry's chair, the retired judge Oluwaseun Adebayo,")
  size_t b = m.b > 0 && tk.is_word(m.b - 1, w_determiner) ? m.b - 1 : m.b;
  // With a role after the name as well, this one is its second role.
  if (b >= 2 && tk.punct(b - 1, ',') && (m.e >= tk.n || tk.punct(m.e, ',') || tk.punct(m.e, '.'))) {
    mention r = mention_before(tk, 0, b - 1);
    if (r.kind == mention_kind::role && r.e == b - 1) {
      if (r.org && c.role.empty()) c.kind = 'o';  // "The tram operator, Krakowskie Linie Szynowe,"
      if (c.role.empty())
        c.role = bare_role(tk, r), c.gender = r.gender;
      else if (!r.org)
        c.also = bare_role(tk, r), c.gender = c.gender ? c.gender : r.gender;
    }
  }
  // A lone capitalized word opening a sentence, with no title and no known
  // given name, may be any word: "Families have waited long enough".
  if (m.title.empty() && m.e == m.b + 1 && opens_sentence(tk.s, tk.t[m.b].at.start, para_start) &&
      !given_gender(tk, m.b))
    c.weak = true;
  // A lone word in capitals is a label or an acronym ("BST", "HEARTBROKEN").
  if (m.title.empty() && m.e == m.b + 1 && all_caps(tk.word(m.b))) c.weak = true;
  return c;
}

}  // namespace quoteline::attribution
