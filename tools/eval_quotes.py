#!/usr/bin/env python3
"""Scores the native CLI's quotes and speakers on a PolNeAR split.

Usage:
    tools/eval_quotes.py [--cli build/bin/quoteline] [--split valid|train]
                         [--data ../shared/data/polnear] [--min NAME=VALUE ...]
                         [--errors N] [--keep DIR]

Groups the gold paragraphs by article (`doc`), joins each article's paragraphs
with a blank line into one JSON Lines record {"id": doc, "body": ...} (the JSON
shape makes the whole body the text: no headline or dateline guessing), runs
`quoteline analyze --input-format jsonl` once over the whole file, maps every
system quote back to the paragraph it falls in (the analysis `paragraphs`
spans are UTF-16 offsets into `text`), and scores the paragraph records with
../shared/tools/score_quotes.py --kinds direct. Prints the scorer's figures,
the accuracy of each attribution cue (own computation, same speaker match as
the scorer), and the CLI's throughput over the split's text.

Exit status: the scorer's (1 when a --min floor is not met), 2 on bad input.
"""
import argparse
import collections
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tools"))
from offsets import utf16_index  # noqa: E402



def load_gold(path):
    docs = collections.OrderedDict()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                docs.setdefault(r["doc"], []).append(r)
    for paras in docs.values():
        paras.sort(key=lambda r: r["para"])
    return docs


def run_cli(cli, docs, keep):
    tmp = tempfile.mkdtemp(prefix="eval_quotes_") if not keep else keep
    os.makedirs(tmp, exist_ok=True)
    src = os.path.join(tmp, "articles.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for doc, paras in docs.items():
            body = "\n\n".join(p["text"] for p in paras)
            f.write(json.dumps({"id": doc, "body": body}, ensure_ascii=False) + "\n")
    size = os.path.getsize(src)
    t0 = time.perf_counter()
    proc = subprocess.run([cli, "analyze", "--input-format", "jsonl", src],
                          capture_output=True, text=True, encoding="utf-8")
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"eval_quotes: the CLI failed ({proc.returncode}): {proc.stdout[:300]}"
                 f"{proc.stderr[:300]}")
    analyses = [json.loads(l) for l in proc.stdout.splitlines() if l.strip()]
    return analyses, size, elapsed, tmp


def system_records(docs, analyses):
    """Paragraph-level system records, plus (cue, gold-matchable) info per quote."""
    records = []
    by_id = {a.get("id"): a for a in analyses}
    for doc, paras in docs.items():
        a = by_id.get(doc)
        per_para = {p["id"]: [] for p in paras}
        if a and "text" in a:
            text = a["text"]
            idx = utf16_index(text)
            spans = [(idx[p["start"]], idx[p["end"]]) for p in a.get("paragraphs", [])]
            # The text stage keeps paragraphs as printed; blank paragraphs vanish, so
            # pair the analysis paragraphs with the non-blank gold ones in order.
            gold_ids = [p["id"] for p in paras if p["text"].strip()]
            for q in a.get("quotes", []):
                qs, qe = idx[q["start"]], idx[q["end"]]
                k = next((i for i, (s, e) in enumerate(spans) if s <= qs <= e), None)
                if k is None or k >= len(gold_ids):
                    continue
                ps = spans[k][0]
                per_para[gold_ids[k]].append({
                    "text": text[qs:qe], "speaker": q.get("speaker"), "kind": q.get("kind"),
                    "cue": q.get("cue"), "start": qs - ps, "end": qe - ps})
        for p in paras:
            records.append({"id": p["id"], "quotes": per_para[p["id"]]})
    return records


def per_cue(gold_path, records, scorer):
    """Attribution accuracy per cue over matched pairs with a gold speaker."""
    gold = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                gold[r["id"]] = r
    stats = collections.defaultdict(lambda: [0, 0])
    for r in records:
        sq = [q for q in r["quotes"] if q.get("kind") == "direct"]
        gq = gold[r["id"]]["quotes"]
        if not sq or not gq:
            continue
        for gi, si, _, _ in scorer.match_quotes(gq, sq):
            if not gq[gi].get("speaker"):
                continue
            cue = sq[si].get("cue") or "none"
            stats[cue][1] += 1
            stats[cue][0] += int(scorer.speaker_match(gq[gi]["speaker"], sq[si].get("speaker")))
    return stats


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cli", default=str(ROOT / "build" / "bin" / "quoteline"))
    ap.add_argument("--split", default="valid")
    ap.add_argument("--data", default=str(SHARED / "data" / "polnear"))
    ap.add_argument("--min", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--keep", default=None, help="folder to keep the intermediate files in")
    a = ap.parse_args()

    gold_path = os.path.join(a.data, f"{a.split}.jsonl")
    scorer_path = SHARED / "tools" / "score_quotes.py"
    if not os.path.exists(gold_path) or not scorer_path.exists():
        print(f"eval_quotes: skipped ({gold_path} or the scorer is missing)")
        return 0
    sys.path.insert(0, str(scorer_path.parent))
    import score_quotes  # noqa: E402  (the shared scorer, stdlib only)

    docs = load_gold(gold_path)
    analyses, size, elapsed, tmp = run_cli(a.cli, docs, a.keep)
    records = system_records(docs, analyses)
    sys_path = os.path.join(tmp, "system.jsonl")
    with open(sys_path, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    cmd = [sys.executable, str(scorer_path), gold_path, sys_path, "--kinds", "direct"]
    for m in a.min:
        cmd += ["--min", m]
    if a.errors:
        cmd += ["--errors", str(a.errors)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    lines = proc.stdout.rstrip("\n").split("\n")
    print(f"PolNeAR {a.split}: {len(docs)} articles")
    print("\n".join(lines[:-1]))
    sys.stderr.write(proc.stderr)

    print("attribution accuracy per cue (matched direct quotes with a gold speaker):")
    for cue, (ok, n) in sorted(per_cue(gold_path, records, score_quotes).items(),
                               key=lambda kv: -kv[1][1]):
        print(f"  {cue:18s} {ok / n:.4f}  ({ok}/{n})")
    kinds = collections.Counter(q.get("kind") for r in records for q in r["quotes"])
    print("system quotes by kind: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"CLI end to end: {size / 1e6:.2f} MB in {elapsed:.2f} s = {size / 1e6 / elapsed:.1f} MB/s "
          "(process start, JSON in and out included)")
    print(lines[-1])
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
