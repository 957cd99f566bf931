#include "time/atoms.h"

#include "text/chars.h"
#include "text/tokens.h"
#include "text/utf8.h"

namespace quoteline::time {

namespace {

void parse_number(std::string_view s, atom& a) {
  int64_t v = 0;
  int digits = 0, groups = 0;
  char sep = 0;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      if (sep == 0) ++digits;
      v = v * 10 + (c - '0');
      if (v > 100000000) v = 100000000;
      ++groups;
      continue;
    }
    if (sep == 0 || sep == c) {
      if (sep == 0 && (c == ':' || c == '.')) {
        a.num = int32_t(v);
        v = 0;
      }
      sep = c;
    } else {
      sep = '?';
    }
  }
  a.digits = uint8_t(digits > 255 ? 255 : digits);
  if (sep == 0) {
    a.shape = n_plain;
    a.num = int32_t(v);
  } else if (sep == ':') {
    a.shape = n_clock;
    a.minutes = s.size() - size_t(digits) - 1 == 2 ? int32_t(v) : -1;
  } else if (sep == '.') {
    a.shape = n_decimal;
    a.minutes = s.size() - size_t(digits) - 1 == 2 ? int32_t(v) : -1;
  } else if (sep == ',') {
    a.shape = n_grouped;
    a.num = int32_t(v);
  } else {
    a.shape = n_grouped;
    a.num = -1;
  }
}

// Looks a word up, also without a possessive 's.
void read_word(std::string_view text, atom& a) {
  std::string_view w = text.substr(a.start, a.end - a.start);
  a.info = lookup(w);
  if (a.info) return;
  size_t n = w.size();
  if (n > 2 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] == '\'') {
    a.info = lookup(w.substr(0, n - 2));
    a.flags |= af_possessive;
  } else if (n > 4 && (w[n - 1] == 's' || w[n - 1] == 'S') &&
             w.substr(n - 4, 3) == "\xE2\x80\x99") {  // U+2019 's
    a.info = lookup(w.substr(0, n - 4));
    a.flags |= af_possessive;
  }
}

}  // namespace

void atomize(std::string_view text, uint32_t start, uint32_t end, std::vector<atom>& out) {
  out.clear();
  std::vector<text::token> toks = text::tokenize(text, span{start, end});
  uint32_t prev_end = 0;
  bool pending_hyphen = false;
  for (size_t t = 0; t < toks.size(); ++t) {
    const text::token& tk = toks[t];
    bool glued = !out.empty() && tk.at.start == prev_end;
    if (tk.is(text::tok_punct)) {
      uint32_t cp;
      size_t i = tk.at.start;
      cp = text::next_cp(text, i);
      // A hyphen between two glued atoms joins them ("36-hour", "2024-11-03").
      if (cp == '-' && glued && t + 1 < toks.size() && toks[t + 1].at.start == tk.at.end &&
          !toks[t + 1].is(text::tok_punct)) {
        pending_hyphen = true;
        prev_end = tk.at.end;
        continue;
      }
      atom a;
      a.start = tk.at.start;
      a.end = tk.at.end;
      a.kind = a_punct;
      a.ch = cp < 0x80 ? char(cp) : (cp == 0x2019 || cp == 0x2018) ? '\'' : '\x01';
      if (glued) a.flags |= af_glued;
      if (a.ch == '.' && glued && !out.empty() && out.back().kind == a_word)
        out.back().flags |= af_period;
      a.word_start = a.start;
      a.word_end = a.end;
      out.push_back(a);
      prev_end = tk.at.end;
      continue;
    }
    uint32_t word_start = pending_hyphen && !out.empty() ? out.back().word_start : tk.at.start;
    if (tk.is(text::tok_number)) {
      atom a;
      a.start = tk.at.start;
      a.end = tk.at.end;
      a.kind = a_number;
      if (glued) a.flags |= af_glued;
      if (pending_hyphen) a.flags |= af_hyphen | af_glued;
      parse_number(text.substr(a.start, a.end - a.start), a);
      a.word_start = word_start;
      out.push_back(a);
    } else {
      // Split a word at its inner hyphens.
      uint32_t s = tk.at.start;
      bool first = true;
      for (uint32_t i = tk.at.start; i <= tk.at.end; ++i) {
        if (i < tk.at.end && text[i] != '-') continue;
        atom a;
        a.start = s;
        a.end = i;
        a.kind = a_word;
        if (first ? glued : true) a.flags |= af_glued;
        if (!first || pending_hyphen) a.flags |= af_hyphen | af_glued;
        unsigned char c0 = static_cast<unsigned char>(text[s]);
        if ((c0 >= 'A' && c0 <= 'Z') || (first && tk.is(text::tok_upper))) a.flags |= af_upper;
        read_word(text, a);
        a.word_start = word_start;
        out.push_back(a);
        first = false;
        s = i + 1;
      }
    }
    pending_hyphen = false;
    prev_end = tk.at.end;
  }
  // Whole-word ends, so a match inside "five-year-old" can widen to the word.
  for (size_t i = out.size(); i-- > 0;) {
    bool joined = i + 1 < out.size() && out[i + 1].is(af_hyphen);
    out[i].word_end = joined ? out[i + 1].word_end : out[i].end;
  }
}

}  // namespace quoteline::time
