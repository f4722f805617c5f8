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
// Reduced motion turns Mantine's transitions off: axe measures a dialog's colours once it is
// shown, not halfway through its fade-in (a flaky contrast failure otherwise).
const contextOptions = { viewport, locale: 'en-US', reducedMotion: 'reduce' };
// Whatever the server's Content-Security-Policy refuses the app, seen on any page of the run.
const policyViolations = [];
function watchPolicy(page) {
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      policyViolations.push(message.text());
    }
  });
}
const admin = await (await browser.newContext(contextOptions)).newPage();
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
  const viewer = await (await browser.newContext(contextOptions)).newPage();
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

// Today at 23:59 in the browser's (and this process's) time zone, as a datetime-local value,
// so that the task lands in "due today".
function laterToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T23:59`;
}

test('log a call and a task on the contact and see them on its timeline', async () => {
  check(contactPath, 'no contact was created');
  await admin.goto(`${base}${contactPath}`);
  const composer = admin.getByTestId('activity-composer');
  await composer.waitFor();
  await composer.getByTestId('activity-subject').fill(`Call about the offer ${run}`);
  await composer.getByTestId('activity-duration').fill('12');
  await composer.getByTestId('activity-outcome').fill('Wants a quote');
  await composer.getByTestId('activity-submit').click();
  await admin.getByTestId('timeline-activity').filter({ hasText: `Call about the offer ${run}` }).waitFor();
  await composer.getByText('Task', { exact: true }).click();
  await composer.getByTestId('activity-subject').fill(`Send the quote ${run}`);
  await composer.getByTestId('activity-due').fill(laterToday());
  await composer.getByTestId('activity-submit').click();
  await admin.getByTestId('timeline-activity').filter({ hasText: `Send the quote ${run}` }).waitFor();
  check((await composer.getByTestId('activity-subject').inputValue()) === '', 'the composer kept the subject');
  await shot(admin, 'record-activities');
});

test('My day is the start page and shows the task; marking it done takes it off', async () => {
  await admin.goto(`${base}/`);
  await admin.waitForURL(/\/my-day$/);
  const item = admin.getByTestId('my-day-today').getByTestId('my-day-item').filter({ hasText: `Send the quote ${run}` });
  await item.waitFor();
  await item.locator(`a[href="${contactPath}"]`).filter({ hasText: givenName }).waitFor();
  await axe(admin);
  await shot(admin, 'my-day');
  await item.getByTestId('mark-done').click();
  await item.waitFor({ state: 'detached' });
  const status = await admin.evaluate(async (subject) => {
    const query = new URLSearchParams({ 'filter[subject]': subject });
    const page = await (await fetch(`/api/v1/activities?${query}`)).json();
    return page.items.map((a) => a.status).join();
  }, `Send the quote ${run}`);
  check(status === 'done', `the task's status is ${status}`);
});

test('the concurrent-edit 412 flow keeps what the second editor typed', async () => {
  const second = await admin.context().newPage();
  second.setDefaultTimeout(kTimeout);
  watchPolicy(second);
  try {
    await admin.goto(`${base}${contactPath}`);
    await second.goto(`${base}${contactPath}`);
    const notes = (page) => page.locator('[data-testid="record-form"] [data-field="notes"]');
    await notes(second).waitFor();
    await notes(admin).fill(`First editor ${run}`);
    await admin.getByTestId('save').click();
    await admin.getByTestId('save').waitFor({ state: 'detached' });
    await notes(second).fill(`Second editor ${run}`);
    await second.getByTestId('save').click();
    const banner = second.getByTestId('stale-banner');
    await banner.waitFor();
    await shot(second, 'record-stale');
    await banner.getByRole('button', { name: 'Reload' }).click();
    await banner.waitFor({ state: 'detached' });
    const kept = await notes(second).inputValue();
    check(kept === `Second editor ${run}`, `after reloading the form holds ${kept}`);
    await second.getByTestId('save').click();
    await second.getByTestId('save').waitFor({ state: 'detached' });
    await second.reload();
    const stored = await notes(second).inputValue();
    check(stored === `Second editor ${run}`, `stored notes are ${stored}`);
  } finally {
    await second.close();
  }
});

