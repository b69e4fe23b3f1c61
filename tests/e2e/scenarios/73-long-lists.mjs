// Long lists a page at a time: with 130 more staff and 105 more incidents than the demo holds, the
// training matrix and the incident list each show their first hundred with a button for more, the
// dashboard shows the most urgent training lines with a count of the rest, and every "more" leads
// to the rest. With 105 press cuttings of a young person whose consent refused press coverage, the
// take-down list does the same, and the dashboard and the tab say there are more than 100. With 105
// of the new staff trained in 2015 and gone since 2016, the retention review lists the hundred due
// longest ago, says how many are due, and shows the rest on request.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

const STAFF = 130;
const INCIDENTS = 105;
const CUTTINGS = 105;
const LEAVERS = 105;

/** Letters only, as the register wants: "Aa Longlist", "Ab Longlist", … */
const nameFor = (n) => `${String.fromCharCode(65 + Math.floor(n / 26))}${String.fromCharCode(97 + (n % 26))} Longlist`;

/** Adds `staff` members of staff and `incidents` incidents from the page, through the real commands. */
async function fill(s, staff, incidents) {
  const names = Array.from({ length: staff }, (_, n) => nameFor(n));
  const result = await s.execAsync(
    `const done = arguments[arguments.length - 1];
     (async () => {
       const invoke = window.__TAURI_INTERNALS__.invoke;
       for (const fullName of arguments[0]) {
         await invoke('person_add', { draft: { group: 'staff', fullName, preferredName: null, dateOfBirth: null,
           startDate: null, leaveDate: null, email: null, phone: null } });
       }
       const today = new Date().toISOString().slice(0, 10);
       for (let n = 0; n < arguments[1]; n++) {
         await invoke('incident_create', { staffAllegation: false, report: { occurredOn: today, occurredAtTime: null,
           reportedOn: today, howReported: 'In person', reportedBy: 'Youth worker', reportedTo: 'The DSL', place: 'Club',
           platform: 'Group chat', device: 'Own phone', category: 'conduct', kind: 'cyberbullying',
           facts: 'Unkind messages in the club chat, number ' + n + '.', ownWords: null, opinion: null } });
       }
       return true;
     })().then(v => done({ ok: v }), e => done({ err: String(e && e.message || JSON.stringify(e)) }));`,
    [names, incidents],
  );
  assert.ok(result.ok, `the records were added: ${JSON.stringify(result.err)}`);
}

/** Logs `count` press cuttings of Jayden (whose demo consent says no to press coverage). */
async function logCuttings(s, count) {
  const result = await s.execAsync(
    `const done = arguments[arguments.length - 1];
     (async () => {
       const invoke = window.__TAURI_INTERNALS__.invoke;
       const found = await invoke('people_search', { query: { text: 'Jayden', group: null, status: 'active' } });
       const today = new Date().toISOString().slice(0, 10);
       for (let n = 0; n < arguments[0]; n++) {
         await invoke('publication_add', { draft: { publishedOn: today, useKey: 'press', description: 'Local paper cutting ' + n,
           link: null, personIds: [found[0].id] } });
       }
       return true;
     })().then(v => done({ ok: v }), e => done({ err: String(e && e.message || JSON.stringify(e)) }));`,
    [count],
  );
  assert.ok(result.ok, `the cuttings were logged: ${JSON.stringify(result.err)}`);
}

/** Records training in 2015 for `count` of the staff `fill` added, then archives them as gone since 2016. */
async function arrangeLeavers(s, count) {
  const result = await s.execAsync(
    `const done = arguments[arguments.length - 1];
     (async () => {
       const invoke = window.__TAURI_INTERNALS__.invoke;
       const found = await invoke('people_search', { query: { text: 'Longlist', group: 'staff', status: 'active' } });
       const ids = found.slice(0, arguments[0]).map((p) => p.id);
       await invoke('training_record', { completion: { courseId: 'course-online-safety', completedOn: '2015-06-01',
         provider: 'In house', notes: null, personIds: ids } });
       for (const id of ids) await invoke('person_archive', { id, leaveDate: '2016-01-31' });
       return ids.length;
     })().then(v => done({ ok: v }), e => done({ err: String(e && e.message || JSON.stringify(e)) }));`,
    [count],
  );
  assert.equal(result.ok, count, `the leavers were arranged: ${JSON.stringify(result.err)}`);
}

