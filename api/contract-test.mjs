// Contract test: starts a real `rapport serve` on a loopback port with a fresh database, sends real
// requests, and checks each answer's status and body against openapi.yaml.
//
// Usage: node api/contract-test.mjs [PATH/TO/rapport]   (default build/release/src/app/rapport)
// Runs on SQLite, and also on PostgreSQL when RAPPORT_TEST_POSTGRES_URL is set (scripts/test runs
// it under scripts/with-postgres). Exits 1 when any answer is not the one the document describes:
// a status the operation does not list, a body that fails its schema, a body where none is
// described or a missing one, or a documented ETag/Location/Retry-After header that is absent.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import YAML from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const rapport = resolve(process.argv[2] ?? join(here, '..', 'build/release/src/app/rapport'));
const doc = YAML.parse(readFileSync(join(here, 'openapi.yaml'), 'utf8'));
const DOC_ID = 'urn:rapport:openapi';

// The whole document is registered as one schema resource, so that every '#/components/…'
// reference inside it resolves; each check compiles a reference to one place in it.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: DOC_ID });
const compiled = new Map();
function validatorAt(pointer) {
  if (!compiled.has(pointer)) compiled.set(pointer, ajv.compile({ $ref: `${DOC_ID}#${pointer}` }));
  return compiled.get(pointer);
}

const escapePointer = (s) => s.replaceAll('~', '~0').replaceAll('/', '~1');
function at(pointer) {
  return pointer.split('/').slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((node, key) => node?.[key], doc);
}
// Follows a local $ref (responses, request bodies) to the pointer of the object it names.
function deref(pointer) {
  for (let node = at(pointer); node && node.$ref; node = at(pointer)) pointer = node.$ref.slice(1);
  return pointer;
}

// The documented path template a concrete path falls under ("/api/v1/contacts/7" →
// "/api/v1/contacts/{id}"); a literal segment wins over a parameter.
function templateFor(path) {
  const segments = path.split('/');
  let best = null;
  let bestScore = -1;
  for (const template of Object.keys(doc.paths)) {
    const parts = template.split('/');
    if (parts.length !== segments.length) continue;
    let score = 0;
    const fits = parts.every((p, i) => {
      if (p.startsWith('{')) return segments[i] !== '';
      score += 1;
      return p === segments[i];
    });
    if (fits && score > bestScore) [best, bestScore] = [template, score];
  }
  return best;
}

const failures = [];
const covered = new Set();
let checks = 0; // answers checked
let failedChecks = 0; // answers with at least one failure

function fail(what, detail) {
  failures.push(`${what}: ${detail}`);
  console.error(`FAIL ${what}: ${detail}`);
}

// Checks one exchange against the document; returns nothing, records failures.
function checkAnswer(label, method, path, sentBody, res, text) {
  checks += 1;
  const what = `${label} (${method} ${path} → ${res.status})`;
  const template = templateFor(path);
  const op = template && doc.paths[template][method.toLowerCase()];
  if (!op) return fail(what, 'no such operation in openapi.yaml');
  covered.add(`${method} ${template}`);
  const opPointer = `/paths/${escapePointer(template)}/${method.toLowerCase()}`;
  const status = String(res.status);
  if (!op.responses[status]) {
    return fail(what, `status not documented (lists ${Object.keys(op.responses).join(', ')}); body ${text}`);
  }
  const responsePointer = deref(`${opPointer}/responses/${status}`);
  const response = at(responsePointer);
  for (const header of ['ETag', 'Location', 'Retry-After']) {
    if (response.headers?.[header] && !res.headers.get(header)) fail(what, `header ${header} missing`);
  }
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  if (!response.content) {
    if (text !== '') fail(what, `a body where none is documented: ${text}`);
  } else if (!response.content[contentType]) {
    fail(what, `content type '${contentType}' not documented (${Object.keys(response.content)})`);
  } else {
    let value = text;
    if (contentType.endsWith('json')) {
      try {
        value = JSON.parse(text);
      } catch {
        return fail(what, `body is not JSON: ${text}`);
      }
    }
    const validate = validatorAt(`${responsePointer}/content/${escapePointer(contentType)}/schema`);
    if (!validate(value)) fail(what, `body does not match its schema: ${ajv.errorsText(validate.errors)}; body ${text}`);
  }
  // A request the server accepted must be one the document allows too.
  if (sentBody !== undefined && res.status < 300 && op.requestBody) {
    const bodyPointer = deref(`${opPointer}/requestBody`);
    const validate = validatorAt(`${bodyPointer}/content/application~1json/schema`);
    if (!validate(sentBody)) fail(what, `accepted request body does not match its schema: ${ajv.errorsText(validate.errors)}`);
  }
}