test('the API refuses a write by the read-only user', async () => {
  const viewer = await (await browser.newContext(contextOptions)).newPage();
  viewer.setDefaultTimeout(kTimeout);
  try {
    await signIn(viewer, 'viewer@example.org');
    await viewer.goto(`${base}${contactPath}`);
    await viewer.getByTestId('record-title').waitFor();
    check((await viewer.getByTestId('activity-composer').count()) === 0, 'the activity composer is shown');
    const status = await viewer.evaluate(async (path) => {
      const id = path.split('/').pop();
      const response = await fetch(`/api/v1/contacts/${id}`, {
        method: 'PATCH',
        headers: {
          'Content-Type': 'application/json',
          'X-CSRF-Token': localStorage.getItem('rapport.csrf') ?? '',
          'If-Match': '*',
        },
        body: JSON.stringify({ notes: 'written by a viewer' }),
      });
      return response.status;
    }, contactPath);
    check(status === 403, `the PATCH answered ${status}`);
  } finally {
    await viewer.context().close();
  }
});

test('trash a record, find it in the trash and restore it', async () => {
  await admin.goto(`${base}${contactPath}`);
  await admin.getByTestId('trash').click();
  await admin.getByTestId('trash-confirm').click();
  await admin.waitForURL((url) => url.pathname === '/r/contact');
  await admin.getByTestId('list-page').getByText('Trash', { exact: true }).click();
  await admin.waitForURL(/shelf=trash/);
  const link = admin.locator(`[data-testid="record-row"] a[href="${contactPath}"]`);
  await link.waitFor();
  await shot(admin, 'list-trash');
  await link.click();
  const banner = admin.getByTestId('trash-banner');
  await banner.waitFor();
  check((await admin.getByTestId('record-form').count()) === 0, 'a trashed record shows the edit form');
  await banner.getByTestId('restore').click();
  await banner.waitFor({ state: 'detached' });
  await admin.getByTestId('record-form').waitFor();
  await admin.getByTestId('trash').waitFor();
  await admin.goto(`${base}/r/contact?shelf=trash`);
  await admin.getByTestId('list-page').waitFor();
  await admin.waitForTimeout(500);
  check((await admin.locator(`a[href="${contactPath}"]`).count()) === 0, 'the restored contact is still in the trash');
});

// Picks an option of a Mantine select by its visible label.
async function pick(page, testId, option) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

async function headers(page) {
  return (await page.locator('[data-testid="record-table"] thead th').allInnerTexts()).map((s) => s.trim()).filter(Boolean);
}

test('filter contacts by a lifecycle stage and see only matching rows', async () => {
  await admin.goto(`${base}/r/contact`);
  await admin.getByTestId('record-row').first().waitFor();
  await admin.getByTestId('filter-add').click();
  await pick(admin, 'filter-field', 'Lifecycle stage');
  await pick(admin, 'filter-value', 'Customer');
  await admin.getByTestId('filter-apply').click();
  await admin.waitForURL(/filter%5Blifecycle_stage%5D=customer/);
  await admin.getByTestId('filter-chip').getByText('Lifecycle stage is Customer').waitFor();
  await admin.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="record-row"]')];
    return rows.length > 0 && rows.every((r) => r.textContent.includes('Customer'));
  });
  const expected = await admin.evaluate(async () => {
    const response = await fetch('/api/v1/contacts?limit=500&filter%5Blifecycle_stage%5D=customer');
    return (await response.json()).items.map((c) => c.id);
  });
  const shown = await admin.locator('[data-testid="record-row"] a.rapport-row-link').evaluateAll((links) =>
    links.map((a) => Number(a.getAttribute('href').split('/').pop())),
  );
  check(shown.length > 0 && shown.every((id) => expected.includes(id)), `rows ${shown} are not all customers`);
  await shot(admin, 'list-filtered-en');
  await admin.reload();
  await admin.getByTestId('filter-chip').getByText('Lifecycle stage is Customer').waitFor();
  await admin.getByTestId('filter-remove').click();
  await admin.waitForURL((url) => !url.search.includes('filter'));
});

