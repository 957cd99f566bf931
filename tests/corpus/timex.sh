#!/usr/bin/env bash
# Date expressions on the TempEval-3 training data (TimeBank + AQUAINT), against
# committed floors just below the measured figures (raise them as the scores
# rise; never lower them).
# Usage: tests/corpus/timex.sh [CLI]   (default build/bin/quoteline)
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=${1:-build/bin/quoteline}
data=../shared/data/timeml/train.jsonl
if [ ! -f "$data" ] || [ ! -f ../shared/tools/score_timex.py ]; then
  echo "timex corpus: skipped (../shared/data is not here)"
  exit 0
fi
python3 tools/eval_timex.py --cli "$cli" --data "$data" \
  --min value_f1=0.80 --min relaxed_f1=0.935 --min strict_f1=0.87
