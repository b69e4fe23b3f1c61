// The first ten minutes (issue 18 §6): a CEO who has never seen Safekeeper goes from first start to
// the first AUP signed at the signing station and confirmed, using only what the screens offer.
// Setup, then the dashboard's "Getting started" list leads to People (three people, with "Save and
// add another"); the "Person added" banner leads straight to the staff AUP (the DSL and chair
// question, then "Publish and show at the signing station", then the names for the station's list
// and "Open the signing station", in that order on the page), one of the three signs, the admin
// unlocks, finds the signature to confirm at the top of the dashboard, confirms it, and follows
// "What is due" to the staff AUP's coverage. Every step is a screenshot (10-NN-<step>.png); the clicks, the
// distinct screens and the time are printed, and the clicks are held to a budget so that a change
// that adds steps to this path fails here.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

// What the walk needs today: 34 clicks over 18 distinct screens (the log line prints both). That
// counts every click a newcomer makes, including choosing each person's group (3), listing the
// staff's names on the signing station (1), the signer's "Finish" on the receipt (1), following the
// "Person added" banner to the staff AUP (1) and the "What is due" line to its coverage at the end
// (1). Before the banner led on and the Getting started link opened the staff AUP itself, it was 37
// clicks over 19 screens (back to the dashboard, then the list of five AUPs, twice); the issue's
// count of 36 clicks and 20 screens before the fixes stopped at the signature. The budget is
// today's count plus one click and one screen: a change that puts one more screen in the path (its
// heading and its Continue) or one more click per person fails, while a single extra click
// somewhere, such as a confirmation, does not by itself.
const CLICK_BUDGET = 35;
const SCREEN_BUDGET = 19;

const ORG = 'Harbour Lane Youth Club';
const CEO = 'Morgan Ellis';
const CHAIR = 'Hannah Reid';
const PASSPHRASE = 'pebble quarry violet anchor';
const PEOPLE = [
  { name: 'Aisha Khan', group: 'staff' },
  { name: 'Ben Carter', group: 'staff' },
  { name: 'Chloe Evans', group: 'volunteer' },
];

/**
 * The newcomer's walk: every click goes through here and is counted; every step is a screenshot,
 * and the screen it shows is noted by its main heading (and, on the AUP page, by the publish
 * question's heading, which replaces the page below the title). Screenshots and accessibility
 * checks are the test's own work, so their time is kept out of the walk's time.
 */
class Walk {
  constructor(s, shots, checkAccessibility) {
    this.s = s;
    this.shots = shots;
    this.checkAccessibility = checkAccessibility;
    this.clicks = 0;
    this.steps = 0;
    this.screens = [];
    this.started = Date.now();
    this.testTime = 0;
    this.files = [];
  }

  async click(css) {
    await this.s.click(css);
    this.clicks++;
  }

  async clickElement(el) {
    await this.s.clickElement(el);
    this.clicks++;
  }

  /** A click that locks Safekeeper: the admin window may be gone before the reply arrives. */
  async clickThatLocks(css) {
    this.clicks++;
    await this.s.click(css).catch((e) => {
      if (!/no such window/.test(e.message)) throw e;
    });
  }