test('bulk-assign an owner to 3 selected rows', async () => {
  await admin.goto(`${base}/r/contact?sort=id`);
  await admin.getByTestId('record-row').first().waitFor();
  const rows = admin.getByTestId('record-row');
  const ids = [];
  for (let i = 0; i < 3; i += 1) {
    await rows.nth(i).getByTestId('select-row').check();
    ids.push(Number((await rows.nth(i).locator('a.rapport-row-link').getAttribute('href')).split('/').pop()));
  }
  await admin.getByTestId('bulk-menu').click();
  await admin.getByTestId('bulk-assign').click();
  await pick(admin, 'bulk-owner', 'Ada Admin');
  await admin.getByTestId('bulk-apply').click();
  const summary = admin.getByTestId('bulk-summary');
  await summary.waitFor();
  const text = await summary.innerText();
  check(text.includes('3 done, 0 failed'), `summary reads ${text}`);
  await shot(admin, 'bulk-summary-en');
  await admin.getByTestId('bulk-close').click();
  await admin.reload();
  await admin.getByTestId('record-row').first().waitFor();
  const owners = await admin.evaluate(async (wanted) => {
    const me = await (await fetch('/api/v1/me')).json();
    const all = await Promise.all(wanted.map(async (id) => (await (await fetch(`/api/v1/contacts/${id}`)).json()).owner_id));
    return { me: me.id, all };
  }, ids);
  check(owners.all.every((o) => o === owners.me), `owners of ${ids} are ${owners.all}, not ${owners.me}`);
});

test('hide and reorder a column', async () => {
  await admin.goto(`${base}/r/contact`);
  await admin.getByTestId('record-row').first().waitFor();
  await admin.getByTestId('columns-button').click();
  await admin.getByTestId('column-toggle-phones').uncheck();
  await admin.getByTestId('column-up-family_name').click();
  await shot(admin, 'columns-menu-en');
  await admin.keyboard.press('Escape');
  const before = await headers(admin);
  check(before[0] === 'Family name' && before[1] === 'Given name', `headers are ${before}`);
  check(!before.includes('Phone numbers'), `phones still shown: ${before}`);
  await admin.reload();
  await admin.getByTestId('record-row').first().waitFor();
  const after = await headers(admin);
  check(after.join() === before.join(), `after reload ${after}, before ${before}`);
  await admin.getByTestId('columns-button').click();
  await admin.getByTestId('columns-reset').click();
  await admin.keyboard.press('Escape');
  check((await headers(admin))[0] === 'Given name', 'reset did not restore the default columns');
});

test('save a view with a filter and columns, reload, reopen it', async () => {
  const name = `Leads ${run}`;
  await admin.goto(`${base}/r/contact?filter[lifecycle_stage]=lead`);
  await admin.getByTestId('filter-chip').getByText('Lifecycle stage is Lead').waitFor();
  await admin.getByTestId('columns-button').click();
  await admin.getByTestId('column-toggle-emails').uncheck();
  await admin.getByTestId('column-toggle-owner_id').check();
  await admin.keyboard.press('Escape');
  const chosen = await headers(admin);
  check(chosen.at(-1) === 'Owner' && !chosen.includes('E-mail addresses'), `headers are ${chosen}`);
  await admin.getByTestId('views-menu').click();
  await admin.getByTestId('view-save-as').click();
  await admin.getByTestId('view-name').fill(name);
  // The admin is in no team, so the view stays private.
  check(await admin.getByTestId('view-share').isDisabled(), 'sharing is offered without a team');
  await admin.getByTestId('view-save').click();
  await admin.waitForURL(/[?&]view=\d+/);
  // Back to the plain list with the default columns, as on another day.
  await admin.getByTestId('columns-button').click();
  await admin.getByTestId('columns-reset').click();
  await admin.keyboard.press('Escape');
  await admin.goto(`${base}/r/contact`);
  await admin.reload();
  await admin.getByTestId('record-row').first().waitFor();
  check((await admin.getByTestId('filter-chip').count()) === 0, 'a filter is still set');
  check((await headers(admin)).includes('E-mail addresses'), 'the default columns did not come back');
  await admin.getByTestId('views-menu').click();
  await admin.getByTestId('view-item').filter({ hasText: name }).click();
  await admin.waitForURL(/filter%5Blifecycle_stage%5D=lead/);
  await admin.getByTestId('filter-chip').getByText('Lifecycle stage is Lead').waitFor();
  await admin.getByTestId('views-menu').getByText(`View: ${name}`).waitFor();
  const reopened = await headers(admin);
  check(reopened.join() === chosen.join(), `reopened with ${reopened}, saved with ${chosen}`);
  await admin.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-testid="record-row"]')];
    return rows.length > 0 && rows.every((r) => r.textContent.includes('Lead'));
  });
  await shot(admin, 'list-view-en');
  await axe(admin);
  await admin.getByTestId('columns-button').click();
  await admin.getByTestId('columns-reset').click();
  await admin.keyboard.press('Escape');
});

