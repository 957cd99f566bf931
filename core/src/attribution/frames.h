// Speech frames: how the writer's words around a quote name who speaks.
// A frame is read from the tokens before or after the quote, nearest first:
//   after   "...," said X / X said / X quoted Y as saying / according to X
//           / -- X (a signature)
//   closing "..." under that law, X said.  (the cue ends the sentence)
//   passive was described as "..." by the parks department
//   before  X said: / X told reporters that / X, calling it / according to X,
// Each answer is an `act`: the mention, the verb and the cue it shows; the
// sieves decide later which entity the mention is.
#pragma once

#include "attribution/cues.h"

namespace quoteline::attribution {

// A "speech act" in a token range: a mention next to a speech verb.
struct act {
  mention who;
  size_t verb_at = 0;  // token index of the verb
  verb kind = verb::none;
  enum cue cue = cue::explicit_verb;
  bool found() const { return who.kind != mention_kind::none; }
};

// The attribution at the start of tk[begin, end): ", said X" / ", X said" /
// "X quoted Y as saying" / "according to X"; `strict` demands that it start
// right at `begin` (after punctuation), as it must after a closing mark.
act act_after(const tokens& tk, size_t begin, size_t end);
// The last attribution in tk[begin, end) whose verb reaches the end: "X said:",
// "X told reporters that", "according to X,".
// A partial quote may sit further into the reported clause.
act act_before(const tokens& tk, size_t begin, size_t end, bool partial = false);

// The attribution that closes the sentence after some of the writer's own
// words: ""A scandal" under that law, Reyes said." (the cue follows the last
// comma and nothing but the sentence end follows it).
act act_closing(const tokens& tk, size_t begin, size_t end);
// The agent of a passive speech verb: the lead holds "was described as" (a
// form of be, then a speech verb) and the tail opens with "by X".
act act_passive(const tokens& lead, const tokens& tail);

// Who issued the last statement tk mentions: the subject of "The company
// said in a statement that ...", "Corvane issued a statement": a name, or
// an organisation's role; none when a person or a pronoun is the subject.
mention statement_issuer(const tokens& tk);

}  // namespace quoteline::attribution