const rows = (s, css) => s.exec(`return document.querySelectorAll(${JSON.stringify(css)}).length;`);

export default async function ({ withApp, shots, unlockDemo }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-long-'));
  await withApp(
    'long lists: the training matrix and the incident list come a hundred at a time; the dashboard counts the rest',
    { SAFEKEEPER_DATA_DIR: dataDir },
    async (s) => {
      await unlockDemo(s);
      await fill(s, STAFF, INCIDENTS);

      // The dashboard: at most 10 training lines in "Overdue now", and a count of the rest that
      // leads to the Training page. Every new member of staff has every staff course to do.
      await s.click('[data-testid="nav-training"]');
      await s.click('[data-testid="nav-dashboard"]');
      const more = await s.waitForText('[data-testid="due-now-more"]', /And [\d,]+ more training lines like these\./);
      const hidden = Number(more.match(/And ([\d,]+) more/)[1].replace(/,/g, ''));
      const title = await s.text('[data-testid="due-now-title"]');
      const total = Number(title.match(/\(([\d,]+)\)/)[1].replace(/,/g, ''));
      const shown = await rows(s, '[data-testid="due-now"] [data-testid="due-line"]');
      const shownTraining = await s.exec(
        `return [...document.querySelectorAll('[data-testid="due-now"] [data-testid="due-line"]')].filter(li => li.textContent.includes('Training:')).length;`,
      );
      assert.equal(shownTraining, 10, 'the 10 most urgent training lines');
      assert.equal(total, shown + hidden, `the group's count is what it shows and what it leaves out (${title}; ${more})`);
      assert.ok(hidden >= STAFF * 2, `most of the new staff's courses are counted, not listed (${hidden})`);
      await s.exec(`document.querySelector('[data-testid="due-now-more"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '73-dashboard-counted-training.png'));

      // The training matrix: the first hundred people by name, then the rest.
      await s.click('[data-testid="due-now-more"] a');
      await s.waitForText('[data-testid="training-count"]', /^The first 100 people by name/);
      assert.equal(await rows(s, '[data-testid="training-row"]'), 100);
      await s.exec(`document.querySelector('[data-testid="training-show-more"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '73-training-first-hundred.png'));
      await s.click('[data-testid="training-show-more"]');
      await s.waitForText('[data-testid="training-count"]', /^\d+ people/);
      const everyone = await rows(s, '[data-testid="training-row"]');
      assert.ok(everyone > 100 && everyone >= STAFF, `everyone after one more page (${everyone})`);
      assert.equal(await rows(s, '[data-testid="training-show-more"]'), 0, 'no button once everyone shows');

      // The incident list: the newest hundred, then the rest; a search starts again from the top.
      await s.click('[data-testid="nav-incidents"]');
      await s.waitForText('[data-testid="incidents-count"]', /^The newest 100 incidents\. More match/);
      assert.equal(await rows(s, '[data-testid="incident-row"]'), 100);
      await s.exec(`document.querySelector('[data-testid="incidents-show-more"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '73-incidents-first-hundred.png'));
      await s.click('[data-testid="incidents-show-more"]');
      await s.waitForText('[data-testid="incidents-count"]', /^\d+ incidents$/);
      const all = await rows(s, '[data-testid="incident-row"]');
      assert.ok(all >= INCIDENTS && all < 200, `every incident on the second page (${all})`);
      await s.type('[data-testid="incidents-search"]', 'number 104.');
      await s.click('[data-testid="incidents-search-submit"]');
      await s.waitForText('[data-testid="incidents-count"]', /^1 incident$/);

      // The take-down list: the oldest hundred, then the rest; the counts stop at a hundred.
      await logCuttings(s, CUTTINGS);
      await s.click('[data-testid="nav-dashboard"]');
      await s.waitForText('[data-testid="consent-alerts-takedowns"]', /^More than 100 images to take down/);
      await s.click('[data-testid="nav-consent"]');
      await s.waitForText('[data-testid="consent-tab-takedowns"]', /^Take-down list \(100\+\)$/);
      await s.click('[data-testid="consent-tab-takedowns"]');
      await s.waitForText('[data-testid="takedowns-more-note"]', /^The oldest 100 are shown\./);
      assert.equal(await rows(s, '[data-testid="takedowns-list"] > li'), 100);
      await s.exec(`document.querySelector('[data-testid="takedowns-show-more"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '73-takedowns-first-hundred.png'));
      await s.click('[data-testid="takedowns-show-more"]');
      await s.waitFor('[data-testid="takedowns-list"] > li:nth-child(101)');
      const takedowns = await rows(s, '[data-testid="takedowns-list"] > li');
      assert.ok(takedowns >= CUTTINGS && takedowns < 200, `every take-down on the second page (${takedowns})`);
      assert.equal(await rows(s, '[data-testid="takedowns-show-more"]'), 0, 'no button once every take-down shows');

      // AUP coverage: the staff AUP's "never signed" table shows a hundred names at a time.
      await s.click('[data-testid="nav-aups"]');
      await s.waitFor('[data-testid="aup-link"]');
      const links = await s.findAll('[data-testid="aup-link"]');
      const labels = await Promise.all(links.map((l) => s.cmd('GET', `/element/${l}/text`)));
      await s.clickElement(links[labels.findIndex((t) => /staff/i.test(t))]);
      const neverCount = await s.waitForText('[data-testid="coverage-never-count"]', /\(\d+\)/);
      const never = Number(neverCount.match(/\((\d+)\)/)[1]);
      assert.ok(never >= STAFF, `the new staff have never signed (${never})`);
      assert.equal(await rows(s, '[data-testid="coverage-never"] [data-testid="coverage-row"]'), 100);
      assert.match(await s.text('[data-testid="coverage-never-shown"]'), new RegExp(`^The first 100 of ${never}, by name\\.$`));
      await s.exec(`document.querySelector('[data-testid="coverage-never-show-more"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '73-aup-coverage-first-hundred.png'));
      await s.click('[data-testid="coverage-never-show-more"]');
      assert.equal(await rows(s, '[data-testid="coverage-never"] [data-testid="coverage-row"]'), Math.min(200, never));

      // The retention review: the hundred due longest ago, how many are due, then the rest.
      await arrangeLeavers(s, LEAVERS);
      await s.click('[data-testid="nav-people"]');
      await s.click('[data-testid="nav-dashboard"]');
      const reminder = await s.waitForText('[data-testid="retention-reminder"]', /^\d+ records are due for a retention review$/);
      const dueCount = Number(reminder.match(/^(\d+)/)[1]);
      assert.ok(dueCount >= LEAVERS, `every leaver's training is due (${reminder})`);
      await s.click('[data-testid="retention-reminder-link"]');
      await s.waitForText(
        '[data-testid="retention-due-shown"]',
        new RegExp(`^The 100 due longest ago are shown, of ${dueCount} records due\\.`),
      );
      assert.equal(await rows(s, '[data-testid="retention-item"]'), 100);
      await s.exec(`document.querySelector('[data-testid="retention-due-shown"]').scrollIntoView({ block: 'start' }); return true;`);
      await s.screenshot(join(shots, '73-retention-count.png'));
      await s.exec(`document.querySelector('[data-testid="retention-due-show-more"]').scrollIntoView({ block: 'center' }); return true;`);
      await s.screenshot(join(shots, '73-retention-first-hundred.png'));
      await s.click('[data-testid="retention-due-show-more"]');
      await s.waitFor('[data-testid="retention-due-list"] > li:nth-child(101)');
      assert.equal(await rows(s, '[data-testid="retention-item"]'), Math.min(200, dueCount));
      assert.equal(await rows(s, '[data-testid="retention-due-show-more"]'), 0, 'no button once every record due shows');
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
}
