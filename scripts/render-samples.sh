#!/usr/bin/env bash
# Renders the five sample plans the way real corpora get them (../shared/tools/render-plan):
# LibreOffice .pdf/.docx/.doc, Chromium print-to-PDF (running header with date and title, footer
# with URL and page n/N), and both PDFs through `pdftotext -layout`. Output: fixtures/rendered/.
# Chromium PDFs over 1 MB (it embeds large font subsets) are not kept; their layout text is.
# Needs libreoffice-writer-nogui, chromium, poppler-utils, fonts-wqy-zenhei (render-plan installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
render=${RENDER_PLAN:-../shared/tools/render-plan}
out=fixtures/rendered
mkdir -p "$out"
# The title a browser prints in its running header is the page's title: the plan's own.
declare -A titles=(
  [000_a55dad31d5b2c431]="天津市蓟州区人民政府办公室关于转发天津市蓟州区“十三五”结核病防治规划等5个文件的通知"
  [001_308a46a949dc7d1f]="连云港市慢性病防治中长期规划（2018—2025年）"
  [002_11cdaf7be783ca84]="蓟州区卫生健康事业发展“十四五”规划"
  [003_dda57fd9192b6255]="天津市人民政府办公厅关于印发天津市遏制与防治艾滋病“十三五”行动计划的通知"
  [004_52bb338bf9d79d54]="东胜区慢性病综合防控示范区建设项目实施方案"
)
for f in fixtures/0*.txt; do
  stem=$(basename "${f%.txt}")
  "$render" "$f" "$out" --title "${titles[$stem]}" >/dev/null
done
find "$out" -name '*.cr.pdf' -size +1M -delete
ls -1 "$out"
