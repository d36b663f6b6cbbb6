#include "report_html_assets.h"

namespace analyzer {

// Colours are variables so one set of rules serves light, dark (the
// reader's prefers-color-scheme) and print (always light, ink-friendly).
const char kHtmlStyle[] = R"CSS(
:root{color-scheme:light dark;--bg:#f4f6f8;--panel:#fff;--fg:#1c2430;--muted:#5b6574;--border:#d8dde4;
--accent:#0a5bb5;--red:#c62828;--red-bg:#fdeceb;--green:#2e7d32;--green-bg:#eaf5ea;--amber:#a15c00;
--amber-bg:#fff3df;--grey:#8b94a1;--grey-bg:#eef1f4;--fix-bg:#e9f2fc;--code-bg:#f6f7f9;--hit-bg:#fff1b8;
--cov:#bcd7f2;--gap:#e6e9ee;--hatch:#cfd5dd;
--sans:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans","Liberation Sans",sans-serif;
--mono:ui-monospace,"Cascadia Mono","Segoe UI Mono",Consolas,"DejaVu Sans Mono","Liberation Mono",monospace}
@media (prefers-color-scheme:dark){:root{--bg:#12161b;--panel:#1b2028;--fg:#e4e8ee;--muted:#9ba5b3;
--border:#333b47;--accent:#6db3ff;--red:#ef5350;--red-bg:#3a1e20;--green:#66bb6a;--green-bg:#1a2d1d;
--amber:#ffb74d;--amber-bg:#33291a;--grey:#7c8693;--grey-bg:#252b34;--fix-bg:#172a40;--code-bg:#11151a;
--hit-bg:#3a3418;--cov:#2a4f73;--gap:#232932;--hatch:#36404c}}
*{box-sizing:border-box}
html{background:var(--bg);color:var(--fg)}
body{margin:0;font:14px/1.5 var(--sans)}
a{color:var(--accent)}
code,pre{font-family:var(--mono)}
[hidden]{display:none!important}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px}
header.top{background:var(--panel);border-bottom:1px solid var(--border);padding:14px 0 10px}
header.top h1{font-size:20px;margin:0;letter-spacing:-.01em}
header.top .sub{color:var(--muted);margin:0 0 6px}
.meta{display:flex;flex-wrap:wrap;gap:2px 22px;margin:0;font-size:13px}
.meta div{display:flex;gap:6px;min-width:0}.meta dt{color:var(--muted)}.meta dd{margin:0;overflow-wrap:anywhere}
nav.toc{display:flex;flex-wrap:wrap;gap:4px 18px;margin-top:8px;font-size:13px}
nav.toc a{text-decoration:none;font-weight:600}nav.toc a:hover{text-decoration:underline}
main{padding-bottom:32px}
section{margin-top:26px}
h2{font-size:17px;margin:0 0 10px;padding-bottom:4px;border-bottom:1px solid var(--border)}
h2.sub{font-size:15px;border:0;margin:18px 0 8px}
h3{font-size:15px;margin:0 0 6px}
h4{font-size:13px;margin:14px 0 6px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.intro,.muted,.remark,.omitted{color:var(--muted)}
.omitted{font-size:12.5px;font-style:italic}
.verdicts{list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fit,minmax(210px,1fr));gap:10px}
.verdict{background:var(--panel);border:1px solid var(--border);border-left:6px solid var(--grey);border-radius:8px;padding:10px 12px;display:flex;flex-direction:column;gap:2px}
.verdict .code{font-weight:700;font-size:14.5px}
.verdict .status{font-size:11.5px;font-weight:700;text-transform:uppercase;letter-spacing:.06em}
.verdict .status::before{display:inline-block;width:1.3em}
.verdict .detail{font-size:12.5px;color:var(--muted)}
.verdict .detail a{margin-right:6px;font-weight:600}
.verdict.found{border-left-color:var(--red);background:var(--red-bg)}
.verdict.found .status{color:var(--red)}.verdict.found .status::before{content:"✖"}
.verdict.not-found{border-left-color:var(--green)}
.verdict.not-found .status{color:var(--green)}.verdict.not-found .status::before{content:"✔"}
.verdict.not-evaluated{border-left-color:var(--amber);background:var(--amber-bg)}
.verdict.not-evaluated .status{color:var(--amber)}.verdict.not-evaluated .status::before{content:"?"}
.all-clear{background:var(--green-bg);border:1px solid var(--border);border-left:6px solid var(--green);border-radius:8px;padding:10px 14px;margin:12px 0 0;font-weight:600}
.all-clear.partial{background:var(--amber-bg);border-left-color:var(--amber)}
.diagnosis,.finding,.input{background:var(--panel);border:1px solid var(--border);border-radius:8px;padding:14px 18px;margin:0 0 12px}
.diagnosis{border-left:6px solid var(--red)}
.diagnosis h3 .code,.finding .code,.note .code{font-family:var(--mono);font-weight:700}
.diagnosis h3 .cause{font-size:12px;font-weight:600;color:var(--muted);background:var(--grey-bg);border-radius:10px;padding:1px 8px;margin-left:4px}
.cause-text{margin:0 0 8px}.cause-text b{margin-right:6px}
.facts{display:flex;flex-wrap:wrap;gap:4px 26px;margin:0 0 8px;font-size:13px}
.facts dt{color:var(--muted);font-size:11.5px;text-transform:uppercase;letter-spacing:.04em}
.facts dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.facts .hash{font-size:11.5px;font-weight:400}
.fix{background:var(--fix-bg);border-left:4px solid var(--accent);border-radius:6px;padding:8px 12px;margin:8px 0}
.fix b{display:block;font-size:11.5px;text-transform:uppercase;letter-spacing:.06em;color:var(--accent)}
.fix p{margin:2px 0 0}
.more{font-size:13px;font-weight:600;text-decoration:none}
.ongoing{color:var(--red);font-weight:700;font-size:12px}
.tl-wrap{background:var(--panel);border:1px solid var(--border);border-radius:8px;padding:8px 6px 4px;overflow-x:auto}
svg.tl{display:block;width:100%;min-width:760px;height:auto}
.tl text{fill:var(--fg);font:12px var(--sans)}
.tl .tick,.tl .date{text-anchor:middle;fill:var(--muted);font-size:11px}.tl .date{font-weight:600}
.tl .host{font-weight:700}.tl .comp{text-anchor:end;fill:var(--muted)}
.tl .grid{stroke:var(--border);stroke-width:1}
.tl .sep{stroke:var(--border);stroke-width:1}
.tl .track{fill:url(#tl-hatch)}.tl .hatch-bg{fill:var(--gap)}.tl .hatch-line{stroke:var(--hatch);stroke-width:2}
.tl .cov{fill:var(--cov)}
.tl .win .band{fill:var(--accent);opacity:.28}
.tl .win-edge{stroke:var(--accent);stroke-width:1.2;stroke-dasharray:4 3}
.tl .mark.inc .bar{fill:var(--red)}.tl .mark.note .bar{fill:var(--grey)}
.tl .mark:hover .bar,.tl .mark:focus .bar{stroke:var(--fg);stroke-width:1.5}
.legend{list-style:none;display:flex;flex-wrap:wrap;gap:4px 18px;padding:0;margin:8px 2px 0;font-size:12.5px;color:var(--muted)}
.legend .help{margin-left:auto;font-style:italic}
.sw{display:inline-block;width:16px;height:10px;border-radius:2px;margin-right:6px;vertical-align:-1px}
.sw-inc{background:var(--red)}.sw-note{background:var(--grey)}.sw-cov{background:var(--cov)}
.sw-gap{background:repeating-linear-gradient(135deg,var(--gap) 0 3px,var(--hatch) 3px 5px)}
.sw-win{border:1.5px dashed var(--accent)}
.finding{border-top:5px solid var(--red)}
.finding.sev-critical{border-top-color:#8e0000}.finding.sev-medium{border-top-color:var(--amber)}
.finding.sev-low,.finding.sev-info{border-top-color:var(--grey)}
.finding header{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px;margin-bottom:8px}
.finding header h3{margin:0;font-size:16px}
.finding header .code{color:var(--muted);font-size:13px}
.badge{font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.06em;color:#fff;background:var(--red);border-radius:10px;padding:1px 9px}
.sev-medium .badge{background:var(--amber)}.sev-low .badge,.sev-info .badge{background:var(--grey)}
table.data{border-collapse:collapse;width:100%;font-size:13px;background:var(--panel)}
table.compact{width:auto;min-width:60%}
.data.coverage{margin-bottom:14px}
table.data th{text-align:left;font-size:11.5px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--border);padding:4px 8px}
table.data td{border-bottom:1px solid var(--border);padding:4px 8px;vertical-align:top}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.when{white-space:nowrap;font-variant-numeric:tabular-nums}
figure.ev{margin:8px 0;border:1px solid var(--border);border-radius:6px;overflow:hidden}
figure.ev figcaption{display:flex;flex-wrap:wrap;align-items:center;gap:2px 12px;padding:5px 10px;background:var(--grey-bg);font-size:12px}
.ev .role{font-weight:700;text-transform:uppercase;font-size:10.5px;letter-spacing:.06em;color:var(--red)}
.ev-cause .role{color:var(--accent)}
.ev .loc{overflow-wrap:anywhere;font-size:12px;flex:1 1 420px}
.ev .host,.ev .rule{color:var(--muted)}
.copy{margin-left:auto;font:600 12px var(--sans);padding:2px 10px;border:1px solid var(--border);border-radius:4px;background:var(--panel);color:var(--fg);cursor:pointer}
.copy:hover{border-color:var(--accent)}
pre.log{margin:0;padding:6px 0;background:var(--code-bg);font-size:12px;line-height:1.45;white-space:pre-wrap;overflow-wrap:anywhere;max-height:30em;overflow:auto}
pre.log .l{display:block;padding:0 12px 0 calc(66px + 2ch);text-indent:-2ch;position:relative;color:var(--muted)}
pre.log .hit{background:var(--hit-bg);color:var(--fg);box-shadow:inset 3px 0 0 var(--amber)}
pre.log .hit::before{content:attr(data-ln);position:absolute;left:0;width:54px;text-indent:0;text-align:right;color:var(--muted);font-weight:600}
.notes .note{background:var(--panel);border:1px solid var(--border);border-radius:6px;margin:6px 0;padding:0 14px}
.notes .note summary{cursor:pointer;padding:7px 0;color:var(--muted);font-size:13px}
.notes .note[open]{padding-bottom:10px}.notes .note h3{font-size:14px}
.filter{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:6px 0 12px}
.filter input,.filter select{font:inherit;padding:5px 10px;border:1px solid var(--border);border-radius:6px;background:var(--panel);color:var(--fg)}
.filter input{flex:0 1 420px}
#filter-count{color:var(--muted);font-size:12.5px}
.input h3 code{font-size:13px;overflow-wrap:anywhere}
details.entries>summary{cursor:pointer;font-weight:600;padding:6px 0}
table.entries{font-size:12px}
table.entries .src{min-width:22em}
table.entries .src code{font-size:11.5px;overflow-wrap:anywhere}
.st{font-size:10.5px;font-weight:700;text-transform:uppercase;letter-spacing:.05em;border-radius:10px;padding:1px 7px;white-space:nowrap;background:var(--grey-bg);color:var(--muted)}
.st-read{background:var(--green-bg);color:var(--green)}
.st-skipped{background:var(--amber-bg);color:var(--amber)}
.st-failed{background:var(--red-bg);color:var(--red)}
.assumed{font-size:11px;color:var(--amber);font-style:italic}
ul.problems{font-size:12.5px;padding-left:18px}ul.problems code{overflow-wrap:anywhere}
footer{color:var(--muted);font-size:12px;border-top:1px solid var(--border);padding:10px 0 24px}
@media print{
:root{--bg:#fff;--panel:#fff;--fg:#000;--muted:#444;--border:#bbb;--accent:#0a4f9c;--red:#b71c1c;--red-bg:#fff;
--green:#1b5e20;--green-bg:#fff;--amber:#8a4d00;--amber-bg:#fff;--grey:#777;--grey-bg:#f1f1f1;--fix-bg:#fff;
--code-bg:#fff;--hit-bg:#fff3c4;--cov:#c9ddf1;--gap:#eee;--hatch:#ccc}
body{font-size:11px}.wrap{max-width:none;padding:0}
.filter,.copy,nav.toc{display:none!important}
section{break-inside:auto}.diagnosis,.verdict,figure.ev,table.data tr{break-inside:avoid}
h2,h3,h4{break-after:avoid}
pre.log{max-height:none;overflow:visible}
.tl-wrap{overflow:visible}svg.tl{min-width:0}
a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
)CSS";

const char kHtmlScript[] = R"JS(
(function () {
  'use strict';
  var doc = document, root = doc.documentElement;

  // The page is built with exactly one script (this one), no images, no
  // frames and no event-handler attributes. Anything else means log text
  // got through unescaped; the browser test reads this flag.
  function intact() {
    if (doc.scripts.length !== 1) return false;
    if (doc.querySelector('img,iframe,frame,object,embed,form,base,meta[http-equiv=refresh]')) return false;
    var all = doc.getElementsByTagName('*');
    for (var i = 0; i < all.length; i++)
      for (var j = 0; j < all[i].attributes.length; j++)
        if (/^on/i.test(all[i].attributes[j].name)) return false;
    return true;
  }
  root.setAttribute('data-integrity', intact() ? 'intact' : 'tampered');
  root.classList.add('js');

  // A link to a finding or note inside a closed <details> opens it.
  function showTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && doc.getElementById(id);
    if (!el) return;
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
    el.scrollIntoView();
  }
  window.addEventListener('hashchange', showTarget);
  if (location.hash) showTarget();

  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { copyBySelection(text); done(); });
    } else {
      copyBySelection(text);
      done();
    }
  }
  function copyBySelection(text) {
    var area = doc.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.appendChild(area);
    area.select();
    try { doc.execCommand('copy'); } catch (e) { /* the text stays selectable */ }
    doc.body.removeChild(area);
  }
  Array.prototype.forEach.call(doc.querySelectorAll('figure.ev button.copy'), function (button) {
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      var figure = button.closest('figure');
      var loc = figure.querySelector('.loc'), hit = figure.querySelector('.hit');
      copyText((loc ? loc.textContent + '\n' : '') + (hit ? hit.textContent : ''), function () {
        button.textContent = button.getAttribute('data-done');
        setTimeout(function () { button.textContent = label; }, 1500);
      });
    });
  });

  var box = doc.getElementById('filter'), status = doc.getElementById('filter-status');
  var count = doc.getElementById('filter-count');
  if (box && status && count) {
    var rows = Array.prototype.slice.call(doc.querySelectorAll('#inventory [data-row]'));
    var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
    var apply = function () {
      var query = box.value.trim().toLowerCase(), wanted = status.value, shown = 0;
      rows.forEach(function (row, i) {
        var has = row.getAttribute('data-status');
        var ok = (!query || texts[i].indexOf(query) >= 0) && (!wanted || !has || has === wanted);
        row.hidden = !ok;
        if (ok) shown++;
      });
      if (query || wanted)
        Array.prototype.forEach.call(doc.querySelectorAll('#inventory details'), function (d) { d.open = true; });
      count.textContent = query || wanted ? count.getAttribute('data-format')
          .replace('{shown}', shown).replace('{total}', rows.length) : '';
    };
    box.addEventListener('input', apply);
    status.addEventListener('change', apply);
    box.closest('.filter').hidden = false;
  }

  // Notes are short: print them open. The inventory's entry list stays as
  // the reader left it, as it can run to thousands of rows.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(doc.querySelectorAll('details.note:not([open])'), function (d) {
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();
)JS";

}  // namespace analyzer
