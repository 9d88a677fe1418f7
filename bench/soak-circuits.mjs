// The soak's page views (bench/soak.sh): N signed-in Blazor circuits that keep browsing, in ONE headless Chromium.
//
//   node bench/soak-circuits.mjs http://127.0.0.1:PORT 200
//
// Opens N circuits as bench/circuits.mjs does (PAGES_PER_CONTEXT tabs, default 25, per browser context, each context signed
// in once through the real form, Chromium held to RENDERER_PROCESSES renderer processes, default 8: a context and a
// renderer process per circuit starved two cores at 200; each tab is its own circuit all the same, live when a render
// batch arrives on /_blazor), then each circuit, every PERIOD_SECONDS (default 30, with
// jitter), navigates INSIDE its circuit to the next page of PAGES (Blazor.navigateTo: a render in the live circuit,
// not a new page load) and waits for the new page's title, which only the circuit renders. When a navigation fails
// (e.g. its server was killed), the page is reloaded after a random pause that grows with each failure in a row: a new
// circuit, on whichever server nginx sends it to now.
//
// Prints one line per event on stdout, `<epoch ms> <event> <circuit> <ms>` with events open, open_retry (a sign-in
// that failed and is tried again, up to twice), open_fail, nav_ok, nav_fail, reload_ok, reload_fail, then on SIGTERM/SIGINT/SIGUSR1 or after HOLD_SECONDS (default 1800) closes everything and
// prints `circuits_closed=N`. Environment: BENCH_USER (headoffice), BENCH_PASSWORD, CONCURRENCY (sign-ins at once,
// default 2), PERIOD_SECONDS, PAGES (comma-separated paths), CHROMIUM, STEP_TIMEOUT_MS (default 60000), MOVES (a
// warm-up: each circuit stops after that many page moves, and all close when every one has).
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const base = (args[0] ?? 'http://127.0.0.1:5000').replace(/\/+$/, '');
const count = Number.parseInt(args[1] ?? '200', 10);
const user = process.env.BENCH_USER ?? 'headoffice';
const password = process.env.BENCH_PASSWORD ?? 'portal-demo-1403';
const concurrency = Math.max(1, Number.parseInt(process.env.CONCURRENCY ?? '2', 10));
const holdSeconds = Number.parseInt(process.env.HOLD_SECONDS ?? '1800', 10);
const periodMs = Number.parseFloat(process.env.PERIOD_SECONDS ?? '30') * 1000;
const stepTimeout = Number.parseInt(process.env.STEP_TIMEOUT_MS ?? '60000', 10);
const moves = Number.parseInt(process.env.MOVES ?? '0', 10);
const pages = (process.env.PAGES ?? '/,/circulars,/agencies,/monthly/completeness').split(',');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const pagesPerContext = Math.max(1, Number.parseInt(process.env.PAGES_PER_CONTEXT ?? '25', 10));
const rendererProcesses = Math.max(1, Number.parseInt(process.env.RENDERER_PROCESSES ?? '8', 10));

if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) {
  console.error(`refusing target ${base}: only http://127.0.0.1:PORT`);
  process.exit(2);
}
if (!Number.isInteger(count) || count < 1 || count > 1000) {
  console.error(`bad circuit count ${args[1]}`);
  process.exit(2);
}

const emit = (event, i, ms) => console.log(`${Date.now()} ${event} ${i} ${Math.round(ms)}`);
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage', '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
    `--renderer-process-limit=${rendererProcesses}`],
});

let closing = false;
const contexts = [];
async function closeAll(code) {
  if (closing) return;
  closing = true;
  let closed = 0;
  for (const c of contexts) {
    try { await c.close(); closed++; } catch { /* gone */ }
  }
  try { await browser.close(); } catch { /* already gone */ }
  console.log(`circuits_closed=${closed}`);
  process.exit(code);
}
process.on('SIGINT', () => closeAll(0));
process.on('SIGTERM', () => closeAll(0));
process.on('SIGUSR1', () => closeAll(0));

/** Resolves when the page's /_blazor websocket delivers a render batch: the circuit is up. */
function circuitLive(page) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no Blazor circuit render batch within timeout')), stepTimeout);
    page.on('websocket', ws => {
      if (!ws.url().includes('/_blazor')) return;
      ws.on('framereceived', ({ payload }) => {
        const text = typeof payload === 'string' ? payload : Buffer.from(payload).toString('latin1');
        if (text.includes('JS.RenderBatch')) { clearTimeout(timer); resolve(ws); }
      });
    });
  });
}

