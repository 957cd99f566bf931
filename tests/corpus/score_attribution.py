#!/usr/bin/env python3
"""Scores speaker attribution on the project's own annotated articles.

Usage:
    tests/corpus/score_attribution.py [--cli build/bin/quoteline] [--dir DIR]
                                      [--only PREFIX] [--min NAME=VALUE ...]
                                      [--errors N] [--check [PREFIX]]

Each article in tests/corpus/attribution/ is STEM.txt (wire or plain text) or
STEM.json (a JSON article, often with an HTML body) beside STEM.gold.json:
    {"style", "covers": [...], "aliases": {name: [forms]},
     "quotes": [{"text", "speaker": str|null, "cue", "kind"}]}
Every gold `text` is found in the analysis `text`, in order (so a repeated
quote is the next occurrence); a system quote matches the gold quote it
overlaps most when the overlap covers at least half of the longer of the two
(one to one, in text order). Indirect system quotes are not scored.

Figures:
    quote P/R/F1      system direct+partial quotes against the gold quotes
    speaker accuracy  gold quotes with a speaker whose matched system quote
                      names that speaker (a missed quote is wrong)
    speaker precision matched system quotes with a name that is right (a
                      name on a quote whose gold speaker is null is wrong)
    per cue           speaker accuracy by the gold cue
    kind accuracy     matched quotes whose kind (direct/partial) agrees
Names match after case folding, dropping a leading the/a/an, an honorific and
a possessive: the gold name itself or one of its listed aliases, never a bare
part of it (two people may share a surname).

--check validates the gold files (fields, vocabulary, every text found).
--min NAME=VALUE fails (exit 1) when a figure is below VALUE; names are
quote_f1, speaker_accuracy, speaker_precision, kind_accuracy.
The last line is "N passed, N failed" over the floors.
"""
import argparse
import collections
import json
import os
import pathlib
import re
import subprocess
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from offsets import utf16_index  # noqa: E402

CUES = {"explicit", "role", "pronoun", "according-to", "quoted-as-saying", "statement",
        "colon", "previous", "interview"}
KINDS = {"direct", "partial"}
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "prof", "rev"}


def norm_name(s):
    s = unicodedata.normalize("NFKC", s).replace("\u2019", "'").lower().strip()
    s = re.sub(r"'s$", "", s)
    words = [w.strip(".,;:") for w in s.split()]
    words = [w for w in words if w]
    if words and words[0] in ("the", "a", "an"):
        words = words[1:]
    if words and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def name_ok(gold, system, aliases):
    if not gold or not system:
        return False
    s = norm_name(system)
    return s == norm_name(gold) or s in {norm_name(a) for a in aliases.get(gold, [])}


def articles(folder, prefix=None):
    out = []
    for gold in sorted(pathlib.Path(folder).glob("*.gold.json")):
        stem = gold.name[: -len(".gold.json")]
        if prefix and not stem.startswith(prefix):
            continue
        for ext, fmt in ((".txt", "text"), (".json", "json")):
            src = gold.with_name(stem + ext)
            if src.exists():
                out.append((stem, src, fmt, gold))
                break
        else:
            out.append((stem, None, None, gold))
    return out


def analyse(cli, src, fmt):
    p = subprocess.run([cli, "analyze", "--input-format", fmt, str(src)],
                       capture_output=True, text=True, encoding="utf-8")
    if p.returncode not in (0, 1) or not p.stdout.strip():
        raise RuntimeError(f"{src.name}: the CLI failed ({p.returncode}): {p.stderr[:200]}")
    return json.loads(p.stdout)


def locate(text, quotes):
    """[(start, end) or None] of each gold quote, found in order."""
    at, spans = 0, []
    for q in quotes:
        k = text.find(q["text"], at)
        if k < 0:
            k = text.find(q["text"])  # out of order: still placed, but reported
            spans.append(None if k < 0 else (k, k + len(q["text"]), "order"))
            continue
        spans.append((k, k + len(q["text"])))
        at = k + len(q["text"])
    return spans