// A client with its own cookie jar (one session) against one server.
class Client {
  constructor(base) {
    this.base = base;
    this.cookie = null;
    this.csrf = null;
  }

  async call(label, method, path, { body, raw, headers = {}, expect } = {}) {
    const h = { ...headers };
    if (this.cookie) h.Cookie = this.cookie;
    if (this.csrf && !['GET', 'HEAD'].includes(method) && !('X-CSRF-Token' in h)) h['X-CSRF-Token'] = this.csrf;
    let payload;
    if (raw !== undefined) {
      payload = raw;
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers: h, body: payload });
    const text = await res.text();
    const before = failures.length;
    checkAnswer(label, method, path.split('?')[0], raw === undefined ? body : undefined, res, text);
    const expected = Array.isArray(expect) ? expect : [expect];
    if (expect !== undefined && !expected.includes(res.status)) {
      fail(`${label} (${method} ${path} → ${res.status})`, `expected ${expected.join(' or ')}, got ${res.status}: ${text}`);
    }
    if (failures.length > before) failedChecks += 1;
    let json = null;
    try {
      if ((res.headers.get('content-type') ?? '').includes('json') && text) json = JSON.parse(text);
    } catch {
      // Already reported by checkAnswer.
    }
    return { status: res.status, json, etag: res.headers.get('etag'), headers: res.headers };
  }

  async signIn(email, password) {
    const res = await this.call(`sign in ${email}`, 'POST', '/api/v1/session',
      { body: { email, password }, expect: 201 });
    const setCookie = res.headers.get('set-cookie') ?? '';
    this.cookie = setCookie.split(';')[0];
    this.csrf = res.json?.csrf_token ?? null;
    return res;
  }
}