  /**
   * Screenshot of this step, named in order, and the screen it shows. `show` scrolls what the step
   * is about into view first, as the person would, when it is below the fold.
   */
  async at(step, show) {
    const began = Date.now();
    if (show) await this.s.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });`, [show]);
    const screen = await this.s.exec(`
      const h1 = document.querySelector('h1');
      const publish = document.querySelector('[data-testid="aup-publish-confirm"]');
      const parts = [h1 ? h1.innerText.replace(/\\s+/g, ' ').trim() : '(no heading)'];
      if (publish) parts.push(...[...publish.querySelectorAll('h2, h3')].map((h) => h.innerText.trim()));
      return parts.join(' / ');`);
    this.screens.push(screen);
    this.steps++;
    const file = `10-${String(this.steps).padStart(2, '0')}-${step}.png`;
    await this.s.screenshot(join(this.shots, file));
    this.files.push(file);
    this.testTime += Date.now() - began;
  }

  async axe(what) {
    const began = Date.now();
    await this.checkAccessibility(this.s, what);
    this.testTime += Date.now() - began;
  }

  distinctScreens() {
    return new Set(this.screens).size;
  }

  /** The walk's own time, and the time with the test's screenshots and checks. */
  seconds() {
    const all = Date.now() - this.started;
    return { walk: Math.round((all - this.testTime) / 1000), all: Math.round(all / 1000) };
  }
}

/** The texts of every element matching `css`, in page order. */
async function texts(s, css) {
  const found = await s.findAll(css);
  return Promise.all(found.map((el) => s.cmd('GET', `/element/${el}/text`)));
}

/** Waits until one line of "What is due" matches `pattern`. */
async function dueLineSays(s, pattern, timeout = 15000) {
  const until = Date.now() + timeout;
  let seen = [];
  while (Date.now() < until) {
    seen = await texts(s, '[data-testid="due-line"]').catch(() => []);
    if (seen.some((line) => pattern.test(line))) return;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`no line of "What is due" matches ${pattern}: ${seen.join(' | ')}`);
}

export default async function ({ withApp, shots, checkAccessibility, waitForLockedHome, drawSignature }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-first-ten-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-first-ten-save-'));
  await withApp(
    'the first ten minutes: setup, three people, publish and show the staff AUP, sign it, confirm it',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir },
    async (s) => {
      await s.waitFor('[data-testid="setup-start"]');
      const walk = new Walk(s, shots, checkAccessibility);

      // First start.
      await walk.at('welcome');
      await walk.click('[data-testid="setup-start"]');

      // Setup: the organisation, the first admin and a passphrase.
      await s.type('[data-testid="org-name"]', ORG);
      await walk.at('organisation-name');
      await walk.click('[data-testid="continue"]');
      await s.type('[data-testid="admin-name"]', CEO);
      await s.type('[data-testid="passphrase"]', PASSPHRASE);
      await s.type('[data-testid="passphrase-confirm"]', PASSPHRASE);
      await s.waitForText('[data-testid="passphrase-strength"]', /strong/i);
      await walk.at('passphrase');
      await walk.click('[data-testid="continue"]');

      // The recovery key, the Emergency Kit saved, and its last 6 characters typed the way they
      // are shown: in groups, so a space may fall among them.
      await s.waitForText('[data-testid="recovery-key"]', /AGE-SECRET-KEY-1/);
      const groups = (await texts(s, '[data-testid="recovery-key-group"]')).map((g) => g.trim());
      let lastSix = '';
      for (let i = groups.length - 1, left = 6; left > 0; i--) {
        const part = groups[i].slice(-left);
        lastSix = lastSix ? `${part} ${lastSix}` : part;
        left -= part.length;
      }
      assert.equal(lastSix.replace(/\s/g, '').length, 6);
      await walk.click('[data-testid="save-kit"]');
      await s.waitFor('[data-testid="kit-saved"]');
      assert.equal(readdirSync(saveDir).filter((f) => f.endsWith('.pdf')).length, 1, 'the Emergency Kit was saved');
      await s.type('[data-testid="confirm-last6"]', lastSix);
      await walk.at('recovery-key-kit-saved');
      await walk.click('[data-testid="create-vault"]');
      await s.waitForText('[data-testid="kit-printed-question"]', /Have you printed the Emergency Kit\?/);
      await walk.at('kit-printed', '[data-testid="kit-printed-question"]');
      await walk.click('[data-testid="kit-delete-and-create"]');

      // The first dashboard leads with what to do first.
      await s.switchToWindowWith('[data-testid="dashboard"]');
      await s.waitForText('[data-testid="getting-started-left"]', /^5 steps to go/);
      assert.deepEqual(readdirSync(saveDir).filter((f) => f.endsWith('.pdf')), [], 'the printed kit’s saved copy was deleted');
      await walk.at('dashboard-getting-started');
      await walk.axe('dashboard with getting started');
      await walk.click('[data-testid="getting-started-step"][data-step="addPeople"] [data-testid="getting-started-link"]');

      // People: the empty register says how to start, with one way in and no search over nobody;
      // three people, one after another.
      await s.waitFor('[data-testid="people-register-empty"]');
      assert.equal((await s.findAll('[data-testid="person-add-start"]')).length, 1, 'one "Add a person" button');
      assert.equal((await s.findAll('[data-testid="people-search"]')).length, 0, 'no search over an empty register');
      await walk.at('people-empty');
      await walk.click('[data-testid="people-register-empty"] [data-testid="person-add-start"]');
      for (const [i, person] of PEOPLE.entries()) {
        const n = i + 1;
        await s.waitFor('[data-testid="person-add-page"]');
        if (i > 0) {
          await s.waitForText('[data-testid="person-added-another"]', new RegExp(`${PEOPLE[i - 1].name} has been added`));
        }
        await s.type('[data-testid="person-full-name"]', person.name);
        await walk.click(`[data-testid="person-group-option"][value="${person.group}"]`);
        await walk.at(`add-person-${n}`);
        if (i === 1) await walk.axe('add a person, after "Save and add another"');
        await walk.click('[data-testid="person-continue"]');
        await s.waitForText('[data-testid="person-check-summary"]', new RegExp(person.name));
        await walk.at(`check-person-${n}`);
        if (i < PEOPLE.length - 1) await walk.click('[data-testid="person-save-and-add"]');
        else await walk.click('[data-testid="person-save"]');
      }
      await s.waitForText('[data-testid="person-page"]', new RegExp(PEOPLE[2].name));
      // The banner says where Getting started is (the people ticked off) and leads to the staff AUP.
      await s.waitForText('[data-testid="person-next-step"]', /Getting started: 4 steps to go/);
      await walk.at('third-person-added');
      await walk.click('[data-testid="person-next-step-link"]');
      await s.waitFor('[data-testid="aup-not-published"]');
      assert.match(await s.text('[data-testid="aup-page"] h1'), /Staff and volunteers/, 'the link opens the staff AUP itself');
      await walk.at('staff-aup-draft');

      // Before the first publish: who the AUPs name. Setup put the CEO in as the DSL, which is right
      // here; the chair of trustees is typed in.
      await walk.click('[data-testid="aup-publish"]');
      await s.waitFor('[data-testid="contacts-form"]');
      const dsl = await s.find('[data-testid="contacts-dsl"]');
      assert.equal(await s.cmd('GET', `/element/${dsl}/property/value`), CEO, 'the DSL starts as the first admin');
      await s.type('[data-testid="contacts-chair"]', CHAIR);
      await walk.at('dsl-and-chair-question');
      await walk.axe('who the AUPs name (the DSL and chair question)');
      await walk.click('[data-testid="contacts-save"]');

      // Publish and show at the signing station, in one step. A first version is explained, not
      // warned about, and its text can be read before publishing.
      await s.waitFor('[data-testid="aup-publish-first"]');
      assert.equal((await s.findAll('[data-testid="aup-publish-warning"]')).length, 0, 'no warning about signing again');
      assert.match(await s.exec(`return document.querySelector('[data-testid="aup-publish-draft-text"]').textContent;`), new RegExp(`chair of trustees, ${CHAIR}`));
      await s.waitFor('[data-testid="aup-publish-and-show"]');
      await walk.at('publish-and-show');
      await walk.axe('publish and show at the signing station');
      await walk.click('[data-testid="aup-publish-and-show"]');
      await s.waitForText('[data-testid="aup-current-version"]', /Version 1/);
      await s.waitForText('[data-testid="aup-kiosk-status"]', /^Shown on the signing station/);
      await s.waitForText('[data-testid="coverage-never-count"]', /\(3\)/);
      await walk.at('published-and-shown');

      // The staff's names on the station's list, so the signer can pick theirs; then the station,
      // in the order the page shows them.
      assert.ok(
        await s.exec(`return !!(document.querySelector('[data-testid="kiosk-names"]').compareDocumentPosition(document.querySelector('[data-testid="aup-open-station"]')) & Node.DOCUMENT_POSITION_FOLLOWING);`),
        'listing the names comes before opening the station',
      );
      await walk.click('[data-testid="kiosk-names-list"]');
      await s.waitForText('[data-testid="kiosk-names-result"]', /3 names added/);
      await walk.at('names-listed', '[data-testid="kiosk-names-result"]');
      await walk.clickThatLocks('[data-testid="aup-open-station"]');
      await waitForLockedHome(s);
      await s.waitFor('[data-testid="tile-aup"]:not([aria-disabled])');
      assert.match(await s.text('[data-testid="home-station-intro"]'), /signing station/);
      await walk.at('signing-station');

      // Ben signs: picks his name, reads the policy (which names the DSL and the chair), draws.
      await walk.click('[data-testid="tile-aup"]');
      await s.waitFor('[data-testid="signer-choice"]');
      const names = await s.text('[data-testid="signer-choice"]');
      for (const shown of ['Aisha K.', 'Ben C.', 'Chloe E.']) assert.ok(names.includes(shown), `${shown} is on the list`);
      const options = await s.findAll('[data-testid="signer-choice-option"]');
      const optionLabels = await Promise.all(
        options.map((o) => s.exec('return document.querySelector(`label[for="${arguments[0].id}"]`).textContent;', [{ 'element-6066-11e4-a52e-4f735466cecf': o }])),
      );
      const ben = optionLabels.findIndex((l) => l.trim() === 'Ben C.');
      assert.ok(ben >= 0, `Ben is on the list: ${optionLabels.join(' | ')}`);
      await walk.clickElement(options[ben]);
      await walk.at('sign-choose-name');
      await walk.click('[data-testid="signer-continue"]');
      const policy = await s.text('[data-testid="sign-aup-text"]');
      assert.match(policy, new RegExp(CEO), 'the AUP names the DSL given before publishing');
      assert.match(policy, new RegExp(`chair of trustees, ${CHAIR}`), 'the AUP names the chair given before publishing');
      await walk.click('[data-testid="sign-agree"]');
      await walk.at('sign-read');
      await walk.click('[data-testid="read-continue"]');
      await s.waitForText('[data-testid="signing-as"]', /Ben C\./);
      await drawSignature(s, '[data-testid="signer-pad"]');
      await walk.at('sign-drawn');
      await walk.click('[data-testid="sign-submit"]');
      const receipt = (await s.waitForText('[data-testid="receipt-number"]', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/)).trim();
      await walk.at('sign-receipt');
      await walk.click('[data-testid="receipt-done"]');

      // The admin unlocks and confirms the signature from the dashboard.
      await s.waitFor('[data-testid="locked-home"]');
      await walk.click('[data-testid="tile-unlock"]');
      await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
      await walk.at('unlock');
      await walk.click('[data-testid="unlock-submit"]');
      await s.switchToWindowWith('[data-testid="dashboard"]');
      const row = await s.waitForText('[data-testid="signature-row"]', /Ben C\./);
      assert.match(row, /Ben Carter/, 'the listed person is suggested');
      assert.ok(row.includes(receipt), 'the row shows the receipt given at the station');
      await dueLineSays(s, /AUP to sign: .*staff.*3 have never signed/);
      // What waits for the admin's decision comes before Getting started.
      assert.ok(
        await s.exec(`return !!(document.querySelector('[data-testid="signature-row"]').compareDocumentPosition(document.querySelector('[data-testid="getting-started"]')) & Node.DOCUMENT_POSITION_FOLLOWING);`),
        'the signature to confirm is above Getting started',
      );
      assert.match(await s.text('[data-testid="outbox-recorded"]'), /it recorded 1 form handed in at the signing station while it was locked/);
      await walk.at('signature-to-confirm', '[data-testid="signature-row"]');
      await walk.click('[data-testid="signature-confirm"]');
      await s.waitForText('[data-testid="signatures-confirmed"]', /1 signature confirmed/);
      // The same screen counts the confirmed signature at once (it used to need leaving and coming back).
      await dueLineSays(s, /AUP to sign: .*staff.*2 have never signed/);
      // Getting started has ticked off what was done, and only that.
      const ticked = await s.exec(
        `return [...document.querySelectorAll('[data-testid="getting-started-step"]')].map((li) => [li.dataset.step, !!li.querySelector('[data-testid="getting-started-done"]')]);`,
      );
      assert.deepEqual(ticked, [
        ['addPeople', true],
        ['showStaffAup', true],
        ['reviewOnlineSafetyPolicy', false],
        ['recordTraining', false],
        ['firstBackup', false],
      ]);
      assert.match(await s.text('[data-testid="getting-started-left"]'), /^3 steps to go/);
      await walk.at('signature-confirmed', '[data-testid="due-aup-link"]');
      await walk.axe('dashboard after confirming a signature');

      // The staff AUP's coverage, from its line in "What is due": one signed, two still to sign.
      await walk.click('[data-testid="due-aup-link"]');
      await s.waitForText('[data-testid="coverage-current-count"]', /\(1\)/);
      assert.match(await s.text('[data-testid="coverage-current"]'), /Ben Carter/);
      assert.match(await s.text('[data-testid="coverage-never-count"]'), /\(2\)/);
      await walk.at('coverage-one-signed', '[data-testid="aup-coverage"]');

      const { walk: seconds, all } = walk.seconds();
      const distinct = walk.distinctScreens();
      console.log(`  first ten minutes: ${walk.clicks} clicks, ${distinct} screens, ${seconds} s (${all} s with the test's screenshots and checks)`);
      console.log(`  screens: ${[...new Set(walk.screens)].join(' | ')}`);
      assert.ok(walk.clicks <= CLICK_BUDGET, `the walk took ${walk.clicks} clicks; the budget is ${CLICK_BUDGET}`);
      assert.ok(distinct <= SCREEN_BUDGET, `the walk passed ${distinct} screens; the budget is ${SCREEN_BUDGET}`);
      // Ten minutes is the newcomer's budget; a machine doing the same walk in more than a few
      // minutes means a screen is slow to answer.
      assert.ok(seconds < 180, `the walk took ${seconds} s`);
    },
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
}