test('the language chosen in the user menu is stored on the user and comes back at sign-in', async () => {
  await admin.goto(`${base}/r/contact`);
  await admin.getByTestId('record-row').first().waitFor();
  const saved = admin.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
  await chooseLanguage(admin, 'th');
  check((await saved).status() === 200, 'PATCH /api/v1/me failed');
  await admin.getByTestId('user-menu').click();
  await admin.getByTestId('sign-out').click();
  await admin.waitForURL(/\/sign-in/);
  // Forget this browser's own choice, so that only the server can make the UI Thai again.
  await admin.evaluate(() => localStorage.removeItem('rapport.language'));
  await signIn(admin, 'admin@example.org');
  await admin.waitForFunction(() => document.documentElement.lang === 'th');
  await admin.getByTestId('nav-contact').getByText('ผู้ติดต่อ').waitFor();
  await shot(admin, 'my-day-th');
  await chooseLanguage(admin, 'en');
  await admin.getByTestId('nav-contact').getByText('Contacts').waitFor();
});

test('the time zone chosen is stored on the user and shapes the dates shown', async () => {
  await admin.goto(`${base}/account/time-zone`);
  const select = admin.getByTestId('time-zone-select');
  await select.click();
  await select.fill('Bangkok');
  await admin.getByRole('option', { name: 'Asia/Bangkok' }).click();
  await admin.getByTestId('time-zone-save').click();
  await admin.getByTestId('time-zone-now').getByText('Asia/Bangkok').waitFor();
  await admin.reload();
  check((await admin.getByTestId('time-zone-select').inputValue()) === 'Asia/Bangkok', 'the zone was not stored');
  await admin.getByTestId('time-zone-now').getByText('Asia/Bangkok').waitFor();
  await axe(admin);
  const cleared = admin.waitForResponse((r) => r.url().endsWith('/api/v1/me') && r.request().method() === 'PATCH');
  await admin.getByTestId('time-zone-browser').click();
  check((await cleared).status() === 200, 'clearing the zone failed');
});

const teamName = `Team ${run}`;
const userName = `Nina ${run}`;