function run(cmd, args, input) {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error ?? ""}${r.stderr}${r.stdout}`);
  return r.stdout;
}

// Starts `rapport serve` on 127.0.0.1 with any free port; resolves with the process and base URL.
function startServer(database) {
  const child = spawn(rapport, ['serve', '--listen', '127.0.0.1:0', '--database', database,
    '--threads', '2', '--login-rate-limit', '0.01', '--login-burst', '8'],
  { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${seen}`)), 20000);
    child.stderr.on('data', (chunk) => {
      seen += chunk;
      const m = seen.match(/on http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) {
        clearTimeout(timer);
        resolvePromise({ child, base: `http://127.0.0.1:${m[1]}` });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${seen}`)));
  });
}

async function scenario(c, password) {
  const anon = new Client(c.base);
  await anon.call('health', 'GET', '/healthz', { expect: 200 });
  await anon.call('readiness', 'GET', '/readyz', { expect: 200 });
  await anon.call('document', 'GET', '/api/v1/openapi.yaml', { expect: 200 });
  await anon.call('metrics', 'GET', '/metrics', { expect: 200 });
  await anon.call('list without credentials', 'GET', '/api/v1/contacts', { expect: 401 });
  await anon.call('session without credentials', 'GET', '/api/v1/session', { expect: 401 });
  await anon.call('bad bearer token', 'GET', '/api/v1/me',
    { headers: { Authorization: 'Bearer rpt_nope' }, expect: 401 });
  await anon.call('sign-in, malformed JSON', 'POST', '/api/v1/session', { raw: '{"email":', headers: { 'Content-Type': 'application/json' }, expect: 400 });
  await anon.call('sign-in, no password', 'POST', '/api/v1/session', { body: { email: 'admin@rapport.test' }, expect: 422 });
  await anon.call('sign-in, unknown user', 'POST', '/api/v1/session',
    { body: { email: 'nobody@rapport.test', password: 'not-the-password' }, expect: 401 });

  const admin = new Client(c.base);
  await admin.signIn('admin@rapport.test', password);
  await admin.call('who am I', 'GET', '/api/v1/session', { expect: 200 });
  await admin.call('me', 'GET', '/api/v1/me', { expect: 200 });
  const meta = await admin.call('metadata', 'GET', '/api/v1/meta', { expect: 200 });
  checkKindsAgainstDocument(meta.json);
  await admin.call('write without CSRF token', 'POST', '/api/v1/teams',
    { body: { name: 'Bangkok' }, headers: { 'X-CSRF-Token': '' }, expect: 403 });

  const team = await admin.call('create team', 'POST', '/api/v1/teams', { body: { name: 'Bangkok' }, expect: 201 });
  await admin.call('duplicate team', 'POST', '/api/v1/teams', { body: { name: 'Bangkok' }, expect: 409 });
  await admin.call('list teams', 'GET', '/api/v1/teams', { expect: 200 });
  await admin.call('get team', 'GET', `/api/v1/teams/${team.json.id}`, { expect: 200 });

  await admin.call('create user', 'POST', '/api/v1/users', {
    body: { email: 'somchai@rapport.test', display_name: 'Somchai', role: 'sales', team_id: team.json.id, password: 'sales-password-1' },
    expect: 201,
  });
  await admin.call('create user, short password', 'POST', '/api/v1/users', {
    body: { email: 'short@rapport.test', display_name: 'Short', role: 'sales', password: 'x' }, expect: 422,
  });
  await admin.call('list users', 'GET', '/api/v1/users?limit=1', { expect: 200 });
  await admin.call('list tokens', 'GET', '/api/v1/tokens', { expect: 200 });

  const field = await admin.call('define custom field', 'POST', '/api/v1/custom-fields', {
    body: { entity: 'contact', key: 'member_no', label: 'Member no.', type: 'text', unique: true }, expect: 201,
  });
  await admin.call('define it again', 'POST', '/api/v1/custom-fields', {
    body: { entity: 'contact', key: 'member_no', label: 'Again', type: 'text' }, expect: 409,
  });
  await admin.call('list custom fields', 'GET', '/api/v1/custom-fields?entity=contact', { expect: 200 });
  await admin.call('get custom field', 'GET', `/api/v1/custom-fields/${field.json.id}`, { expect: 200 });

  const company = await admin.call('create company', 'POST', '/api/v1/companies', {
    body: {
      name: 'Siam Precision Co., Ltd.', domains: ['siamprecision.co.th'], industry: 'Manufacturing', size: '51-200',
      annual_revenue: { amount_minor: 125000000, currency: 'THB' },
      addresses: [{ type: 'work', street: '99 Rama IV Rd', locality: 'Bangkok', postal_code: '10500', country: 'TH' }],
      tags: ['supplier'],
    },
    expect: 201,
  });
  await admin.call('create company without name', 'POST', '/api/v1/companies', { body: { industry: 'x' }, expect: 422 });
  await admin.call('get company', 'GET', `/api/v1/companies/${company.json.id}`, { expect: 200 });
  const renamed = await admin.call('patch company', 'PATCH', `/api/v1/companies/${company.json.id}`,
    { body: { industry: 'Precision parts' }, headers: { 'If-Match': company.etag }, expect: 200 });
  await admin.call('patch company, stale If-Match', 'PATCH', `/api/v1/companies/${company.json.id}`,
    { body: { industry: 'Stale' }, headers: { 'If-Match': company.etag }, expect: 412 });
  await admin.call('patch company, no If-Match', 'PATCH', `/api/v1/companies/${company.json.id}`,
    { body: { industry: 'None' }, expect: [428, 422] });
  await admin.call('list companies', 'GET', '/api/v1/companies?q=Siam&sort=-name&limit=10', { expect: 200 });
  await admin.call('company notes', 'GET', `/api/v1/companies/${company.json.id}/notes`, { expect: 200 });
  await admin.call('company timeline', 'GET', `/api/v1/companies/${company.json.id}/timeline`, { expect: 200 });
  await admin.call('missing company', 'GET', '/api/v1/companies/999999', { expect: 404 });

  const contactBody = {
    given_name: 'Malee', family_name: 'Srisuk', emails: [{ address: 'malee@siamprecision.co.th', type: 'work', primary: true }],
    phones: [{ number: '+66 81 234 5678', type: 'mobile', primary: true }],
    companies: [{ company_id: company.json.id, job_title: 'Buyer' }],
    tags: ['vip'], preferred_language: 'th', time_zone: 'Asia/Bangkok', custom: { member_no: 'M-001' },
  };
  const contact = await admin.call('create contact', 'POST', '/api/v1/contacts', { body: contactBody, expect: 201 });
  await admin.call('taken unique custom value', 'POST', '/api/v1/contacts',
    { body: { given_name: 'Other', custom: { member_no: 'M-001' } }, expect: 409 });
  await admin.call('contact with a bad e-mail list', 'POST', '/api/v1/contacts',
    { body: { given_name: 'Bad', emails: 'not-a-list' }, expect: 422 });
  await admin.call('contact as form data', 'POST', '/api/v1/contacts',
    { raw: 'given_name=Form', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, expect: [415, 400] });
  await admin.call('get contact', 'GET', `/api/v1/contacts/${contact.json.id}`, { expect: 200 });
  await admin.call('missing contact', 'GET', '/api/v1/contacts/999999', { expect: 404 });
  const patched = await admin.call('patch contact', 'PATCH', `/api/v1/contacts/${contact.json.id}`,
    { body: { lifecycle_stage: 'customer', notes: null }, headers: { 'If-Match': contact.etag }, expect: 200 });
  await admin.call('patch contact, stale If-Match', 'PATCH', `/api/v1/contacts/${contact.json.id}`,
    { body: { lead_source: 'web' }, headers: { 'If-Match': contact.etag }, expect: 412 });
  await admin.call('patch contact, invalid field', 'PATCH', `/api/v1/contacts/${contact.json.id}`,
    { body: { tags: [1] }, headers: { 'If-Match': patched.etag }, expect: 422 });
  await admin.call('patch contact, unknown field', 'PATCH', `/api/v1/contacts/${contact.json.id}`,
    { body: { shoe_size: 42 }, headers: { 'If-Match': patched.etag }, expect: 422 });
  await admin.call('list contacts', 'GET', '/api/v1/contacts?limit=1&sort=family_name', { expect: 200 });
  await admin.call('search contacts', 'GET', `/api/v1/contacts?q=${encodeURIComponent('Malee')}`, { expect: 200 });
  await admin.call('filter contacts', 'GET', '/api/v1/contacts?filter[tags]=vip&filter[lifecycle_stage][ne]=lead', { expect: 200 });
  await admin.call('bad limit', 'GET', '/api/v1/contacts?limit=0', { expect: 422 });
  await admin.call('bad cursor', 'GET', '/api/v1/contacts?after=%%%', { expect: [400, 422] });
  await admin.call('unknown parameter', 'GET', '/api/v1/contacts?colour=red', { expect: 422 });

  const note = await admin.call('add note', 'POST', `/api/v1/contacts/${contact.json.id}/notes`,
    { body: { body: 'Met at the trade fair.\nWants a quote.' }, expect: 201 });
  await admin.call('list notes', 'GET', `/api/v1/contacts/${contact.json.id}/notes?limit=5`, { expect: 200 });
  await admin.call('get note', 'GET', `/api/v1/notes/${note.json.id}`, { expect: 200 });
  await admin.call('patch note', 'PATCH', `/api/v1/notes/${note.json.id}`,
    { body: { body: 'Quote sent.' }, headers: { 'If-Match': note.etag }, expect: 200 });
  const timeline = await admin.call('contact timeline', 'GET', `/api/v1/contacts/${contact.json.id}/timeline?limit=2`, { expect: 200 });
  await admin.call('contact timeline, next page', 'GET',
    `/api/v1/contacts/${contact.json.id}/timeline?limit=2&after=${timeline.json.next}`, { expect: 200 });
  await admin.call('timeline, bad cursor', 'GET', `/api/v1/contacts/${contact.json.id}/timeline?after=bad`, { expect: 422 });
  await admin.call('missing contact timeline', 'GET', '/api/v1/contacts/999999/timeline', { expect: 404 });

  const activity = await admin.call('log a call', 'POST', '/api/v1/activities', {
    body: {
      type: 'call', subject: 'Quote follow-up', direction: 'outbound', phone: '081 234 5678', duration_seconds: 240,
      starts_at: '2026-12-07T09:30:00Z', outcome: 'booked a demo', contact_ids: [contact.json.id], company_ids: [company.json.id],
    },
    expect: 201,
  });
  await admin.call('activity without type', 'POST', '/api/v1/activities', { body: { subject: 'x' }, expect: 422 });
  await admin.call('activity naming no contact', 'POST', '/api/v1/activities',
    { body: { type: 'task', subject: 'x', contact_ids: [999999] }, expect: 422 });
  await admin.call('get activity', 'GET', `/api/v1/activities/${activity.json.id}`, { expect: 200 });
  const done = await admin.call('complete activity', 'PATCH', `/api/v1/activities/${activity.json.id}`,
    { body: { status: 'done', due_at: null }, headers: { 'If-Match': activity.etag }, expect: 200 });
  await admin.call('complete activity, stale If-Match', 'PATCH', `/api/v1/activities/${activity.json.id}`,
    { body: { status: 'open' }, headers: { 'If-Match': activity.etag }, expect: 412 });
  await admin.call("a contact's activities", 'GET', `/api/v1/activities?filter[contact_ids]=${contact.json.id}&sort=-starts_at`, { expect: 200 });
  await admin.call('overdue tasks', 'GET', '/api/v1/activities?filter[status]=open&filter[due_at][lt]=2026-12-07T12:00:00Z', { expect: 200 });
  await admin.call('search activities', 'GET', '/api/v1/activities?q=demo', { expect: 200 });
  await admin.call('trash activity', 'DELETE', `/api/v1/activities/${activity.json.id}`, { headers: { 'If-Match': done.etag }, expect: 204 });
  await admin.call('restore activity', 'POST', `/api/v1/activities/${activity.json.id}/restore`,
    { headers: { 'If-Match': '*' }, expect: 200 });
  await admin.call('missing activity', 'GET', '/api/v1/activities/999999', { expect: 404 });
  await admin.call('erase activity', 'POST', `/api/v1/activities/${activity.json.id}/erase`, { expect: 204 });

  const sales = new Client(c.base);
  await sales.signIn('somchai@rapport.test', 'sales-password-1');
  await sales.call('sales lists audit', 'GET', '/api/v1/audit', { expect: 403 });
  await sales.call('sales erases', 'POST', `/api/v1/contacts/${contact.json.id}/erase`, { expect: [403, 404] });
  await sales.call('sales creates user', 'POST', '/api/v1/users',
    { body: { email: 'x@rapport.test', display_name: 'X', role: 'admin', password: 'long-enough-1' }, expect: 403 });

  const current = await admin.call('get contact again', 'GET', `/api/v1/contacts/${contact.json.id}`, { expect: 200 });
  await admin.call('trash contact', 'DELETE', `/api/v1/contacts/${contact.json.id}`, { headers: { 'If-Match': current.etag }, expect: 204 });
  const trash = await admin.call('list trash', 'GET', '/api/v1/contacts?shelf=trash', { expect: 200 });
  const trashed = trash.json.items.find((x) => x.id === contact.json.id);
  await admin.call('restore contact', 'POST', `/api/v1/contacts/${contact.json.id}/restore`,
    { headers: { 'If-Match': `"${trashed?.version}"` }, expect: 200 });
  await admin.call('trash company', 'DELETE', `/api/v1/companies/${company.json.id}`, { headers: { 'If-Match': renamed.etag }, expect: 204 });
  await admin.call('audit', 'GET', '/api/v1/audit?limit=5', { expect: 200 });
  await admin.call('sign out', 'DELETE', '/api/v1/session', { expect: 204 });
  await admin.call('after sign-out', 'GET', '/api/v1/me', { expect: 401 });

  // The sign-in budget (--login-burst 8, nearly no refill): failed sign-ins run into 429.
  let limited = false;
  for (let i = 0; i < 10 && !limited; i += 1) {
    const r = await anon.call('sign-in until refused', 'POST', '/api/v1/session',
      { body: { email: 'nobody@rapport.test', password: 'wrong-password' }, expect: [401, 429] });
    limited = r.status === 429;
  }
  if (!limited) fail('sign-in rate limit', 'no 429 after 10 more sign-ins');
}

// The document and the kinds' descriptors describe the same records: each kind the metadata
// lists has its collection's paths, and its record schema has exactly the kind's standard fields
// (but for `place` filters, which are no field of the record) plus `version` and `custom`.
function checkKindsAgainstDocument(meta) {
  for (const kind of meta?.kinds ?? []) {
    const what = `kind ${kind.kind}`;
    for (const path of [`/api/v1/${kind.collection}`, `/api/v1/${kind.collection}/{id}`]) {
      if (!doc.paths[path]) fail(what, `openapi.yaml has no path ${path}`);
    }
    const schemaName = kind.kind[0].toUpperCase() + kind.kind.slice(1);
    const schema = doc.components.schemas[schemaName];
    if (!schema) {
      fail(what, `openapi.yaml has no schema ${schemaName}`);
      continue;
    }
    const documented = new Set(Object.keys(schema.properties ?? {}));
    const described = new Set(kind.fields.filter((f) => !f.custom && f.type !== 'place').map((f) => f.name));
    for (const name of described) {
      if (!documented.has(name)) fail(what, `field ${name} is not in schema ${schemaName}`);
    }
    for (const name of documented) {
      if (!described.has(name) && name !== 'version' && name !== 'custom') {
        fail(what, `schema ${schemaName} has ${name}, which the kind's descriptor does not`);
      }
    }
  }
}