/** A signed-in browser context per PAGES_PER_CONTEXT circuits: signed in once through the form (that tab then closes). */
const contextOf = new Map();
function contextFor(group) {
  if (!contextOf.has(group)) contextOf.set(group, signInContext().catch(e => { contextOf.delete(group); throw e; }));
  return contextOf.get(group);
}
async function signInContext() {
  const context = await browser.newContext({ locale: 'fa-IR' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(stepTimeout);
  await page.goto(`${base}/account/login`, { waitUntil: 'domcontentloaded' });
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([page.waitForURL(`${base}/`, { waitUntil: 'domcontentloaded' }), page.click('button[type=submit]')]);
  await page.close();
  return context;
}

/** Opens circuit i: a tab of its group's signed-in context on home, live when its render batch has arrived. */
async function signIn(i) {
  const started = performance.now();
  const context = await contextFor(Math.floor(i / pagesPerContext));
  const page = await context.newPage();
  page.setDefaultTimeout(stepTimeout);
  const live = circuitLive(page);
  live.catch(() => {});
  try {
    await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
    await live;
    await page.locator('[data-testid=userbox]').waitFor({ state: 'visible' });
  } catch (e) {
    await page.close().catch(() => {});
    throw e;
  }
  emit('open', i, performance.now() - started);
  return page;
}

/** A live circuit renders the page in place: the URL changes and the title the circuit writes follows. */
async function navigate(page, path) {
  const before = await page.title();
  await page.evaluate(p => window.Blazor.navigateTo(p), path);
  await page.waitForURL(u => new URL(u).pathname === path, { timeout: stepTimeout });
  await page.waitForFunction(t => document.title !== t && document.title.length > 0, before, { timeout: stepTimeout });
}

/** After a failure: load the page afresh (a new circuit wherever nginx sends it), live when a render batch arrives. */
async function reload(page, path) {
  const live = circuitLive(page);
  live.catch(() => {});
  await page.goto(`${base}${path}`, { waitUntil: 'domcontentloaded' });
  await live;
  await page.locator('[data-testid=userbox]').waitFor({ state: 'visible' });
}

const sleep = ms => new Promise(r => setTimeout(r, ms));

async function browse(page, i) {
  let n = 1;
  let failedInARow = 0;
  await sleep(Math.random() * periodMs);
  while (!closing) {
    const path = pages[n++ % pages.length];
    const t = performance.now();
    try {
      await navigate(page, path);
      emit('nav_ok', i, performance.now() - t);
      failedInARow = 0;
      if (n > moves && moves > 0) return;
    } catch {
      emit('nav_fail', i, performance.now() - t);
      // As a person whose page stopped answering: a pause before reloading, longer after each failure in a row (a
      // random wait of up to 2, 4, 8 ... 60 s). Reloading at once, the tabs of the soak of 2026-12-04 21:23 kept their
      // overloaded machine (load 62 after the kill) busy with reloads that passed their 60 s limit and were tried again.
      failedInARow++;
      await sleep(Math.random() * Math.min(60_000, 2_000 * 2 ** (failedInARow - 1)));
      const r = performance.now();
      try {
        await reload(page, path);
        emit('reload_ok', i, performance.now() - r);
        failedInARow = 0;
      } catch { emit('reload_fail', i, performance.now() - r); }
    }
    await sleep(periodMs * (0.75 + Math.random() * 0.5));
  }
}

setTimeout(() => closeAll(0), holdSeconds * 1000);
const opened = [];
let next = 0;
let failures = 0;
async function opener() {
  while (next < count && !closing) {
    const i = next++;
    // A sign-in whose server died under it is tried again, as its user would (twice at most), and counted.
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        const page = await signIn(i);
        opened.push(browse(page, i));
        break;
      } catch (e) {
        console.error(`circuit ${i} failed to open (attempt ${attempt}): ${e.message}`);
        if (attempt === 3) { failures++; emit('open_fail', i, 0); } else emit('open_retry', i, 0);
      }
    }
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, count) }, opener));
console.log(`circuits_open=${count - failures}`);
await Promise.all(opened);
if (moves > 0) await closeAll(0);
