// Opens N signed-in Blazor Server circuits against the portal, keeps them open, and waits.
//
//   node bench/circuits.mjs http://127.0.0.1:PORT 50
//
// Each circuit is its own browser context (own cookies) in ONE headless Chromium. For each one:
// GET /account/login, fill #username / #password, submit, wait for the URL "/", for the heading
// «پیشخوان» to be visible, and for the Blazor circuit to be live: a frame carrying "JS.RenderBatch"
// received on the /_blazor websocket (the server has started the circuit and rendered into it),
// then for [data-testid=userbox] to be visible.
//
// PAGES_PER_CONTEXT=K (default 1): each context signs in once and then opens K-1 more tabs on "/" with the same
// cookie, each its own circuit (the same checks, without the sign-in). A thousand contexts each with its own renderer
// process would need ~30 GB; with K tabs per context and RENDERER_PROCESSES=P (Chromium's --renderer-process-limit)
// tabs share P renderer processes, and one Chromium holds 1,000 circuits in a few GB. The server's cost of a circuit
// is the same either way (each tab is its own circuit, scope and render tree).
//
// When all are open it prints `circuits_open=N` and holds them until SIGUSR1 / SIGINT / SIGTERM,
// a line on stdin (only with --wait-stdin), or HOLD_SECONDS (default 300) pass; then it closes
// everything and prints `circuits_closed=N`.
//
// Environment: BENCH_USER (default headoffice), BENCH_PASSWORD (default portal-demo-1403),
// CONCURRENCY (sign-ins in flight at once, default 2), HOLD_SECONDS, CHROMIUM (default /usr/bin/chromium),
// STEP_TIMEOUT_MS (per wait, default 60000), PAGES_PER_CONTEXT (default 1), RENDERER_PROCESSES (default: Chromium's own),
// LIGHT_TABS (1: no stylesheets, fonts or images, a 480×320 window; see below).
import { chromium } from 'playwright-core';

const args = process.argv.slice(2).filter(a => !a.startsWith('--'));
const flags = new Set(process.argv.slice(2).filter(a => a.startsWith('--')));
const base = (args[0] ?? 'http://127.0.0.1:5000').replace(/\/+$/, '');
const count = Number.parseInt(args[1] ?? '50', 10);
const user = process.env.BENCH_USER ?? 'headoffice';
const password = process.env.BENCH_PASSWORD ?? 'portal-demo-1403';
const concurrency = Math.max(1, Number.parseInt(process.env.CONCURRENCY ?? '2', 10));
const holdSeconds = Number.parseInt(process.env.HOLD_SECONDS ?? '300', 10);
const stepTimeout = Number.parseInt(process.env.STEP_TIMEOUT_MS ?? '60000', 10);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const pagesPerContext = Math.max(1, Number.parseInt(process.env.PAGES_PER_CONTEXT ?? '1', 10));
const rendererProcesses = Number.parseInt(process.env.RENDERER_PROCESSES ?? '0', 10);
const lightTabs = process.env.LIGHT_TABS === '1';

if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) {
  console.error(`refusing target ${base}: only http://127.0.0.1:PORT`);
  process.exit(2);
}
if (!Number.isInteger(count) || count < 1 || count > 2000) {
  console.error(`bad circuit count ${args[1]}`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage',
    // held tabs must keep their SignalR keep-alives on time (the server drops a client silent for 30 s)
    '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
    ...(rendererProcesses > 0 ? [`--renderer-process-limit=${rendererProcesses}`] : [])],
});

let closing = false;
const contexts = [];
async function closeAll(code) {
  if (closing) return;
  closing = true;
  let closed = 0;
  for (const c of contexts) {
    try { await c.close(); closed++; } catch (e) { console.error(`context close failed: ${e.message}`); }
  }
  try { await browser.close(); } catch { /* already gone */ }
  console.log(`circuits_closed=${closed}`);
  process.exit(code);
}

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