// The checker itself must reject a wrong answer, or a passing run proves nothing.
function selfCheck() {
  const validate = validatorAt(deref('/paths/~1api~1v1~1contacts~1{id}/get/responses/200') + '/content/application~1json/schema');
  const good = {
    id: 1, version: 1, given_name: 'A', family_name: 'B', display_name: 'A B', emails: [], phones: [], companies: [], addresses: [], consents: [],
    tags: [], owner_id: null, team_id: null, lifecycle_stage: '', lead_source: '', preferred_language: '', time_zone: '',
    notes: '', custom: { n: 42.5, m: { amount_minor: 100, currency: 'THB' } }, created_at: '2026-01-01T00:00:00Z', created_by: null,
    updated_at: '2026-01-01T00:00:00Z', updated_by: null, deleted_at: null,
  };
  if (!validate(good)) fail('self-check', `a valid contact is refused: ${ajv.errorsText(validate.errors)}`);
  const { version, ...noVersion } = good;
  for (const [what, bad] of [['without version', noVersion], ['with an unknown field', { ...good, extra: 1 }],
    ['with a money value in the old shape', { ...good, custom: { m: { minor_units: 1, currency: 'THB' } } }]]) {
    if (validate(bad)) fail('self-check', `a contact ${what} is accepted`);
  }
}

