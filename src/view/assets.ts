/** The review page's inline style and script (each allowed by its hash in the page's CSP). */
import { CJK_FONTS } from '../emit/html.js';

export const VIEW_STYLE = `
*{box-sizing:border-box}
body{font-family:${CJK_FONTS};margin:0;color:#1f2328;background:#fff;line-height:1.6}
header{padding:.5rem 1rem;border-bottom:1px solid #d1d9e0}
h1{font-size:1.15rem;margin:.2rem 0}h2{font-size:1rem;margin:.6rem 0}
.meta{color:#59636e;font-size:.85rem;margin:.2rem 0}
.legend{display:flex;flex-wrap:wrap;gap:.2rem .8rem}
.layout{display:grid;grid-template-columns:minmax(22rem,32rem) 1fr;height:calc(100vh - 5.5rem)}
.panel{overflow:auto;border-right:1px solid #d1d9e0;padding:.5rem 1rem}
.text{overflow:auto;padding:.5rem 1rem}
.tabs{display:flex;gap:.3rem;flex-wrap:wrap;margin-bottom:.5rem}
.tabs button{font:inherit;font-size:.85rem;border:1px solid #d1d9e0;background:#f6f8fa;border-radius:.3rem;padding:.15rem .6rem;cursor:pointer}
.tabs button[aria-selected="true"]{background:#0969da;color:#fff;border-color:#0969da}
.tab[hidden]{display:none}
.tree,.tree ul{list-style:none;padding-left:1rem;margin:0}.tree{padding-left:0}
.tree a{color:#0969da;text-decoration:none}.tree a:hover{text-decoration:underline}
.doc{margin:.4rem 0 .2rem;font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.8rem}
th,td{border:1px solid #d1d9e0;padding:.15rem .3rem;text-align:left;vertical-align:top}
th{background:#f6f8fa;position:sticky;top:0}
th[data-col]{cursor:pointer}th[aria-sort="ascending"]::after{content:" ▲"}th[aria-sort="descending"]::after{content:" ▼"}
thead input{width:100%;font:inherit;font-size:.75rem;min-width:2.5rem}
tbody tr{cursor:pointer}tbody tr:hover,tbody tr:focus{background:#ddf4ff;outline:none}
.source{white-space:pre-wrap;word-break:break-word;font:inherit;font-size:.95rem;margin:0;position:relative;padding-right:12rem}
.hl{color:inherit;border-radius:.15rem;cursor:help}
.k-measure{background:#e7f5ff;box-shadow:inset 0 -2px #74c0fc}
.k-responsibility{background:#d3f9d8;box-shadow:inset 0 -2px #40c057}
.k-target{background:#ffe8cc;box-shadow:inset 0 -2px #fd7e14}
.hl:focus{outline:2px solid #0969da}
.flash{animation:flash 1.4s ease-out}
@keyframes flash{0%,40%{background:#ffd43b;box-shadow:0 0 0 3px #fab005}}
.fix{text-decoration:underline dotted #8250df 2px;cursor:help}
.fix.ins::after{content:"‸";color:#8250df}
.dup{background:#ffebe9;color:#82071e;text-decoration:line-through}
.redacted{background:#1f2328;color:#fff;border-radius:.15rem;padding:0 .2rem}
.pb{display:block;border-top:2px dashed #afb8c1;margin:.8rem 0 .3rem;height:0;overflow:visible}
.pb::before{content:"page " attr(data-page);display:block;color:#59636e;font-size:.75rem;text-align:center;margin-top:-.8rem;background:#fff;width:6rem;margin-left:auto;margin-right:auto}
.diag::after{content:attr(data-note);position:absolute;right:0;width:11.5rem;font-size:.7rem;line-height:1.3;padding:.1rem .3rem;border-left:3px solid #bf8700;background:#fff8c5;color:#1f2328;white-space:normal}
.diag.sev-error::after{border-color:#cf222e;background:#ffebe9}
.diag.sev-info::after{border-color:#0969da;background:#ddf4ff}
.diag::before{content:"◆";color:#bf8700;font-size:.6rem;vertical-align:super}
.card{position:fixed;z-index:10;max-width:min(24rem,calc(100vw - 1rem));background:#fff;border:1px solid #8c959f;border-radius:.4rem;box-shadow:0 4px 14px rgba(0,0,0,.18);padding:.4rem .6rem;font-size:.8rem}
.card[hidden]{display:none}
.card-title{font-weight:600;margin-bottom:.2rem}
.card dl{display:grid;grid-template-columns:auto 1fr;gap:0 .6rem;margin:0}.card dt{color:#59636e}.card dd{margin:0}
@media (max-width:800px){
/* On a phone a wide table scrolls in its own box, not the page (on a wide screen the panel scrolls, keeping the header row sticky). */
.scroll{overflow-x:auto;max-width:100%}
.layout{display:block;height:auto}
.panel,.text{overflow:visible;border:0}
.panel{border-bottom:1px solid #d1d9e0;max-height:60vh;overflow:auto}
.source{padding-right:0}
.diag::after{position:static;display:block;width:auto;margin:.2rem 0}
}
@media print{
.layout{display:block;height:auto}.panel,.card,.tabs{display:none}.text{overflow:visible}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/**
 * Hover/focus cards from the page's JSON data, table rows that scroll to and flash their
 * highlight, sortable and filterable tables, tabs, and j/k (n/p) for the next/previous target.
 * Every value from the input is set with textContent, never as markup.
 */
export const VIEW_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('plans-data').textContent);
  var card = document.getElementById('card');
  function showCard(el) {
    var item = data.items[el.getAttribute('data-ref')];
    if (!item) return;
    card.textContent = '';
    var title = document.createElement('div');
    title.className = 'card-title';
    title.textContent = item.title;
    card.appendChild(title);
    var dl = document.createElement('dl');
    item.fields.forEach(function (f) {
      var dt = document.createElement('dt'); dt.textContent = f[0];
      var dd = document.createElement('dd'); dd.textContent = f[1];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    card.appendChild(dl);
    card.hidden = false;
    var r = el.getClientRects()[0] || el.getBoundingClientRect();
    var top = r.bottom + 6;
    if (top + card.offsetHeight > window.innerHeight) top = Math.max(4, r.top - card.offsetHeight - 6);
    card.style.top = top + 'px';
    card.style.left = Math.max(4, Math.min(r.left, window.innerWidth - card.offsetWidth - 8)) + 'px';
  }
  function hideCard() { card.hidden = true; }
  window.addEventListener('resize', hideCard);
  function highlightOf(target) { return target && target.closest ? target.closest('.hl') : null; }
  document.addEventListener('mouseover', function (e) {
    var el = highlightOf(e.target);
    if (el) showCard(el); else if (!card.contains(e.target)) hideCard();
  });
  document.addEventListener('focusin', function (e) { var el = highlightOf(e.target); if (el) showCard(el); });
  document.addEventListener('focusout', function (e) { if (highlightOf(e.target)) hideCard(); });
  function goTo(id) {
    var el = document.getElementById(id);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    var ref = el.getAttribute('data-ref');
    var parts = ref ? document.querySelectorAll('[data-ref="' + CSS.escape(ref) + '"]') : [el];
    Array.prototype.forEach.call(parts, function (p) {
      p.classList.remove('flash'); void p.offsetWidth; p.classList.add('flash');
    });
    if (el.classList.contains('hl')) el.focus({ preventScroll: true });
  }
  document.addEventListener('click', function (e) {
    var row = e.target.closest && e.target.closest('tr[data-goto]');
    if (row) goTo(row.getAttribute('data-goto'));
    var link = e.target.closest && e.target.closest('a[data-goto]');
    if (link) { e.preventDefault(); goTo(link.getAttribute('data-goto')); }
  });
  var order = data.targetOrder, current = -1;
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
    if (e.key === 'Enter' && t && t.matches && t.matches('tr[data-goto]')) { goTo(t.getAttribute('data-goto')); return; }
    if (e.ctrlKey || e.metaKey || e.altKey || order.length === 0) return;
    var step = e.key === 'j' || e.key === 'n' ? 1 : e.key === 'k' || e.key === 'p' ? -1 : 0;
    if (step === 0) return;
    e.preventDefault();
    current = (current + step + order.length) % order.length;
    goTo(order[current]);
  });
  Array.prototype.forEach.call(document.querySelectorAll('table.items'), function (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var filters = table.querySelectorAll('thead input[data-col]');
    function applyFilters() {
      var wanted = Array.prototype.map.call(filters, function (f) { return [Number(f.getAttribute('data-col')), f.value.trim().toLowerCase()]; })
        .filter(function (w) { return w[1] !== ''; });
      rows.forEach(function (row) {
        row.hidden = !wanted.every(function (w) { return row.cells[w[0]].textContent.toLowerCase().indexOf(w[1]) !== -1; });
      });
    }
    Array.prototype.forEach.call(filters, function (f) { f.addEventListener('input', applyFilters); });
    Array.prototype.forEach.call(table.querySelectorAll('th[data-col]'), function (th) {
      th.addEventListener('click', function () {
        var col = Number(th.getAttribute('data-col'));
        var dir = th.getAttribute('aria-sort') === 'ascending' ? -1 : 1;
        Array.prototype.forEach.call(table.querySelectorAll('th[data-col]'), function (o) { o.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
        function key(row) { var c = row.cells[col]; return c.getAttribute('data-sort') || c.textContent; }
        rows.sort(function (a, b) {
          var x = key(a), y = key(b), nx = Number(x), ny = Number(y);
          var c = x !== '' && y !== '' && !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y, 'zh');
          return c * dir;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
  var tabs = document.querySelectorAll('.tabs button');
  Array.prototype.forEach.call(tabs, function (button) {
    button.addEventListener('click', function () {
      Array.prototype.forEach.call(tabs, function (b) {
        var on = b === button;
        b.setAttribute('aria-selected', on ? 'true' : 'false');
        document.getElementById(b.getAttribute('aria-controls')).hidden = !on;
      });
    });
  });
})();
`;
