// End-to-end tests of the web app in Debian's Chromium, driven by playwright-core, against a
// running `rapport serve` (or Vite's preview proxying /api to one). Prints one line per test
// and a closing "N passed, N failed"; exits non-zero when any test failed.
//
// Environment:
//   RAPPORT_E2E_URL       base URL serving the app at / and the API under /api/v1
//   RAPPORT_E2E_PASSWORD  password of admin@example.org (admin) and viewer@example.org (read_only)
//   RAPPORT_E2E_SHOTS     optional directory for PNG screenshots
//   RAPPORT_E2E_CHROMIUM  optional browser path (default /usr/bin/chromium)
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const base = (process.env.RAPPORT_E2E_URL ?? '').replace(/\/$/, '');
const password = process.env.RAPPORT_E2E_PASSWORD ?? '';
const shots = process.env.RAPPORT_E2E_SHOTS ?? '';
if (!base || !password) {
  console.error('e2e: set RAPPORT_E2E_URL and RAPPORT_E2E_PASSWORD');
  process.exit(2);
}
if (shots) mkdirSync(shots, { recursive: true });

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const kTimeout = 15_000;
// A unique mark per run, so that records from earlier runs on the same database do not mix in.
const run = Date.now().toString(36).slice(-4);
const givenName = 'สมชาย';
const familyName = `ใจดี${run}`;

const tests = [];
const test = (name, body) => tests.push({ name, body });

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(page, name) {
  if (!shots) return;
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

// Runs axe-core on the page; serious and critical violations fail the test.
async function axe(page) {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy rightly refuses
  // an injected inline script.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  check(violations.length === 0, `axe found:\n      ${violations.join('\n      ')}`);
}

// Signs in through the form; a 429 from earlier failed attempts is waited out as a user would.
async function signIn(page, email) {
  await page.goto(`${base}/sign-in`);
  for (let attempt = 0; attempt < 4; attempt += 1) {
    await page.getByLabel('E-mail').fill(email);
    await page.locator('input[autocomplete="current-password"]').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const outcome = await Promise.race([
      page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: kTimeout }).then(() => 'in'),
      page.getByTestId('sign-in-error').waitFor({ timeout: kTimeout }).then(() => 'error'),
    ]);
    if (outcome === 'in') return;
    const message = await page.getByTestId('sign-in-error').innerText();
    const seconds = Number(/(\d+) seconds/.exec(message)?.[1]);
    check(Number.isFinite(seconds), `sign-in failed: ${message}`);
    await page.waitForTimeout((seconds + 1) * 1000);
  }
  throw new Error(`could not sign in as ${email}`);
}

async function chooseLanguage(page, code) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId(`language-${code}`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
}

const browser = await chromium.launch({
  executablePath: process.env.RAPPORT_E2E_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const viewport = { width: 1280, height: 800 };
// Whatever the server's Content-Security-Policy refuses the app, seen on any page of the run.
const policyViolations = [];
function watchPolicy(page) {
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      policyViolations.push(message.text());
    }
  });
}
const admin = await (await browser.newContext({ viewport, locale: 'en-US' })).newPage();
admin.setDefaultTimeout(kTimeout);
watchPolicy(admin);
let contactPath = '';

test('a wrong password shows the message', async () => {
  await admin.goto(`${base}/r/contact`);
  await admin.waitForURL(/\/sign-in/);
  await admin.getByLabel('E-mail').fill('admin@example.org');
  await admin.locator('input[autocomplete="current-password"]').fill('not-the-password');
  await admin.getByRole('button', { name: 'Sign in' }).click();
  const message = await admin.getByTestId('sign-in-error').innerText();
  check(/wrong|wait/i.test(message), `unexpected message: ${message}`);
});

test('axe: sign-in page', async () => {
  await axe(admin);
});