async function runOn(engine, database) {
  const adminPassword = 'contract-admin-password';
  run(rapport, ['migrate', '--database', database]);
  run(rapport, ['user', 'add', 'admin@rapport.test', '--role', 'admin', '--name', 'Administrator', '--database', database],
    `${adminPassword}\n`);
  const server = await startServer(database);
  const before = failures.length;
  try {
    await scenario(server, adminPassword);
  } finally {
    const exited = new Promise((done) => (server.child.exitCode !== null ? done() : server.child.once('exit', done)));
    server.child.kill('SIGTERM');
    await exited;
  }
  console.log(`contract test on ${engine}: ${failures.length - before === 0 ? 'ok' : 'FAILED'}`);
}

selfCheck();
const dir = mkdtempSync(join(tmpdir(), 'rapport-contract-'));
try {
  await runOn('SQLite', join(dir, 'contract.db'));
  const pg = process.env.RAPPORT_TEST_POSTGRES_URL;
  if (pg) {
    // A database of its own, so that the run starts empty whatever else used the cluster.
    const name = `rapport_contract_${process.pid}`;
    run('psql', [pg, '-q', '-c', `CREATE DATABASE ${name}`]);
    try {
      await runOn('PostgreSQL', pg.replace(/\/[^/?]+(\?|$)/, `/${name}$1`));
    } finally {
      run('psql', [pg, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    }
  } else {
    console.log('contract test on PostgreSQL: skipped (RAPPORT_TEST_POSTGRES_URL is not set)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
  Object.keys(item).filter((k) => ['get', 'post', 'patch', 'put', 'delete'].includes(k)).map((m) => `${m.toUpperCase()} ${p}`));
console.log(`${covered.size} of ${operations.length} operations exercised; ${checks} answers checked`);
// Failures outside an answer (the self-check, a missing 429) count as failed checks too.
const otherFailures = failures.length - failures.filter((f) => f.includes(' → ')).length;
console.log(`${checks - failedChecks} passed, ${failedChecks + otherFailures} failed`);
process.exit(failures.length === 0 ? 0 : 1);
