// Screenshots of pages as a given user, for looking at them:  node bench/shots.mjs URL USER OUTDIR path1 path2 ...
import { chromium } from 'playwright-core';
const [base, user, out, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'fa-IR' });
await page.goto(`${base}/account/login`);
await page.fill('#username', user);
await page.fill('#password', process.env.BENCH_PASSWORD ?? 'portal-demo-1403');
await Promise.all([page.waitForURL(`${base}/`), page.click('button[type=submit]')]);
for (const [i, path] of paths.entries()) {
  await page.goto(`${base}/${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800); // let the circuit's first render land; these are pictures for people, not tests
  await page.screenshot({ path: `${out}/${user}-${i}.png`, fullPage: true });
  console.log(`${out}/${user}-${i}.png ${path}`);
}
await browser.close();
