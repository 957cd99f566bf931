#!/usr/bin/env python3
"""Scores the native CLI's date expressions on the TempEval-3 training data.

Usage:
    tools/eval_timex.py [--cli build/bin/quoteline] [--data ../shared/data/timeml/train.jsonl]
                        [--min NAME=VALUE ...] [--errors N] [--keep DIR]

Writes one JSON Lines record {"id", "published": dct, "body": text} per gold
document, runs `quoteline analyze --input-format jsonl` once over the file,
and maps every system timex back to the gold text: the analysis offsets are
UTF-16 units into the normalized `text` (whitespace runs collapsed, line ends
unified), so the normalized text is aligned to the original by walking both
strings. The mapped timexes go to ../shared/tools/score_timex.py, whose
figures are printed first; then the same figures per gold type (DATE, TIME,
DURATION, SET: gold and system timexes of that type only) and the CLI's
throughput over the corpus text.

Exit status: the scorer's (1 when a --min floor is not met), 2 on bad input.
"""
import argparse
import importlib.util
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
TYPES = ("DATE", "TIME", "DURATION", "SET")



def is_gap(ch):
    """Characters the text stage collapses or replaces: whitespace, controls."""
    return ch.isspace() or ord(ch) < 0x20 or 0x7F <= ord(ch) < 0xA0 or ch == "\ufeff"


def align(norm, orig):
    """pos[i] = index in orig of norm[i]; pos[len(norm)] = len(orig).

    Walks both strings: equal characters pair up, a whitespace run in the
    normalized text swallows the whitespace run (and controls) in the
    original, and anything else the text stage changed is skipped forward to
    the next equal character (within a short window) or paired as a
    substitution."""
    pos = [0] * (len(norm) + 1)
    i = j = 0
    while i < len(norm):
        c = norm[i]
        if is_gap(c):
            while i < len(norm) and is_gap(norm[i]):
                pos[i] = j
                i += 1
            while j < len(orig) and is_gap(orig[j]):
                j += 1
            continue
        while j < len(orig) and is_gap(orig[j]):
            j += 1
        if j < len(orig) and orig[j] == c:
            pos[i] = j
            i += 1
            j += 1
            continue
        k = orig.find(c, j, j + 64)
        if k >= 0:
            j = k
            continue
        pos[i] = min(j, len(orig))
        i += 1
        j += 1
    pos[len(norm)] = len(orig)
    return pos


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_cli(cli, docs, keep):
    tmp = keep or tempfile.mkdtemp(prefix="eval_timex_")
    os.makedirs(tmp, exist_ok=True)
    src = os.path.join(tmp, "input.jsonl")
    with open(src, "w", encoding="utf-8") as f:
        for d in docs:
            rec = {"id": d["id"], "published": d.get("dct") or "", "body": d["text"]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    t0 = time.perf_counter()
    proc = subprocess.run([cli, "analyze", "--input-format", "jsonl", src],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr.decode("utf-8", "replace"))
        raise SystemExit("eval_timex: %s exited with %d" % (cli, proc.returncode))
    out = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines() if line.strip()]
    return out, elapsed, tmp


def map_back(gold, analysis):
    """System timexes of one analysis as offsets into the gold text."""
    norm, orig = analysis.get("text") or "", gold["text"]
    u16 = utf16_index(norm)
    pos = align(norm, orig)
    mapped = []
    for t in analysis.get("timexes") or []:
        s, e = u16[min(t["start"], len(u16) - 1)], u16[min(t["end"], len(u16) - 1)]
        if e <= s:
            continue
        start, end = pos[s], pos[e - 1] + 1
        mapped.append({"start": start, "end": end, "text": orig[start:end],
                       "type": t.get("type"), "value": t.get("value")})
    return mapped


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score_timex", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def per_type(scorer, gold, system):
    rows = []
    for ty in TYPES:
        g = [dict(r, timexes=[t for t in r["timexes"] if t["type"] == ty]) for r in gold]
        s = [dict(r, timexes=[t for t in r["timexes"] if t.get("type") == ty]) for r in system]
        res = scorer.score(g, s)
        rows.append((ty, res))
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cli", default=str(ROOT / "build" / "bin" / "quoteline"))
    ap.add_argument("--data", default=str(SHARED / "data" / "timeml" / "train.jsonl"))
    ap.add_argument("--scorer", default=str(SHARED / "tools" / "score_timex.py"))
    ap.add_argument("--min", action="append", default=[], metavar="NAME=VALUE")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print up to N error examples per kind (scorer's --errors)")
    ap.add_argument("--keep", metavar="DIR", help="keep the input and system files in DIR")
    args = ap.parse_args(argv)

    if not os.path.exists(args.data):
        raise SystemExit("eval_timex: no data at %s" % args.data)
    if not os.access(args.cli, os.X_OK):
        print("eval_timex: no CLI at %s (build it first)" % args.cli, file=sys.stderr)
        return 2
    gold = load(args.data)
    analyses, elapsed, tmp = run_cli(args.cli, gold, args.keep)
    by_id = {a.get("id"): a for a in analyses}
    system = []
    for g in gold:
        a = by_id.get(g["id"])
        system.append({"id": g["id"], "timexes": map_back(g, a) if a else []})
    sys_path = os.path.join(tmp, "system.jsonl")
    with open(sys_path, "w", encoding="utf-8") as f:
        for r in system:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    cmd = [sys.executable, args.scorer, args.data, sys_path]
    for m in args.min:
        cmd += ["--min", m]
    if args.errors:
        cmd += ["--errors", str(args.errors)]
    status = subprocess.call(cmd)

    scorer = load_scorer(args.scorer)
    print("\nper gold type (gold and system timexes of that type only):")
    print("%-9s %5s %5s %7s %7s %7s %7s" % ("type", "gold", "sys", "strict", "relaxed", "value",
                                          "val_acc"))
    for ty, r in per_type(scorer, gold, system):
        print("%-9s %5d %5d %7.2f %7.2f %7.2f %7.2f" % (
            ty, r["n_gold"], r["n_system"], 100 * r["strict_f1"], 100 * r["relaxed_f1"],
            100 * r["value_f1"], 100 * r["value_acc"]))
    size = sum(len(g["text"].encode("utf-8")) for g in gold)
    print("\nCLI: %d documents, %.2f MB of text in %.3f s (%.1f MB/s, process start included)"
          % (len(gold), size / 1e6, elapsed, size / 1e6 / elapsed if elapsed else 0.0))
    if not args.keep:
        for name in ("input.jsonl", "system.jsonl"):
            try:
                os.remove(os.path.join(tmp, name))
            except OSError:
                pass
        try:
            os.rmdir(tmp)
        except OSError:
            pass
    return status


if __name__ == "__main__":
    sys.exit(main())
