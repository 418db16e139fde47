#!/usr/bin/env bash
# Renders the plans written in other provinces' styles (fixtures/styles/) the way real corpora get
# them (../shared/tools/render-plan): LibreOffice .pdf/.docx/.doc, Chromium print-to-PDF (running
# header with date and title, footer with URL and page n/N), and both PDFs through
# `pdftotext -layout`. Output: fixtures/rendered/. Chromium PDFs over 1 MB are not kept; their
# layout text is. An HTML source prints its own <title> in Chromium's header; a text source gets
# the plan's title here. Needs libreoffice-writer-nogui, chromium, poppler-utils, fonts-wqy-zenhei
# (render-plan installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
render=${RENDER_PLAN:-../shared/tools/render-plan}
out=fixtures/rendered
mkdir -p "$out"
declare -A titles=(
  [province-5yr]="四川省“十四五”卫生健康发展规划"
  [county-notice]="平昌县人民政府办公室关于印发慢性病综合防控三年行动实施方案的通知"
  [city-web]="宜宾市卫生健康委员会关于印发宜宾市精神卫生和心理健康服务体系建设工作方案的通知"
  [national-plan]="全国结核病防治规划（2021—2025年）"
  [district-duty]="绵阳市涪城区将健康融入所有政策工作实施方案（2023—2025年）"
  [city-mental]="湖州市精神卫生和心理健康促进行动计划（2021—2025年）"
  [county-tb]="商水县遏制结核病流行行动实施方案（2024—2027年）"
  [city-tcm]="江门市中医药发展“十四五”规划"
  [province-action]="甘肃省健康行动实施方案（2023—2030年）"
  [county-hiv]="宁县遏制艾滋病传播实施方案（2023—2025年）"
)
for stem in province-5yr county-notice city-web national-plan district-duty city-mental county-tb city-tcm province-action county-hiv; do
  src=fixtures/styles/$stem.html
  [[ -f $src ]] || src=fixtures/styles/$stem.txt
  "$render" "$src" "$out" --title "${titles[$stem]}" >/dev/null
done
find "$out" -name '*.cr.pdf' -size +1M -delete
for stem in "${!titles[@]}"; do ls -1 "$out/$stem".*; done
