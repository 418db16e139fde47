#!/usr/bin/env bash
# Makes the fixtures of the PDF/DOCX/DOC readers with real tools.
# fixtures/formats/ (part of the corpus `plans check fixtures` runs on):
#   numbered-table-plan.fodt (written by hand: Word list numbering 一、/（一）/1．, an indicator
#   table with a row span and a column span, a duty table, a page header and footer, a footnote)
#   → numbered-table-plan.docx / .pdf by LibreOffice.
# test/fixtures-read/ (inputs of the reader tests that are not clean corpus files):
#   numbered-table-plan.doc by LibreOffice (Word 97 keeps column spans where word-extractor does
#   not read them, so its column-spanned row has a cell less: rightly a PLN502 error);
#   encrypted.pdf: the PDF with a user password (qpdf);
#   scanned.pdf: an image of its first page as a PDF without text layer (pdftoppm, LibreOffice);
#   hundred-pages.pdf: 100 pages of a rendered sample (qpdf), for npm run bench.
# Needs libreoffice-writer-nogui, poppler-utils, qpdf (apt-get install -y qpdf). Commit what it makes.
set -euo pipefail
cd "$(dirname "$0")/../fixtures/formats"
tests=../../test/fixtures-read
mkdir -p "$tests"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for ext in docx doc pdf; do
  soffice --headless --convert-to "$ext" --outdir "$work" numbered-table-plan.fodt >/dev/null 2>&1
done
cp "$work/numbered-table-plan.docx" "$work/numbered-table-plan.pdf" .
cp "$work/numbered-table-plan.doc" "$tests/"
# The numbering must be Word's own (numbering.xml), not typed text.
unzip -p numbered-table-plan.docx word/numbering.xml | grep -q 'w:lvlText w:val="（%2）"'
! unzip -p numbered-table-plan.docx word/document.xml | grep -q '（一）'
qpdf --encrypt secret-user secret-owner 256 -- numbered-table-plan.pdf "$tests/encrypted.pdf"
pdftoppm -png -r 40 -f 1 -l 1 numbered-table-plan.pdf "$work/scan"
# A Writer page holding only that image (LibreOffice's Writer converts it; Draw is not needed).
cat > "$work/scanned.fodt" <<FODT
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
  xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
  xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3"
  office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text><text:p>
  <draw:frame svg:width="16cm" svg:height="22cm" text:anchor-type="as-char"><draw:image>
  <office:binary-data>$(base64 -w0 "$work/scan-1.png")</office:binary-data></draw:image></draw:frame>
  </text:p></office:text></office:body></office:document>
FODT
soffice --headless --convert-to pdf --outdir "$work" "$work/scanned.fodt" >/dev/null 2>&1
cp "$work/scanned.pdf" "$tests/scanned.pdf"
# A 100-page PDF for the speed and memory bound (npm run bench): a sample's 22 pages, repeated.
sample=../rendered/000_a55dad31d5b2c431.lo.pdf
qpdf --empty --pages "$sample" "$sample" "$sample" "$sample" "$sample" 1-12 -- "$tests/hundred-pages.pdf"
ls -l . "$tests"