test('an admin creates a team and a user in Settings and finds both in the audit log', async () => {
  await admin.goto(`${base}/r/contact`);
  await admin.getByTestId('nav-settings').click();
  await admin.waitForURL(/\/settings\/users/);
  await admin.getByTestId('settings-tab-teams').click();
  await admin.getByTestId('team-name').fill(teamName);
  await admin.getByTestId('team-create').click();
  await admin.getByTestId('team-row').filter({ hasText: teamName }).waitFor();

  await admin.getByTestId('settings-tab-users').click();
  await admin.getByTestId('new-user').click();
  await admin.getByTestId('user-email').fill(`nina.${run}@example.org`);
  await admin.getByTestId('user-name').fill(userName);
  await admin.getByTestId('user-team').click();
  await admin.getByRole('option', { name: teamName }).click();
  await admin.getByTestId('user-password').fill('short');
  await admin.getByTestId('user-submit').click();
  // The API's message lands on the password field.
  await admin.getByTestId('user-form').locator('input[autocomplete="new-password"][aria-invalid="true"]').waitFor();
  await admin.getByTestId('user-password').fill(`a-long-password-${run}`);
  await admin.getByTestId('user-submit').click();
  await admin.getByTestId('user-form').waitFor({ state: 'detached' });
  const row = admin.getByTestId('user-row').filter({ hasText: userName });
  while ((await row.count()) === 0 && (await admin.getByTestId('users-more').count()) > 0) {
    await admin.getByTestId('users-more').click();
    await admin.waitForTimeout(300);
  }
  await row.waitFor();
  check((await row.innerText()).includes(teamName), 'the new user is not in the new team');

  // The team now has a member, so the server refuses to delete it and the dialog says why.
  await admin.getByTestId('settings-tab-teams').click();
  await admin.getByTestId('team-row').filter({ hasText: teamName }).getByTestId('team-delete').click();
  await admin.getByTestId('team-delete-confirm').click();
  const refusal = await admin.getByTestId('team-delete-error').innerText();
  check(refusal.trim().length > 0, 'no reason given for the refused delete');
  await shot(admin, 'settings-team-refused');
  await admin.keyboard.press('Escape');

  await admin.getByTestId('settings-tab-audit').click();
  await admin.getByTestId('audit-object-type').fill('users');
  await admin.getByTestId('audit-apply').click();
  await admin.getByTestId('audit-row').filter({ hasText: userName }).first().waitFor();
  await admin.getByTestId('audit-object-type').fill('teams');
  await admin.getByTestId('audit-apply').click();
  const teamEntry = admin.getByTestId('audit-row').filter({ hasText: teamName }).first();
  await teamEntry.waitFor();
  check((await teamEntry.innerText()).includes('create'), 'the team entry is not a create');
  await shot(admin, 'settings-audit');
});

test('axe: settings pages', async () => {
  for (const [section, ready] of [
    ['users', 'users-table'],
    ['teams', 'teams-table'],
    ['custom-fields', 'new-custom-field'],
    ['audit', 'audit-table'],
  ]) {
    await admin.goto(`${base}/settings/${section}`);
    await admin.getByTestId(ready).waitFor();
    await axe(admin);
    await shot(admin, `settings-${section}`);
  }
  await admin.goto(`${base}/settings/users`);
  await admin.getByTestId('new-user').click();
  await admin.getByTestId('user-form').waitFor();
  await axe(admin);
  await admin.keyboard.press('Escape');
});

test('create an API token and see its secret only once', async () => {
  await admin.goto(`${base}/r/contact`);
  await admin.getByTestId('user-menu').click();
  await admin.getByTestId('menu-tokens').click();
  await admin.waitForURL(/\/account\/tokens/);
  await admin.getByTestId('token-name').fill(`e2e ${run}`);
  await admin.getByTestId('token-password').fill(password);
  await admin.getByTestId('token-create').click();
  const secret = (await admin.getByTestId('token-secret').innerText()).trim();
  check(secret.startsWith('rpt_'), `the secret reads ${secret}`);
  await admin.getByTestId('token-row').filter({ hasText: `e2e ${run}` }).waitFor();
  await axe(admin);
  await shot(admin, 'account-tokens');
  await admin.getByTestId('token-secret-done').click();
  await admin.reload();
  await admin.getByTestId('token-row').filter({ hasText: `e2e ${run}` }).waitFor();
  check(!(await admin.locator('body').innerText()).includes(secret), 'the secret is shown again');
  const api = await fetch(`${base}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } });
  check(api.status === 200, `the token does not work: ${api.status}`);
});

test('the read-only user sees no Settings entry', async () => {
  const viewer = await (await browser.newContext(contextOptions)).newPage();
  viewer.setDefaultTimeout(kTimeout);
  watchPolicy(viewer);
  try {
    await signIn(viewer, 'viewer@example.org');
    await viewer.goto(`${base}/r/contact`);
    await viewer.getByTestId('nav-contact').waitFor();
    check((await viewer.getByTestId('nav-settings').count()) === 0, 'the Settings entry is shown');
    await viewer.goto(`${base}/settings/users`);
    await viewer.getByText('Only administrators can change the settings.').waitFor();
    check((await viewer.getByTestId('users-table').count()) === 0, 'the users table is shown');
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
