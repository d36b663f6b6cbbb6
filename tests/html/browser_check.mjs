// Opens HTML reports in headless Chromium over the DevTools protocol
// (--remote-debugging-pipe: no port, no npm package, Node's standard library
// only) and fails when a page misbehaves:
//   - any network request other than the page's own file:// URL (data: URLs
//     aside), any console error, exception or CSP violation;
//   - a dialog (an injected alert) or a page whose integrity flag, set by
//     the report's own script, is not "intact";
//   - a page that lacks its verdict cards or its timeline SVG, with
//     JavaScript on or off, or whose DOM holds an unescaped payload element.
// It saves screenshots (light, dark, JavaScript off, print) and a PDF.
//
//   node browser_check.mjs --chromium /usr/bin/chromium --out DIR \
//        name=/path/report.html[,xss] ...
// A page marked ",xss" must also show the payload as text.
// Exit status: 0 all good, 1 a check failed, 2 usage or browser trouble.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const WIDTH = 1280, HEIGHT = 900, MAX_SHOT_HEIGHT = 7000;

function parseArgs(argv) {
  const args = { chromium: '/usr/bin/chromium', out: '.', pages: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--chromium') args.chromium = argv[++i];
    else if (argv[i] === '--out') args.out = argv[++i];
    else {
      const [name, rest] = argv[i].split(/=(.*)/s);
      const [path, flag] = rest.split(',');
      args.pages.push({ name, path: resolve(path), xss: flag === 'xss' });
    }
  }
  return args;
}

// The DevTools protocol over the pipe: JSON messages ended by a NUL byte,
// commands on the browser's fd 3, answers and events on its fd 4.
class Browser {
  constructor(executable) {
    this.profile = mkdtempSync(join(tmpdir(), 'html-check-profile-'));
    this.process = spawn(executable, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--no-default-browser-check',
      '--disable-extensions', '--disable-features=Translate,MediaRouter,OptimizationHints',
      '--metrics-recording-only', '--mute-audio', `--user-data-dir=${this.profile}`,
      '--remote-debugging-pipe', 'about:blank',
    ], { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    this.stderr = '';
    this.process.stderr.on('data', (d) => { this.stderr += d; });
    this.nextId = 1;
    this.pending = new Map();
    this.listeners = [];
    this.buffer = Buffer.alloc(0);
    this.process.stdio[4].on('data', (chunk) => this.receive(chunk));
    this.exited = new Promise((done) => this.process.on('exit', done));
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (let end = this.buffer.indexOf(0); end >= 0; end = this.buffer.indexOf(0)) {
      const message = JSON.parse(this.buffer.subarray(0, end).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 1);
      if (message.id && this.pending.has(message.id)) {
        const { ok, fail } = this.pending.get(message.id);
        this.pending.delete(message.id);
        if (message.error) fail(new Error(`${message.error.message} (${message.error.code})`));
        else ok(message.result);
      } else if (message.method) {
        for (const listener of this.listeners) listener(message);
      }
    }
  }

  send(method, params = {}, sessionId = undefined) {
    const id = this.nextId++;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    this.process.stdio[3].write(JSON.stringify(message) + '\0');
    return new Promise((ok, fail) => {
      this.pending.set(id, { ok, fail });
      setTimeout(() => fail(new Error(`timeout waiting for ${method}`)), 30000).unref();
    });
  }

  waitFor(method, sessionId, timeoutMs = 30000) {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`timeout waiting for ${method}`)), timeoutMs);
      const listener = (m) => {
        if (m.method !== method || m.sessionId !== sessionId) return;
        clearTimeout(timer);
        this.listeners.splice(this.listeners.indexOf(listener), 1);
        ok(m.params);
      };
      this.listeners.push(listener);
    });
  }

  async close() {
    try { await this.send('Browser.close'); } catch { this.process.kill(); }
    await this.exited;
    rmSync(this.profile, { recursive: true, force: true });
  }
}

