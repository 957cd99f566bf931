#!/usr/bin/env bash
# Speaker attribution on our own annotated articles (tests/corpus/attribution/,
# written for the project), against committed floors just below the measured
# figures: raise them as the scores rise; never lower them.
# Usage: tests/corpus/attribution.sh [CLI]   (default build/bin/quoteline)
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=${1:-build/bin/quoteline}
python3 tests/corpus/score_attribution.py --cli "$cli" \
  --min quote_f1=0.985 --min speaker_accuracy=0.89 --min speaker_precision=0.95 \
  --min kind_accuracy=0.98