def match(gold_spans, sys_spans):
    """Pairs (gold index, system index), one to one, best overlap first."""
    cands = []
    for gi, g in enumerate(gold_spans):
        if not g:
            continue
        for si, s in enumerate(sys_spans):
            ov = min(g[1], s[1]) - max(g[0], s[0])
            if ov > 0 and ov * 2 >= max(g[1] - g[0], s[1] - s[0]):
                cands.append((-ov, gi, si))
    cands.sort()
    used_g, used_s, pairs = set(), set(), {}
    for _, gi, si in cands:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi), used_s.add(si)
        pairs[gi] = si
    return pairs


def check(items, cli):
    problems = 0
    have_cli = os.path.exists(cli)
    if not have_cli:
        print(f"check: {cli} is missing; texts are looked up in the raw .txt files only")
    for stem, src, fmt, gold in items:
        def bad(msg):
            nonlocal problems
            problems += 1
            print(f"{stem}: {msg}")
        if src is None:
            bad("no STEM.txt or STEM.json beside the gold file")
            continue
        try:
            g = json.loads(gold.read_text(encoding="utf-8"))
        except ValueError as e:
            bad(f"gold is not JSON: {e}")
            continue
        qs = g.get("quotes")
        if not isinstance(qs, list) or not qs:
            bad("gold has no quotes list")
            continue
        for i, q in enumerate(qs):
            if not isinstance(q.get("text"), str) or not q["text"]:
                bad(f"quote {i}: no text")
            if q.get("speaker") is not None and not isinstance(q.get("speaker"), str):
                bad(f"quote {i}: speaker must be a string or null")
            if q.get("cue") not in CUES:
                bad(f"quote {i}: cue {q.get('cue')!r} is not one of {sorted(CUES)}")
            if q.get("kind") not in KINDS:
                bad(f"quote {i}: kind {q.get('kind')!r} is not direct or partial")
        if not isinstance(g.get("aliases", {}), dict):
            bad("aliases must be an object")
        if have_cli:
            text = analyse(cli, src, fmt)["text"]
        elif fmt == "text":
            text = src.read_text(encoding="utf-8")
        else:
            continue
        for i, (q, sp) in enumerate(zip(qs, locate(text, [q for q in qs if q.get("text")]))):
            if sp is None:
                bad(f"quote {i}: text not found in the analysed text: {q['text'][:60]!r}")
            elif len(sp) == 3:
                bad(f"quote {i}: text found out of order: {q['text'][:60]!r}")
    n = sum(len(json.loads(g.read_text(encoding="utf-8")).get("quotes", []))
            for _, _, _, g in items if g.exists())
    print(f"check: {len(items)} articles, {n} gold quotes, {problems} problems")
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default=str(ROOT / "build" / "bin" / "quoteline"))
    ap.add_argument("--dir", default=str(ROOT / "tests" / "corpus" / "attribution"))
    ap.add_argument("--only", default=None, help="articles whose stem starts with this")
    ap.add_argument("--min", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--check", nargs="?", const="", default=None, metavar="PREFIX")
    a = ap.parse_args()

    if a.check is not None:
        return check(articles(a.dir, a.check or a.only), a.cli)

    items = articles(a.dir, a.only)
    if not os.path.exists(a.cli):
        sys.exit(f"score_attribution: {a.cli} is missing (make build)")
    tot = collections.Counter()
    per_cue = collections.defaultdict(lambda: [0, 0])
    sys_cues = collections.defaultdict(lambda: [0, 0])  # system cue -> [right, named]
    errors = []
    for stem, src, fmt, gold_path in items:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        aliases = gold.get("aliases", {})
        an = analyse(a.cli, src, fmt)
        text = an["text"]
        idx = utf16_index(text)
        gq = gold["quotes"]
        gspans = [s[:2] if s else None for s in locate(text, gq)]
        sq = [q for q in an["quotes"] if q.get("kind") != "indirect"]
        sspans = [(idx[q["start"]], idx[q["end"]]) for q in sq]
        pairs = match(gspans, sspans)
        tot["articles"] += 1
        tot["gold"] += len(gq)
        tot["system"] += len(sq)
        tot["matched"] += len(pairs)
        matched_sys = set(pairs.values())
        for si, q in enumerate(sq):
            if si not in matched_sys and q.get("speaker"):
                tot["named_unmatched"] += 1
        for gi, g in enumerate(gq):
            si = pairs.get(gi)
            s = sq[si] if si is not None else None
            sname = s.get("speaker") if s else None
            if s is not None:
                tot["kind_n"] += 1
                tot["kind_ok"] += int(s.get("kind") == g["kind"])
                if s.get("kind") != g["kind"] and len(errors) < 10000:
                    errors.append(("kind", stem, g, s))
            if g.get("speaker"):
                tot["with_speaker"] += 1
                ok = name_ok(g["speaker"], sname, aliases)
                tot["acc_ok"] += int(ok)
                per_cue[g["cue"]][1] += 1
                per_cue[g["cue"]][0] += int(ok)
                if not ok:
                    errors.append(("speaker", stem, g, s))
            if sname:
                right = name_ok(g.get("speaker"), sname, aliases)
                tot["named"] += 1
                tot["named_ok"] += int(right)
                c = sys_cues[s.get("cue") or "none"]
                c[1] += 1
                c[0] += int(right)

    def ratio(x, y):
        return x / y if y else 0.0
    p, r = ratio(tot["matched"], tot["system"]), ratio(tot["matched"], tot["gold"])
    fig = {
        "quote_precision": p, "quote_recall": r,
        "quote_f1": ratio(2 * p * r, p + r),
        "speaker_accuracy": ratio(tot["acc_ok"], tot["with_speaker"]),
        "speaker_precision": ratio(tot["named_ok"], tot["named"]),
        "kind_accuracy": ratio(tot["kind_ok"], tot["kind_n"]),
    }
    print(f"attribution corpus: {tot['articles']} articles, {tot['gold']} gold quotes "
          f"({tot['with_speaker']} with a speaker), {tot['system']} system quotes")
    print(f"  quotes      P {fig['quote_precision']:.4f}  R {fig['quote_recall']:.4f}  "
          f"F1 {fig['quote_f1']:.4f}")
    print(f"  speaker accuracy  {fig['speaker_accuracy']:.4f}  ({tot['acc_ok']}/{tot['with_speaker']})")
    print(f"  speaker precision {fig['speaker_precision']:.4f}  ({tot['named_ok']}/{tot['named']} "
          f"named matched quotes; {tot['named_unmatched']} names on unmatched quotes)")
    print(f"  kind accuracy     {fig['kind_accuracy']:.4f}  ({tot['kind_ok']}/{tot['kind_n']})")
    print("  speaker accuracy by gold cue:")
    for cue, (ok, n) in sorted(per_cue.items(), key=lambda kv: -kv[1][1]):
        print(f"    {cue:18s} {ratio(ok, n):.4f}  ({ok}/{n})")
    print("  speaker precision by system cue:")
    for cue, (ok, n) in sorted(sys_cues.items(), key=lambda kv: -kv[1][1]):
        print(f"    {cue:18s} {ratio(ok, n):.4f}  ({ok}/{n})")
    shown = 0
    for what, stem, g, s in errors:
        if shown >= a.errors:
            break
        shown += 1
        got = f"{s.get('speaker')!r} ({s.get('cue')}, {s.get('kind')})" if s else "missed"
        print(f"  [{what}] {stem}: {g['text'][:70]!r} gold={g.get('speaker')!r} "
              f"({g['cue']}, {g['kind']}) system={got}")
    passed = failed = 0
    for m in a.min:
        name, _, v = m.partition("=")
        if name not in fig:
            sys.exit(f"score_attribution: unknown figure {name!r}")
        if fig[name] + 1e-9 >= float(v):
            passed += 1
        else:
            failed += 1
            print(f"  FLOOR: {name} {fig[name]:.4f} < {float(v):.4f}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