// Runs before the page's own script: records dialogs and CSP violations.
// (Scripts added over DevTools are not subject to the page's CSP.)
const WATCH_SCRIPT = `
  window.__checkAlerts = [];
  window.__checkViolations = [];
  for (const name of ['alert', 'confirm', 'prompt'])
    window[name] = (...a) => { window.__checkAlerts.push(name + ':' + a.join(' ')); };
  document.addEventListener('securitypolicyviolation',
    (e) => window.__checkViolations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

const PROBE = `(() => {
  const q = (s) => document.querySelectorAll(s);
  const visible = (el) => !!el && el.getClientRects().length > 0;
  return {
    title: document.title,
    integrity: document.documentElement.getAttribute('data-integrity'),
    verdictCards: q('#verdicts .verdict').length,
    timelineSvg: q('#timeline svg.tl').length,
    episodeBars: q('#timeline a.mark').length,
    findings: q('#findings article.finding').length,
    scripts: document.scripts.length,
    images: document.images.length,
    handlers: [...q('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
    externalLinks: [...q('[href],[src],[action],[xlink\\\\:href]')].map((e) =>
        e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '')
        .filter((u) => u && !u.startsWith('#') && !u.startsWith('data:')),
    copyVisible: visible(document.querySelector('button.copy')),
    filterVisible: visible(document.querySelector('.filter')),
    alerts: window.__checkAlerts || [],
    violations: window.__checkViolations || [],
    height: Math.ceil(document.documentElement.scrollHeight),
    dom: document.documentElement.outerHTML,
  };
})()`;

async function openPage(browser, url, { dark = false, javascript = true, print = false }) {
  const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
  const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
  const events = { requests: [], console: [], exceptions: [], dialogs: [] };
  const listener = (m) => {
    if (m.sessionId !== sessionId) return;
    const p = m.params;
    if (m.method === 'Network.requestWillBeSent') events.requests.push(p.request.url);
    if (m.method === 'Runtime.consoleAPICalled' && (p.type === 'error' || p.type === 'assert'))
      events.console.push(p.args.map((a) => a.value ?? a.description).join(' '));
    if (m.method === 'Log.entryAdded' && p.entry.level === 'error') events.console.push(p.entry.text);
    if (m.method === 'Runtime.exceptionThrown') events.exceptions.push(p.exceptionDetails.text);
    if (m.method === 'Page.javascriptDialogOpening') {
      events.dialogs.push(p.message);
      browser.send('Page.handleJavaScriptDialog', { accept: true }, sessionId).catch(() => {});
    }
  };
  browser.listeners.push(listener);
  for (const domain of ['Page', 'Runtime', 'Network', 'Log']) await browser.send(`${domain}.enable`, {}, sessionId);
  await browser.send('Emulation.setDeviceMetricsOverride',
      { width: WIDTH, height: HEIGHT, deviceScaleFactor: 1, mobile: false }, sessionId);
  await browser.send('Emulation.setEmulatedMedia', {
    media: print ? 'print' : '',
    features: [{ name: 'prefers-color-scheme', value: dark ? 'dark' : 'light' }],
  }, sessionId);
  if (!javascript) await browser.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId);
  await browser.send('Page.addScriptToEvaluateOnNewDocument', { source: WATCH_SCRIPT }, sessionId);
  const loaded = browser.waitFor('Page.loadEventFired', sessionId);
  await browser.send('Page.navigate', { url }, sessionId);
  await loaded;
  await new Promise((done) => setTimeout(done, 300));  // late console messages, if any
  const probe = await browser.send('Runtime.evaluate', { expression: PROBE, returnByValue: true }, sessionId);
  return {
    sessionId, targetId, events, probe: probe.result.value,
    close: async () => {
      browser.listeners.splice(browser.listeners.indexOf(listener), 1);
      await browser.send('Target.closeTarget', { targetId });
    },
  };
}

async function screenshot(browser, page, file, fullPage) {
  const height = fullPage ? Math.min(page.probe.height, MAX_SHOT_HEIGHT) : HEIGHT;
  const shot = await browser.send('Page.captureScreenshot', {
    format: 'png', captureBeyondViewport: fullPage,
    clip: { x: 0, y: 0, width: WIDTH, height, scale: 1 },
  }, page.sessionId);
  writeFileSync(file, Buffer.from(shot.data, 'base64'));
}

// Serialized markup: escaped text shows as &lt;img, so a literal <img is an element.
// What the script adds, exercised as a reader would: the inventory filter,
// a copy button, a click on each kind of episode bar.
const INTERACT = `(async () => {
  const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
  const shown = (sel) => [...document.querySelectorAll(sel)].filter((r) => !r.hidden);
  const out = { problems: [] };
  const status = document.getElementById('filter-status'), box = document.getElementById('filter');
  const skipped = document.querySelectorAll('#inventory tr[data-status=skipped]').length;
  status.value = 'skipped';
  status.dispatchEvent(new Event('change'));
  const rows = shown('#inventory tr[data-status]');
  if (rows.length !== skipped || rows.some((r) => r.dataset.status !== 'skipped'))
    out.problems.push('status filter shows ' + rows.length + ' rows, expected ' + skipped + ' skipped');
  if (skipped && !document.querySelector('#inventory details.entries').open)
    out.problems.push('filtering did not open the entry list');
  if (!document.getElementById('filter-count').textContent) out.problems.push('no filter count');
  status.value = '';
  status.dispatchEvent(new Event('change'));
  const host = document.querySelector('#inventory table.coverage td');
  if (host) {
    const word = host.textContent.toLowerCase();
    box.value = word;
    box.dispatchEvent(new Event('input'));
    const hits = shown('#inventory [data-row]');
    if (!hits.length || hits.some((r) => !r.textContent.toLowerCase().includes(word)))
      out.problems.push('text filter "' + word + '" shows rows without it');
  }
  const copy = document.querySelector('figure.ev button.copy');
  if (copy) {
    copy.click();
    await sleep(150);
    if (copy.textContent !== copy.getAttribute('data-done')) out.problems.push('copy button did not confirm');
  }
  for (const kind of ['inc', 'note']) {
    const bar = document.querySelector('#timeline a.mark.' + kind);
    if (!bar) continue;
    const href = bar.getAttribute('href');
    bar.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
    await sleep(150);
    const target = document.getElementById(href.slice(1));
    if (location.hash !== href || !target) out.problems.push(kind + ' bar link ' + href + ' went to ' + location.hash);
    else if (target.tagName === 'DETAILS' && !target.open) out.problems.push('note ' + href + ' not opened');
  }
  window.scrollTo(0, 0);
  return out;
})()`;

// One picture per section too, to review each part at full resolution.
const SECTIONS = ['timeline', 'findings', 'notes', 'inventory'];
async function sectionShots(browser, page, prefix) {
  for (const id of SECTIONS) {
    const box = await browser.send('Runtime.evaluate', { returnByValue: true, expression:
        `(() => { const r = document.getElementById('${id}').getBoundingClientRect();
                  return { y: r.top + scrollY, height: r.height }; })()` }, page.sessionId);
    const { y, height } = box.result.value;
    const shot = await browser.send('Page.captureScreenshot', {
      format: 'png', captureBeyondViewport: true,
      clip: { x: 0, y: Math.max(0, y - 8), width: WIDTH, height: Math.min(height + 16, 2400), scale: 1 },
    }, page.sessionId);
    writeFileSync(`${prefix}-${id}.png`, Buffer.from(shot.data, 'base64'));
  }
}

const PAYLOAD_ELEMENTS = [/<img\b/i, /<iframe\b/i, /<object\b/i, /<embed\b/i, /<script\b(?![^>]*>\s*\(function)/i];

function check(name, mode, page, spec, url) {
  const problems = [];
  const p = page.probe, e = page.events;
  const foreign = e.requests.filter((u) => u !== url && !u.startsWith('data:'));
  if (foreign.length) problems.push(`network requests: ${foreign.join(', ')}`);
  if (e.console.length) problems.push(`console errors: ${e.console.join(' | ')}`);
  if (e.exceptions.length) problems.push(`exceptions: ${e.exceptions.join(' | ')}`);
  if (e.dialogs.length || p.alerts.length) problems.push(`dialogs: ${[...e.dialogs, ...p.alerts].join(', ')}`);
  if (p.violations.length) problems.push(`CSP violations: ${p.violations.join(', ')}`);
  if (p.title !== 'Azure Stack Hub usage analysis' && p.title !== 'Analyse de l’utilisation Azure Stack Hub')
    problems.push(`unexpected title: ${p.title}`);
  if (p.verdictCards < 1) problems.push('no verdict card');
  if (p.timelineSvg !== 1) problems.push('no timeline SVG');
  if (p.scripts !== 1) problems.push(`${p.scripts} script elements`);
  if (p.images !== 0) problems.push(`${p.images} img elements`);
  if (p.handlers !== 0) problems.push(`${p.handlers} elements with on* attributes`);
  if (p.externalLinks.length) problems.push(`non-fragment links: ${p.externalLinks.slice(0, 5).join(', ')}`);
  for (const pattern of PAYLOAD_ELEMENTS)
    if (pattern.test(p.dom)) problems.push(`DOM holds an unescaped element: ${pattern}`);
  if (mode.javascript) {
    if (p.integrity !== 'intact') problems.push(`integrity flag is ${p.integrity}`);
    if (p.episodeBars > 0 !== p.findings > 0 && p.findings > 0) problems.push('findings but no episode bar');
    if (!mode.print && !p.filterVisible) problems.push('the inventory filter is not shown');
    if (mode.print && (p.filterVisible || p.copyVisible)) problems.push('screen-only controls in print');
  } else {
    if (p.integrity !== null) problems.push('the script ran with JavaScript disabled');
    if (p.copyVisible || p.filterVisible) problems.push('JavaScript-only controls visible with JavaScript off');
  }
  if (spec.xss && !p.dom.includes('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'))
    problems.push('the payload is not shown as text');
  for (const problem of problems) console.error(`FAIL ${name} [${mode.label}]: ${problem}`);
  if (!problems.length)
    console.log(`ok   ${name} [${mode.label}]: ${p.verdictCards} verdicts, ${p.episodeBars} episode bars, ` +
                `${p.findings} findings, ${e.requests.length} request(s), height ${p.height}px`);
  return problems.length === 0;
}

const MODES = [
  { label: 'light', dark: false, javascript: true, shots: ['top', 'full'], sections: true, interact: true },
  { label: 'dark', dark: true, javascript: true, shots: ['top', 'full'], sections: true },
  { label: 'nojs', dark: false, javascript: false, shots: ['top'] },
  { label: 'print', dark: false, javascript: true, print: true, shots: ['full'], pdf: true },
];

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!args.pages.length) {
    console.error('usage: node browser_check.mjs [--chromium PATH] [--out DIR] name=report.html[,xss]...');
    return 2;
  }
  mkdirSync(args.out, { recursive: true });
  const browser = new Browser(args.chromium);
  let ok = true;
  try {
    await browser.send('Target.setDiscoverTargets', { discover: false });
    for (const spec of args.pages) {
      const url = pathToFileURL(spec.path).href;
      for (const mode of MODES) {
        const page = await openPage(browser, url, mode);
        ok = check(spec.name, mode, page, spec, url) && ok;
        for (const kind of mode.shots)
          await screenshot(browser, page, join(args.out, `${spec.name}-${mode.label}-${kind}.png`), kind === 'full');
        if (mode.interact) {
          const r = await browser.send('Runtime.evaluate',
              { expression: INTERACT, awaitPromise: true, returnByValue: true, userGesture: true }, page.sessionId);
          const problems = r.exceptionDetails ? [r.exceptionDetails.text] : r.result.value.problems;
          for (const problem of problems) console.error(`FAIL ${spec.name} [${mode.label}]: ${problem}`);
          ok = problems.length === 0 && ok;
        }
        if (mode.sections) await sectionShots(browser, page, join(args.out, `${spec.name}-${mode.label}`));
        if (mode.pdf) {
          const pdf = await browser.send('Page.printToPDF', { printBackground: true }, page.sessionId);
          writeFileSync(join(args.out, `${spec.name}.pdf`), Buffer.from(pdf.data, 'base64'));
        }
        await page.close();
      }
    }
  } catch (error) {
    console.error(`browser_check: ${error.message}\n${browser.stderr.slice(-2000)}`);
    ok = false;
  } finally {
    await browser.close();
  }
  console.log(`screenshots in ${resolve(args.out)}`);
  return ok ? 0 : 1;
}

process.exitCode = await main();
