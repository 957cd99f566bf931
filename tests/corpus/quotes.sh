#!/usr/bin/env bash
# Quote extraction and attribution on PolNeAR valid, against committed floors
# just below the measured figures (raise them as the scores rise; never lower).
# Usage: tests/corpus/quotes.sh [CLI]   (default build/bin/quoteline)
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=${1:-build/bin/quoteline}
data=../shared/data/polnear
if [ ! -f "$data/valid.jsonl" ] || [ ! -f ../shared/tools/score_quotes.py ]; then
  echo "quotes corpus: skipped (../shared/data is not here)"
  exit 0
fi
python3 tools/eval_quotes.py --cli "$cli" --split valid \
  --min extraction_partial_f1=0.936 --min attribution_acc=0.93