// LIGHT_TABS=1: tabs without stylesheets, fonts or images, in a small window. The server sends and receives the same
// (the circuit, its render batches and JS calls do not depend on how the page looks); the browser holds far less a tab.
const lightSkips = new Set(['stylesheet', 'font', 'image', 'media']);

const contextOf = new Map(); // context index -> Promise of a signed-in context

async function openOne(i) {
  const started = performance.now();
  const step = m => { if (process.env.DEBUG_STEPS) console.error(`#${i} ${Math.round(performance.now() - started)}ms ${m}`); };
  const ctxIndex = Math.floor(i / pagesPerContext);
  const first = !contextOf.has(ctxIndex);
  let signedIn;
  if (first) {
    let resolveSignedIn, rejectSignedIn;
    signedIn = new Promise((res, rej) => { resolveSignedIn = res; rejectSignedIn = rej; });
    signedIn.catch(() => {});
    contextOf.set(ctxIndex, signedIn);
    let context;
    try {
      context = await browser.newContext({ locale: 'fa-IR', ...(lightTabs ? { viewport: { width: 480, height: 320 } } : {}) });
      if (lightTabs) await context.route('**/*', r => lightSkips.has(r.request().resourceType()) ? r.abort() : r.continue());
    } catch (e) { rejectSignedIn(e); throw e; }
    contexts.push(context);
    signedIn.resolveWith = resolveSignedIn; signedIn.rejectWith = rejectSignedIn; signedIn.context = context;
  } else {
    await contextOf.get(ctxIndex);
  }
  const context = contextOf.get(ctxIndex).context;
  const page = await context.newPage();
  page.setDefaultTimeout(stepTimeout);
  const live = circuitLive(page);
  live.catch(() => {}); // observed below
  if (first) {
    try {
      await page.goto(`${base}/account/login`, { waitUntil: 'domcontentloaded' });
      step("login page");
      await page.fill('#username', user);
      await page.fill('#password', password);
      await Promise.all([
        page.waitForURL(`${base}/`, { waitUntil: 'domcontentloaded' }),
        page.click('button[type=submit]'),
      ]);
    } catch (e) { contextOf.get(ctxIndex).rejectWith(e); throw e; }
    contextOf.get(ctxIndex).resolveWith();
  } else {
    await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
  }
  step("at /");
  await page.locator('h4', { hasText: 'پیشخوان' }).first().waitFor({ state: 'visible' });
  step("heading");
  await live;
  step("circuit live");
  await page.locator('[data-testid=userbox]').waitFor({ state: 'visible' });
  step("userbox");
  // the home page shows its counts once the circuit has rendered them
  await page.locator('[data-testid=count-Agency]').waitFor({ state: 'visible' });
  return performance.now() - started;
}

process.on('SIGINT', () => closeAll(0));
process.on('SIGTERM', () => closeAll(0));
process.on('SIGUSR1', () => closeAll(0));

const times = [];
let next = 0;
let failed = null;
const t0 = performance.now();
async function worker() {
  while (!failed && next < count) {
    const i = next++;
    try {
      times.push(await openOne(i));
    } catch (e) {
      failed = e;
    }
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
if (failed) {
  console.error(`circuit failed: ${failed.message}`);
  await closeAll(1);
}
times.sort((a, b) => a - b);
const pick = q => times[Math.min(times.length - 1, Math.max(0, Math.ceil(q * times.length) - 1))];
console.log(`circuit_open_p50_ms=${Math.round(pick(0.5))}`);
console.log(`circuit_open_max_ms=${Math.round(times[times.length - 1])}`);
console.log(`circuits_open_total_s=${((performance.now() - t0) / 1000).toFixed(1)}`);
console.log(`circuits_open=${times.length}`);

setTimeout(() => closeAll(0), holdSeconds * 1000);
if (flags.has('--wait-stdin')) {
  process.stdin.once('data', () => closeAll(0));
  process.stdin.once('end', () => closeAll(0));
}
