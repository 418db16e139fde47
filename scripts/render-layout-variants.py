#!/usr/bin/env python3
"""Renders plan texts as office documents with the page furniture real PDFs carry, then extracts
them the way corpora are built (LibreOffice → PDF → `pdftotext -layout`), for the layout stage's
tests. Each variant is a flat ODF text (.fodt) with its own page style: running header, footer
page-number form, justified or ragged text, first-line indent, line spacing, a table of contents
with dot leaders, a ruled table. Output: fixtures/layout/NAME.pdf, NAME.layout.txt and the plan
as plain text, NAME.txt. Sources: scripts/layout-plans/NAME.txt (`@key value` lines set the page
style, `#` marks the title, `a|b|c` lines are the table, placed at `<TABLE>`).
Needs libreoffice-writer-nogui, poppler-utils, fonts-wqy-zenhei. Run: python3 scripts/render-layout-variants.py
"""
import html, os, re, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, 'fixtures', 'layout')

def esc(s):
    return html.escape(s, quote=False)

def footer_xml(form):
    page = '<text:page-number text:select-page="current">1</text:page-number>'
    count = '<text:page-count>1</text:page-count>'
    return {
        'dash': f'— {page} —',
        'chinese': f'第 {page} 页 共 {count} 页',
        'bare': page,
        'slash': f'{page}/{count}',
    }[form]

def fodt(paragraphs, *, header, footer, justify, indent, spacing, toc=None, table=None):
    align = 'justify' if justify else 'start'
    body = []
    if toc:
        body.append('<text:p text:style-name="Toc">目  录</text:p>')
        for entry, page in toc:
            body.append(f'<text:p text:style-name="TocEntry">{esc(entry)}<text:tab/>{page}</text:p>')
        body.append('<text:p text:style-name="Break"/>')
    for p in paragraphs:
        if p == '<TABLE>' and table:
            body.append(table_xml(table))
            continue
        style = 'Title' if p.startswith('#') else 'Body'
        body.append(f'<text:p text:style-name="{style}">{esc(p.lstrip("#"))}</text:p>')
    return f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="WenQuanYi Zen Hei" svg:font-family="'WenQuanYi Zen Hei'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:style style:name="Standard" style:family="paragraph"><style:text-properties style:font-name="WenQuanYi Zen Hei" style:font-name-asian="WenQuanYi Zen Hei" fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="{align}" fo:text-indent="{indent}" fo:line-height="{spacing}" fo:margin-bottom="0.1cm"/></style:style>
 <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/><style:text-properties fo:font-size="20pt" style:font-size-asian="20pt"/></style:style>
 <style:style style:name="Toc" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.4cm"/></style:style>
 <style:style style:name="TocEntry" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties><style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
 <style:style style:name="Break" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-after="page"/></style:style>
 <style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="11pt" style:font-size-asian="11pt"/></style:style>
 <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2.6cm" fo:margin-right="2.4cm"/></style:page-layout>
 <style:style style:name="TCell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.05cm"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">
 {f'<style:header><text:p text:style-name="Header">{esc(header)}</text:p></style:header>' if header else ''}
 <style:footer><text:p text:style-name="Header">{footer_xml(footer)}</text:p></style:footer>
</style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>'''

def table_xml(rows):
    cols = max(len(r) for r in rows)
    out = ['<table:table table:name="T1">', f'<table:table-column table:number-columns-repeated="{cols}"/>']
    for i, row in enumerate(rows):
        tag = 'table:table-header-rows' if i == 0 else None
        cells = ''.join(f'<table:table-cell table:style-name="TCell" office:value-type="string"><text:p text:style-name="Cell">{esc(c)}</text:p></table:table-cell>' for c in row)
        r = f'<table:table-row>{cells}</table:table-row>'
        out.append(f'<{tag}>{r}</{tag}>' if tag else r)
    out.append('</table:table>')
    return '\n'.join(out)

def read_plan(path):
    text = open(path, encoding='utf-8').read()
    paras = [l.strip() for l in text.split('\n') if l.strip()]
    return paras

def render(name, doc):
    with tempfile.TemporaryDirectory() as work:
        src = os.path.join(work, name + '.fodt')
        open(src, 'w', encoding='utf-8').write(doc)
        subprocess.run(['soffice', '--headless', '--convert-to', 'pdf', '--outdir', work, src], check=True, capture_output=True)
        pdf = os.path.join(OUT, name + '.pdf')
        os.replace(os.path.join(work, name + '.pdf'), pdf)
        subprocess.run(['pdftotext', '-layout', pdf, os.path.join(OUT, name + '.layout.txt')], check=True)
    print(name)

def main():
    os.makedirs(OUT, exist_ok=True)
    sources = os.path.join(ROOT, 'scripts', 'layout-plans')
    for spec in sorted(os.listdir(sources)):
        if not spec.endswith('.txt'):
            continue
        paras = read_plan(os.path.join(sources, spec))
        meta = dict(re.findall(r'^@(\w+) (.*)$', '\n'.join(p for p in paras if p.startswith('@')), re.M))
        paras = [p for p in paras if not p.startswith('@')]
        table = [r.split('|') for r in paras if '|' in r]
        paras = [p for p in paras if '|' not in p or p == '<TABLE>']
        toc = None
        if meta.get('toc') == 'yes':
            heads = [p for p in paras if re.match(r'^(第[一二三四五六七八九十]+[章篇]|[一二三四五六七八九十]+、)', p) and len(p) < 30]
            toc = [(h, 1 + i // 3) for i, h in enumerate(heads)]
        doc = fodt(paras, header=meta.get('header', ''), footer=meta.get('footer', 'dash'),
                   justify=meta.get('justify', 'yes') == 'yes', indent=meta.get('indent', '0.99cm'),
                   spacing=meta.get('spacing', '100%'), toc=toc, table=table or None)
        render(spec[:-4], doc)
        # The plan as plain text (one paragraph per line, the table as TAB rows): what its
        # page-made renderings must extract like.
        plain = []
        for p in paras:
            if p == '<TABLE>':
                plain.extend('\t'.join(r) for r in table)
            else:
                plain.append(p.lstrip('#'))
        open(os.path.join(OUT, spec[:-4] + '.txt'), 'w', encoding='utf-8').write('\n\n'.join(plain) + '\n')

if __name__ == '__main__':
    main()
