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
// When all are open it prints `circuits_open=N` and holds them until SIGUSR1 / SIGINT / SIGTERM,
// a line on stdin (only with --wait-stdin), or HOLD_SECONDS (default 300) pass; then it closes
// everything and prints `circuits_closed=N`.
//
// Environment: BENCH_USER (default headoffice), BENCH_PASSWORD (default portal-demo-1403),
// CONCURRENCY (sign-ins in flight at once, default 2), HOLD_SECONDS, CHROMIUM (default /usr/bin/chromium),
// STEP_TIMEOUT_MS (per wait, default 60000).
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

if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) {
  console.error(`refusing target ${base}: only http://127.0.0.1:PORT`);
  process.exit(2);
}
if (!Number.isInteger(count) || count < 1 || count > 500) {
  console.error(`bad circuit count ${args[1]}`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-dev-shm-usage'],
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

async function openOne(i) {
  const started = performance.now();
  const step = m => { if (process.env.DEBUG_STEPS) console.error(`#${i} ${Math.round(performance.now() - started)}ms ${m}`); };
  const context = await browser.newContext({ locale: 'fa-IR' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(stepTimeout);
  const live = circuitLive(page);
  live.catch(() => {}); // observed below
  await page.goto(`${base}/account/login`, { waitUntil: 'domcontentloaded' });
  step("login page");
  await page.fill('#username', user);
  await page.fill('#password', password);
  await Promise.all([
    page.waitForURL(`${base}/`, { waitUntil: 'domcontentloaded' }),
    page.click('button[type=submit]'),
  ]);
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
