// The article's cast: what the writer's words around a name say about the
// person or organisation it names, read for every name the cast reads before
// any quote is attributed (context::read_names walks the paragraphs that
// lead up to each quote).
//   - an apposition gives a role: "Jane Doe, the harbour master," and "the
//     harbour master, Jane Doe," (and "his sister, Maria," a gender);
//   - gender comes from titles and kinship nouns ("Mrs", "her father Tom"),
//     else from the given-name list, the weakest signal;
//   - a lone capitalized word that opens a sentence ("Families have waited")
//     is only a name when the article names it elsewhere: it is `weak`.
#pragma once

#include <cstdint>
#include <string_view>

#include "attribution/cues.h"

namespace quoteline::attribution {

struct cast_note {
  span role;        // the role phrase of an apposition, without its article
  span also;        // a second one, before the name ("his son, Nikos Vlahos, the manager,")
  uint8_t age = 0;  // "Leila Haddad, 29," (0: not given)
  char gen = 0;     // 'e' or 'y': "the elder of the two", "the youngest"
  char gender = 0;  // 'm', 'f' or 0, from the apposition's head
  bool weak = false;
  char kind = 0;  // 'o' after ", which", 'p' after ", who", else 0
};

// What tk says around the name mention m (tokens [m.b, m.e) of tk).
cast_note read_cast(const tokens& tk, const mention& m, uint32_t para_start);

// Whether text s at pos opens a sentence: the paragraph start, or after a
// sentence end (also one closed by a quotation mark).
bool opens_sentence(std::string_view s, uint32_t pos, uint32_t para_start);

// A role phrase without its leading article or possessive ("the harbour
// master" -> "harbour master", "his sister" -> "sister").
span bare_role(const tokens& tk, const mention& role);

}  // namespace quoteline::attribution
