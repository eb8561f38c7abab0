// The admin's stylesheet, served from the app itself at /static/admin.css (the office machine may
// be offline: no CDN). Kept in a module so every way of running the app (tsx, a tsc build) has it.

export const ADMIN_CSS = `
:root { --red: #9b1c1c; --red-dark: #7a1414; --ink: #1f2933; --muted: #5f6b7a; --line: #e1e5ea; --bg: #f4f6f8;
  --card: #fff; --ok: #1e7d3a; --ok-bg: #e3f4e8; --nil: #1d5fa8; --nil-bg: #e3eefa; --late: #8a5a00; --late-bg: #fdf1d8;
  --miss: #a61b1b; --miss-bg: #fbe4e4; --focus: #2563eb; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; color: var(--ink); background: var(--bg); }
a { color: #1d4ed8; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
.topbar { background: var(--red); color: #fff; }
.topbar-inner { max-width: 1180px; margin: 0 auto; padding: .55rem 1rem; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; }
.brand { color: #fff; text-decoration: none; font-weight: 700; font-size: 1.05rem; }
.brand small { font-weight: 400; opacity: .85; margin-left: .4rem; }
.who { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; font-size: .9rem; }
.who a, .who button { color: #fff; }
.who form { margin: 0; }
.linklike { background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; }
.navbar { background: #fff; border-bottom: 1px solid var(--line); }
.navbar ul { list-style: none; margin: 0 auto; padding: 0 .6rem; max-width: 1180px; display: flex; flex-wrap: wrap; gap: 0 .1rem; }
.navbar a { display: block; padding: .6rem .45rem; font-size: .9rem; color: var(--ink); text-decoration: none; white-space: nowrap; border-bottom: 3px solid transparent; }
.navbar a[aria-current="page"] { border-bottom-color: var(--red); font-weight: 600; }
.navbar .bloc-name { padding: .6rem .45rem; font-size: .9rem; font-weight: 700; white-space: nowrap; color: var(--red-dark); }
main { max-width: 1180px; margin: 1rem auto 3rem; padding: 0 1rem; }
h1 { font-size: 1.4rem; margin: .4rem 0 1rem; }
h2 { font-size: 1.12rem; margin: 0 0 .7rem; }
h3 { font-size: 1rem; margin: 1rem 0 .5rem; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.1rem; margin-bottom: 1rem; }
.grid { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); }
.muted { color: var(--muted); }
.small { font-size: .88rem; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .45rem .55rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f8fafc; font-weight: 600; font-size: .9rem; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr:last-child td { border-bottom: 0; }
.actions { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.actions form { margin: 0; }
.head-row { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; margin-bottom: .4rem; }
.head-row h1, .head-row h2 { margin: 0; }
label { display: block; font-weight: 600; margin-bottom: .25rem; }
.field { margin-bottom: .85rem; }
.field .hint { font-size: .85rem; color: var(--muted); margin-top: .2rem; }
.field .error { color: var(--miss); font-size: .9rem; margin-top: .25rem; font-weight: 600; }
input[type=text], input[type=password], input[type=number], input[type=file], select, textarea {
  width: 100%; max-width: 36rem; padding: .5rem .6rem; font: inherit; border: 1px solid #b8c0cc; border-radius: 6px; background: #fff; color: var(--ink); }
input[aria-invalid=true], select[aria-invalid=true], textarea[aria-invalid=true] { border-color: var(--miss); background: #fff8f8; }
textarea { min-height: 5rem; }
input.cell-input { width: 5.5rem; padding: .3rem .4rem; text-align: right; }
input.cell-input.date { width: 8rem; text-align: left; }
table.grid-table th[scope=row] { white-space: nowrap; }
.inline-fields { display: flex; flex-wrap: wrap; gap: .6rem 1rem; align-items: flex-start; }
.inline-fields .field { flex: 1 1 12rem; }
.inline-fields.filters .field { flex: 1 1 9rem; }
.nowrap { white-space: nowrap; }
.show-phone { display: none; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .8rem .7rem; }
legend { font-weight: 600; padding: 0 .3rem; }
ul.error-list { margin: 0; padding-left: 1.1rem; color: var(--miss); }
.check { display: flex; gap: .5rem; align-items: center; font-weight: 400; }
.check input { width: 1.1rem; height: 1.1rem; }
button, .button { display: inline-block; white-space: nowrap; padding: .5rem .95rem; font: inherit; font-weight: 600; border-radius: 6px; border: 1px solid var(--red);
  background: var(--red); color: #fff; cursor: pointer; text-decoration: none; line-height: 1.3; }
button:hover, .button:hover { background: var(--red-dark); }
button.secondary, .button.secondary { background: #fff; color: var(--red-dark); }
button.secondary:hover, .button.secondary:hover { background: #fdf2f2; }
button.small, .button.small { padding: .25rem .6rem; font-size: .88rem; }
button[disabled] { opacity: .6; cursor: wait; }
.alert { border-radius: 6px; padding: .6rem .8rem; margin-bottom: 1rem; border: 1px solid; }
.alert.ok { background: var(--ok-bg); border-color: #9fd3ad; color: #14532d; }
.alert.error { background: var(--miss-bg); border-color: #f0a8a8; color: #7f1d1d; }
.alert.info { background: var(--nil-bg); border-color: #a9c8ee; color: #173f6e; }
.badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; font-size: .82rem; font-weight: 600; white-space: nowrap; }
.badge.reported { background: var(--ok-bg); color: var(--ok); }
.badge.nil { background: var(--nil-bg); color: var(--nil); }
.badge.late { background: var(--late-bg); color: var(--late); }
.badge.missing { background: var(--miss-bg); color: var(--miss); }
.badge.demo { background: #fde68a; color: #7c2d12; }
.badge.neutral { background: #edf0f3; color: var(--muted); }
.stats { display: flex; flex-wrap: wrap; gap: .6rem; margin-bottom: 1rem; }
.stat { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: .6rem .9rem; min-width: 8.5rem; flex: 1 1 8.5rem; }
.stat b { display: block; font-size: 1.35rem; }
.stat span { color: var(--muted); font-size: .88rem; }
.progress { margin: 0 0 1.2rem; }
.progress figcaption { margin-bottom: .35rem; }
table.bars th, table.bars td { border: 0; padding: .18rem .4rem; background: none; font-weight: 400; }
table.bars th { width: 12rem; font-size: .9rem; }
table.bars td.bar-cell { width: auto; min-width: 6rem; vertical-align: middle; }
table.bars td.num { width: 9rem; font-size: .9rem; }
svg.bar { display: block; }
svg.bar .bar-done { fill: #3c8d5a; }
svg.bar .bar-over { fill: #1e6b3d; }
svg.bar .bar-target { fill: #e3e7ec; }
svg.bar .target-mark { fill: var(--red); }
.legend { display: flex; gap: 1rem; flex-wrap: wrap; font-size: .85rem; color: var(--muted); margin: .3rem 0 .6rem; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; vertical-align: middle; margin-right: .3rem; }
.swatch.done { background: #2f7d4f; } .swatch.target { background: #e6e9ee; border: 1px solid #c9ced6; } .swatch.line { background: var(--red); width: .25rem; }
.qr { display: block; width: 220px; height: 220px; image-rendering: pixelated; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.code { font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; background: #f1f3f5; padding: .1rem .35rem; border-radius: 4px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.personal-link { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; }
.personal-link-text { flex: 1 1 18rem; min-width: 0; }
.copy-field { margin: 0 0 .4rem; max-width: 52rem; }
.copy-row { display: flex; gap: .4rem; align-items: flex-start; }
.copy-row input, .copy-row textarea { flex: 1 1 auto; min-width: 0; width: 100%; max-width: none; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: .85rem; background: #f8fafc; }
.copy-row textarea { font-family: inherit; resize: vertical; }
.copy-status { color: #1e6b3d; min-height: 1em; display: block; }
button[data-copy][hidden] { display: none; }
.reach-list { list-style: none; margin: 0; padding: 0; }
.reach-item { border-top: 1px solid var(--line); padding: .7rem 0; }
.reach-item:first-child { border-top: 0; padding-top: 0; }
.reach-head { display: flex; flex-wrap: wrap; gap: .3rem .6rem; justify-content: space-between; align-items: baseline; margin-bottom: .4rem; }
.busy { display: none; align-items: center; gap: .6rem; margin-top: .6rem; color: var(--muted); }
.busy.on { display: flex; }
.busy progress { width: 12rem; }
.login { max-width: 420px; margin: 2.5rem auto; }
.pager { display: flex; gap: .8rem; align-items: center; margin-top: .8rem; }
.row-error td { background: #fff5f5; }
.pre { white-space: pre-wrap; }
.digest-text { background: #f8fafc; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; margin: .5rem 0 1rem; font-size: .92rem; }
details { margin-bottom: .4rem; }
summary { cursor: pointer; padding: .25rem 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
.tabs { display: flex; flex-wrap: wrap; gap: 0 .2rem; margin: 0 0 1rem; border-bottom: 1px solid var(--line); }
.tabs a { padding: .45rem .75rem; white-space: nowrap; text-decoration: none; color: var(--ink); font-size: .92rem; border-bottom: 3px solid transparent; }
.tabs a[aria-current="page"] { border-bottom-color: var(--red); font-weight: 600; color: var(--red-dark); }
.photos { display: flex; flex-wrap: wrap; gap: .8rem; margin-bottom: .8rem; }
.photo { margin: 0; width: 200px; }
.thumb { display: block; width: 100%; height: auto; aspect-ratio: 4 / 3; object-fit: cover; border: 1px solid var(--line); border-radius: 6px; background: #f1f3f5; }
.photo figcaption { margin-top: .25rem; }
ul.files { padding-left: 1.1rem; }
ul.files li { margin-bottom: .35rem; }
progress.progress-bar { display: block; width: 100%; height: 1.1rem; accent-color: var(--ok); }
ol.steps { padding-left: 1.3rem; margin-top: 0; }
.counter { max-width: 48rem; text-align: right; }
.counter.over { color: var(--miss); font-weight: 600; }
textarea[data-counter] { max-width: 48rem; }
.stats.compact .stat { min-width: 0; flex: 1 1 0; }
form.cell-action { margin: .35rem 0 0; }
dl.facts + h2 { margin-top: 1rem; }
.assess-row { display: grid; grid-template-columns: minmax(12rem, 22rem) 1fr; gap: .3rem 1rem; padding: .5rem 0; border-top: 1px solid var(--line); align-items: start; }
.assess-form { margin: 0; display: flex; flex-wrap: wrap; gap: .4rem .6rem; align-items: flex-start; }
.assess-form .inline-fields { display: contents; }
.assess-form .field { margin: 0; flex: 0 0 9.5rem; }
.assess-form .field + .field { flex: 1 1 14rem; }
.assess-form .alert { flex-basis: 100%; margin: 0; }
.assess-form label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.assess-form button { margin-top: .2rem; }
ul.leaders { margin: 0 0 .5rem; padding-left: 1.2rem; font-size: 1.05rem; }
tr.leader-row td, tr.leader-row th { background: var(--ok-bg); }
table.score-table th[scope=row] { font-weight: 600; background: none; min-width: 11rem; }
table.score-table thead th.num { white-space: normal; }
table.score-table td.note { min-width: 10rem; }
tr.leader-row th[scope=row] { background: var(--ok-bg); }
@media (max-width: 900px) {
  .navbar ul { flex-wrap: nowrap; overflow-x: auto; scrollbar-width: thin; }
}
@media (max-width: 640px) {
  body { font-size: 15px; }
  .phone-hidden-text { display: none; }
  main { padding: 0 .6rem; margin-top: .7rem; }
  .card { padding: .8rem .75rem; }
  h1 { font-size: 1.2rem; }
  th, td { padding: .4rem .4rem; }
  .hide-phone { display: none; }
  .show-phone { display: inline; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: .4rem; }
  table.bars th { width: 7rem; font-size: .82rem; }
  table.bars td.num { width: 5rem; font-size: .82rem; }
  input[type=text], input[type=password], select, textarea { font-size: 16px; }
  div.show-phone { display: block; }
  .tabs a { padding: .45rem .5rem; font-size: .88rem; }
  .photo { width: calc(50% - .4rem); }
  .stats.compact .stat { padding: .5rem .6rem; }
  .assess-row { grid-template-columns: 1fr; }
  .copy-row { flex-direction: column; align-items: stretch; }
  table.score-table th[scope=row] { min-width: 9rem; }
}
@media print { .topbar, .navbar, form, .busy { display: none !important; } body { background: #fff; } .card { border: 0; } }
`;