test('sign in as admin and return to the page asked for', async () => {
  await admin.goto(`${base}/r/company`);
  await admin.waitForURL(/\/sign-in/);
  await signIn(admin, 'admin@example.org');
  await admin.waitForURL(/\/r\//);
  check(new URL(admin.url()).pathname === '/r/company', `landed on ${admin.url()}, not /r/company`);
  await admin.getByTestId('record-row').first().waitFor();
});

test('create a contact with a Thai name and a Thai mobile number', async () => {
  await admin.goto(`${base}/r/contact`);
  await admin.getByTestId('new-record').click();
  await admin.getByLabel('Given name').fill(givenName);
  await admin.getByLabel('Family name').fill(familyName);
  await admin.getByLabel('Phone number').fill('081 234 5678');
  await admin.getByTestId('create-submit').click();
  await admin.waitForURL(/\/r\/contact\/\d+$/);
  contactPath = new URL(admin.url()).pathname;
  const title = await admin.getByTestId('record-title').innerText();
  check(title.includes(givenName) && title.includes(familyName), `title is ${title}`);
  const phone = await admin.locator('[data-field="phones.0.number"]').inputValue();
  check(phone === '081 234 5678', `phone reads ${phone}`);
});

test('find it through global search by a two-letter Thai fragment', async () => {
  check(contactPath, 'no contact was created');
  await admin.goto(`${base}/r/activity`);
  await admin.getByTestId('record-row').first().waitFor();
  await admin.locator('body').press('/');
  const input = admin.getByTestId('global-search-input');
  await input.waitFor();
  await input.fill('ใจ');
  const hit = admin.locator(`a[data-search-result][href="${contactPath}"]`);
  await hit.waitFor();
  check((await hit.locator('mark').count()) > 0, 'the match is not highlighted');
  await hit.click();
  await admin.waitForURL((url) => url.pathname === contactPath);
});

test('a validation error shows on its field, then the corrected value saves', async () => {
  await admin.goto(`${base}${contactPath}`);
  const email = admin.locator('[data-field="emails.0.address"]');
  await email.fill('somchai-at-example.org');
  await admin.getByTestId('save').click();
  await admin.getByText('email address needs an @').waitFor();
  check((await email.getAttribute('aria-invalid')) === 'true', 'the e-mail input is not marked invalid');
  await email.fill(`somchai.${run}@example.org`);
  await admin.getByTestId('save').click();
  await admin.getByTestId('save').waitFor({ state: 'detached' });
  await admin.reload();
  const stored = await admin.locator('[data-field="emails.0.address"]').inputValue();
  check(stored === `somchai.${run}@example.org`, `stored e-mail is ${stored}`);
});

test('axe: record page', async () => {
  await admin.goto(`${base}${contactPath}`);
  await admin.getByTestId('timeline').waitFor();
  await axe(admin);
  await shot(admin, 'record-en');
});

test('sort the list by a column', async () => {
  await admin.goto(`${base}/r/contact`);
  await admin.getByTestId('record-row').first().waitFor();
  const header = admin.getByTestId('sort-family_name');
  await header.click();
  await admin.waitForURL(/sort=family_name/);
  check((await admin.locator('th[aria-sort="ascending"]').innerText()).includes('Family name'), 'no ascending header');
  const firstAscending = await admin.getByTestId('record-row').first().innerText();
  await header.click();
  await admin.waitForURL(/sort=-family_name/);
  await admin.locator('th[aria-sort="descending"]').waitFor();
  await admin.waitForFunction(
    (before) => document.querySelector('[data-testid="record-row"]')?.textContent !== before,
    firstAscending.replace(/\t/g, ''),
  );
  check((await admin.getByTestId('record-row').first().innerText()) !== firstAscending, 'the order did not change');
});

test('axe: list page', async () => {
  await admin.goto(`${base}/r/contact`);
  await admin.getByTestId('record-row').first().waitFor();
  await axe(admin);
  await shot(admin, 'list-en');
});

test('switch the UI to Thai and to Traditional Chinese', async () => {
  await admin.goto(`${base}/r/contact`);
  await chooseLanguage(admin, 'th');
  await admin.getByTestId('nav-contact').getByText('ผู้ติดต่อ').waitFor();
  await admin.getByRole('columnheader', { name: 'นามสกุล' }).waitFor();
  await admin.getByTestId('record-row').first().waitFor();
  await shot(admin, 'list-th');
  await admin.goto(`${base}${contactPath}`);
  await admin.getByText('ไทม์ไลน์').waitFor();
  await shot(admin, 'record-th');
  await chooseLanguage(admin, 'zh-Hant');
  await admin.getByTestId('nav-contact').getByText('聯絡人').waitFor();
  await admin.getByText('時間軸').waitFor();
  await shot(admin, 'record-zh-Hant');
  await chooseLanguage(admin, 'en');
  await admin.getByTestId('nav-contact').getByText('Contacts').waitFor();
});

test('the read-only user sees no edit or create controls', async () => {
  const viewer = await (await browser.newContext({ viewport, locale: 'en-US' })).newPage();
  viewer.setDefaultTimeout(kTimeout);
  watchPolicy(viewer);
  try {
    await signIn(viewer, 'viewer@example.org');
    await viewer.goto(`${base}/r/contact`);
    await viewer.getByTestId('record-row').first().waitFor();
    check((await viewer.getByTestId('new-record').count()) === 0, 'the New button is shown');
    await viewer.goto(`${base}${contactPath}`);
    await viewer.getByTestId('record-title').waitFor();
    await viewer.getByTestId('timeline').waitFor();
    for (const id of ['record-form', 'trash', 'note-composer', 'save']) {
      check((await viewer.getByTestId(id).count()) === 0, `${id} is shown`);
    }
    const inputs = await viewer.locator('main input, main textarea').count();
    check(inputs === 0, `${inputs} inputs on the record page`);
    await axe(viewer);
  } finally {
    await viewer.context().close();
  }
});

test('the app breaks no rule of its Content-Security-Policy', async () => {
  check(policyViolations.length === 0, `refused by the policy:\n      ${policyViolations.join('\n      ')}`);
});

let passed = 0;
let failed = 0;
for (const { name, body } of tests) {
  const started = Date.now();
  try {
    await body();
    passed += 1;
    console.log(`ok   ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    if (shots) await admin.screenshot({ path: join(shots, `failed-${passed + failed}.png`) }).catch(() => {});
  }
}
await browser.close();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
