// End-to-end tests: start the real Safekeeper binary under tauri-driver (WebKitWebDriver) and use
// it the way a person would. Run under Xvfb: `xvfb-run -a node tests/e2e/run.mjs`.
//
// Screenshots of each main screen go to target/screenshots/, and PDFs the app made to
// target/e2e-artifacts/. The scenarios here run first, then every file in scenarios/ in name order.
import { mkdtempSync, readdirSync, renameSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';
import * as harness from './harness.mjs';

const { here, shots, artifacts, PASSPHRASE, ORG, results, withApp, waitForLockedHome, waitForAdminAlone, lockFromAdmin, checkAccessibility, invokeFromPage, drawSignature } =
  harness;

const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-'));
const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-save-'));
const baseEnv = { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir };
let recoveryKey = '';

await withApp('first run: setup with recovery-key confirmation, lock, wrong passphrase, unlock', baseEnv, async (s) => {
  await s.waitFor('[data-testid="setup-start"]');
  await s.screenshot(join(shots, '01-welcome.png'));
  await checkAccessibility(s, 'welcome');
  await s.click('[data-testid="setup-start"]');
  await s.type('[data-testid="org-name"]', ORG);
  await s.click('[data-testid="continue"]');
  await s.type('[data-testid="admin-name"]', 'Morgan Ellis');
  await s.type('[data-testid="passphrase"]', PASSPHRASE);
  await s.type('[data-testid="passphrase-confirm"]', PASSPHRASE);
  await s.waitForText('[data-testid="passphrase-strength"]', /strong/i);
  await s.screenshot(join(shots, '02-setup-passphrase.png'));
  await checkAccessibility(s, 'setup passphrase');
  await s.click('[data-testid="continue"]');

  const shown = await s.waitForText('[data-testid="recovery-key"]', /AGE-SECRET-KEY-1/);
  recoveryKey = shown.replace(/\s+/g, '');
  assert.match(recoveryKey, /^AGE-SECRET-KEY-1[0-9A-Z]{58}$/);
  await s.screenshot(join(shots, '03-setup-recovery-key.png'));
  await checkAccessibility(s, 'recovery key');

  await s.click('[data-testid="save-kit"]');
  await s.waitFor('[data-testid="kit-saved"]');
  const kit = readdirSync(saveDir).find((f) => f.endsWith('.pdf'));
  assert.ok(kit, 'the Emergency Kit PDF was saved');
  renameSync(join(saveDir, kit), join(artifacts, 'emergency-kit.pdf'));
  const kitText = execFileSync('pdftotext', ['-layout', join(artifacts, 'emergency-kit.pdf'), '-']).toString();
  assert.ok(kitText.includes(recoveryKey), 'the kit holds the recovery key');
  assert.ok(kitText.includes(ORG), 'the kit names the organisation');

  // A wrong confirmation is refused with a message.
  await s.type('[data-testid="confirm-last6"]', 'ZZZZZZ');
  await s.click('[data-testid="create-vault"]');
  await s.waitForText('[data-testid="error-summary"]', /last 6 characters/i);
  await s.screenshot(join(shots, '04-setup-confirm-mismatch.png'));
  await s.type('[data-testid="confirm-last6"]', recoveryKey.slice(-6));
  await s.click('[data-testid="create-vault"]');
  // Asked whether the kit is printed, with the offer to delete the saved copy.
  await s.waitForText('[data-testid="kit-printed-question"]', /Have you printed the Emergency Kit\?/);
  await s.screenshot(join(shots, '05-setup-kit-printed.png'));
  await checkAccessibility(s, 'kit printed question');
  // The kit was moved away for the checks above, so it is kept (there is nothing left to delete).
  await s.click('[data-testid="kit-keep-and-create"]');

  await s.switchToWindowWith('[data-testid="dashboard"]');
  await s.waitFor('[data-testid="dashboard"]');
  // A new organisation is shown its first steps, none done yet.
  await s.waitForText('[data-testid="getting-started-left"]', /^5 steps to go/);
  await s.screenshot(join(shots, '05-dashboard.png'));
  await checkAccessibility(s, 'dashboard');

  await s.click('[data-testid="nav-settings"]');
  await s.waitForText('[data-testid="audit-status"]', /verified/i);
  assert.match(await s.text('[data-testid="audit-head"]'), /^[0-9a-f]{64}$/);
  await s.screenshot(join(shots, '06-settings.png'));
  await checkAccessibility(s, 'settings');

  await lockFromAdmin(s);
  assert.match(await s.text('[data-testid="locked-home"]'), new RegExp(ORG));
  await s.screenshot(join(shots, '07-locked-home.png'));
  await checkAccessibility(s, 'locked home');

  // Rust refuses admin commands from the locked home, whatever the page tries.
  for (const command of ['settings_get', 'session_info', 'admin_remove']) {
    const res = await invokeFromPage(s, command, { adminId: 'x' });
    assert.ok(res.err !== undefined, `${command} was answered from the locked home: ${JSON.stringify(res)}`);
  }
  assert.equal((await invokeFromPage(s, 'app_status')).ok.phase, 'locked');

  await s.click('[data-testid="tile-unlock"]');
  await s.type('[data-testid="unlock-passphrase"]', 'marble otter lantern harvested');
  await s.click('[data-testid="unlock-submit"]');
  await s.waitForText('[data-testid="error-summary"]', /did not unlock/i);
  const errorText = await s.text('[data-testid="error-summary"]');
  assert.doesNotMatch(errorText, /vault\.|panicked|Error:/, 'no codes or traces shown');
  await s.screenshot(join(shots, '08-wrong-passphrase.png'));
  await checkAccessibility(s, 'wrong passphrase');

  await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
  await s.click('[data-testid="unlock-submit"]');
  await s.switchToWindowWith('[data-testid="dashboard"]');
  await lockFromAdmin(s);
});

await withApp('auto-lock after idle; one webview at a time', { ...baseEnv, SAFEKEEPER_AUTO_LOCK_SECONDS: '4' }, async (s) => {
  const [firstHome] = await s.handles();
  await s.click('[data-testid="tile-unlock"]');
  await s.type('[data-testid="unlock-passphrase"]', PASSPHRASE);
  await s.click('[data-testid="unlock-submit"]');
  await s.switchToWindowWith('[data-testid="dashboard"]');
  const started = Date.now();
  // While the admin works, the locked home's webview is gone: one window, the admin's.
  const admin = await waitForAdminAlone(s);
  assert.notEqual(admin, firstHome, 'the admin window is a window of its own');
  // Touch nothing: the app must lock on its own.
  await waitForLockedHome(s);
  const lockedAfter = Date.now() - started;
  assert.ok(lockedAfter >= 3000, 'locked no earlier than the idle limit');
  assert.ok(lockedAfter < 4000 + 3000, `the locked home was back within 3 s of the idle limit (took ${lockedAfter} ms)`);
  assert.equal((await invokeFromPage(s, 'app_status')).ok.phase, 'locked');
  const handles = await s.handles();
  assert.equal(handles.length, 1, 'the admin window is gone');
  assert.ok(!handles.includes(firstHome) && !handles.includes(admin), 'the locked home is a new webview');
  // A page that has never been anywhere else: nothing of the admin session is in it.
  const fresh = await s.exec(
    'return { history: history.length, adminText: document.body.innerText.includes("What is due"), started: performance.timeOrigin };',
  );
  assert.equal(fresh.history, 1, 'the new locked home has no history behind it');
  assert.equal(fresh.adminText, false);
  assert.ok(fresh.started > started, 'the locked home page was loaded after the unlock');
  await s.screenshot(join(shots, '09-auto-locked.png'));
});

await withApp('recovery key unlock sets a new passphrase', baseEnv, async (s) => {
  await s.click('[data-testid="tile-unlock"]');
  await s.click('[data-testid="recovery-link"]');
  await s.type('[data-testid="recovery-key-input"]', recoveryKey.toLowerCase());
  await s.click('[data-testid="recovery-submit"]');
  await s.switchToWindowWith('[data-testid="new-passphrase"]');
  await s.screenshot(join(shots, '10-recovery-set-passphrase.png'));
  await checkAccessibility(s, 'recovery');
  await s.click('[data-testid="recovery-admin-option"]');
  await s.type('[data-testid="new-passphrase"]', 'velvet canyon ember lighthouse');
  await s.type('[data-testid="new-passphrase-confirm"]', 'velvet canyon ember lighthouse');
  await s.click('[data-testid="new-passphrase-submit"]');
  await s.waitFor('[data-testid="dashboard"]');
  await lockFromAdmin(s);
  await s.click('[data-testid="tile-unlock"]');
  await s.type('[data-testid="unlock-passphrase"]', 'velvet canyon ember lighthouse');
  await s.click('[data-testid="unlock-submit"]');
  await s.switchToWindowWith('[data-testid="dashboard"]');
});

await withApp('people register, CSV import and publishing the staff AUP', baseEnv, async (s) => {
  await s.click('[data-testid="tile-unlock"]');
  await s.type('[data-testid="unlock-passphrase"]', 'velvet canyon ember lighthouse');
  await s.click('[data-testid="unlock-submit"]');
  await s.switchToWindowWith('[data-testid="dashboard"]');

  // Add one person by hand; initials alone are refused first.
  await s.click('[data-testid="nav-people"]');
  await s.click('[data-testid="person-add-start"]');
  await s.type('[data-testid="person-full-name"]', 'J. S.');
  await s.click('[data-testid="person-continue"]');
  await s.waitForText('[data-testid="person-add-page"]', /There is a problem/);
  await s.screenshot(join(shots, '15-person-initials-refused.png'));
  await s.type('[data-testid="person-full-name"]', 'Priya Natarajan');
  const groups = await s.findAll('[data-testid="person-group-option"]');
  await s.clickElement(groups[0]);
  await s.click('[data-testid="person-continue"]');
  await s.waitFor('[data-testid="person-check"]');
  await s.click('[data-testid="person-save"]');
  await s.waitForText('[data-testid="person-page"]', /Priya Natarajan/);
  await s.screenshot(join(shots, '16-person-page.png'));
  await checkAccessibility(s, 'person page');

  // Import three more from a spreadsheet export, one of them broken.
  const csvPath = join(saveDir, 'people.csv');
  writeFileSync(csvPath, '\ufeffFull name,Group,Date of birth\r\nOwen Blackwood,Staff,\r\nLeah Marsh,Volunteer,\r\nTom,Learner,31/02/2010\r\n');
  await s.click('[data-testid="nav-people"]');
  await s.click('[data-testid="people-import-start"]');
  const fileInput = await s.find('[data-testid="import-file"]');
  await s.cmd('POST', `/element/${fileInput}/value`, { text: csvPath });
  await s.click('[data-testid="import-check"]');
  await s.waitFor('[data-testid="import-preview"]');
  assert.equal((await s.findAll('[data-testid="import-add-row"]')).length, 2);
  const rejected = await s.exec(
    `return [...document.querySelectorAll('[data-testid="import-rejected-row"]')].map(r => r.textContent);`,
  );
  assert.equal(rejected.length, 1);
  assert.match(rejected[0], /^\s*4(?!\d)/, 'the broken row is named by its line');
  await s.screenshot(join(shots, '17-import-preview.png'));
  await checkAccessibility(s, 'import preview');
  await s.click('[data-testid="import-commit"]');
  await s.waitForText('[data-testid="people-notice"]', /2 people/);
  await s.waitForText('[data-testid="people-count"]', /3 people/);
  await s.screenshot(join(shots, '18-people-register.png'));

  // Publish the staff AUP and see everyone staff-like in "never signed".
  await s.click('[data-testid="nav-aups"]');
  await s.waitFor('[data-testid="aup-list"]');
  await s.screenshot(join(shots, '19-aup-list.png'));
  await s.waitFor('[data-testid="aup-link"]');
  const links = await s.findAll('[data-testid="aup-link"]');
  const labels = await Promise.all(links.map((l) => s.cmd('GET', `/element/${l}/text`)));
  await s.clickElement(links[labels.findIndex((t) => /staff/i.test(t))]);
  await s.click('[data-testid="aup-publish"]');
  // Before the first publish: who the AUPs name. Setup put the first admin in as the DSL.
  await s.waitFor('[data-testid="contacts-form"]');
  const dslField = await s.find('[data-testid="contacts-dsl"]');
  assert.ok((await s.cmd('GET', `/element/${dslField}/property/value`)).trim().length > 0, 'the DSL starts as the first admin');
  await s.type('[data-testid="contacts-chair"]', 'Hannah Reid');
  await s.screenshot(join(shots, '19-aup-contacts.png'));
  await checkAccessibility(s, 'who the AUPs name');
  await s.click('[data-testid="contacts-save"]');
  await s.waitFor('[data-testid="aup-publish-meaning"]');
  // Published and put on the signing station in one step.
  await s.click('[data-testid="aup-publish-and-show"]');
  await s.waitForText('[data-testid="aup-current-version"]', /Version 1/);
  await s.waitForText('[data-testid="aup-kiosk-status"]', /^Shown on the signing station/);
  await s.waitForText('[data-testid="coverage-never"]', /Owen Blackwood[\s\S]*|Leah Marsh/);
  const never = await s.text('[data-testid="coverage-never"]');
  for (const name of ['Priya Natarajan', 'Owen Blackwood', 'Leah Marsh']) assert.ok(never.includes(name), `${name} has never signed`);
  const published = (await invokeFromPage(s, 'aup_list')).ok.find((a) => a.audience === 'staffVolunteers');
  const words = (await invokeFromPage(s, 'aup_get', { aupId: published.id })).ok.current.content.reportConcerns;
  assert.match(words, /tell the chair of trustees, Hannah Reid/, 'the staff AUP names the chair');
  await s.screenshot(join(shots, '20-aup-published.png'));
  await checkAccessibility(s, 'AUP page');
});

let receiptNumber = '';

await withApp('signing station: a member of staff signs the staff AUP while locked; the admin confirms it', baseEnv, async (s) => {
  await s.click('[data-testid="tile-unlock"]');
  await s.type('[data-testid="unlock-passphrase"]', 'velvet canyon ember lighthouse');
  await s.click('[data-testid="unlock-submit"]');
  await s.switchToWindowWith('[data-testid="dashboard"]');

  // Offer the staff AUP at the signing station and list Owen's name there.
  await s.click('[data-testid="nav-aups"]');
  await s.waitFor('[data-testid="aup-link"]');
  const links = await s.findAll('[data-testid="aup-link"]');
  const labels = await Promise.all(links.map((l) => s.cmd('GET', `/element/${l}/text`)));
  await s.clickElement(links[labels.findIndex((t) => /staff/i.test(t))]);
  // Shown since it was published, in the same step.
  await s.waitForText('[data-testid="aup-kiosk-status"]', /^Shown/);
  const staffAup = (await invokeFromPage(s, 'aup_list')).ok.find((a) => a.audience === 'staffVolunteers');
  await s.click('[data-testid="nav-people"]');
  await s.type('[data-testid="people-search"]', 'Owen');
  await s.click('[data-testid="people-search-submit"]');
  await s.waitForText('[data-testid="people-list"]', /Owen Blackwood/);
  await s.click('[data-testid="person-link"]');
  await s.waitForText('[data-testid="person-page"]', /Owen Blackwood/);
  await s.click('[data-testid="kiosk-listing-toggle"]');
  await s.waitFor('[data-testid="kiosk-listed"]');
  await s.screenshot(join(shots, '21-person-listed-on-station.png'));
  // People added and the staff AUP shown: the dashboard ticks both off by itself.
  await s.click('[data-testid="nav-dashboard"]');
  await s.waitForText('[data-testid="getting-started-left"]', /^3 steps to go/);
  const steps = await s.findAll('[data-testid="getting-started-step"]');
  const ticked = await Promise.all(steps.map((el) => s.cmd('GET', `/element/${el}/text`)));
  assert.deepEqual(ticked.map((t) => /Done/.test(t)), [true, true, false, false, false]);
  await s.screenshot(join(shots, '21-getting-started-two-done.png'));
  await checkAccessibility(s, 'dashboard with getting started');
  // The AUP page's "Open the signing station" locks straight into it.
  await s.click('[data-testid="nav-aups"]');
  await s.waitFor('[data-testid="aup-link"]');
  const again = await s.findAll('[data-testid="aup-link"]');
  const againLabels = await Promise.all(again.map((l) => s.cmd('GET', `/element/${l}/text`)));
  await s.clickElement(again[againLabels.findIndex((t) => /staff/i.test(t))]);
  await s.screenshot(join(shots, '21-aup-open-station.png'));
  await s.click('[data-testid="aup-open-station"]').catch((e) => {
    if (!/no such window/.test(e.message)) throw e;
  });
  await waitForLockedHome(s);
  // The README's picture of the signing station (.dev/readme-pictures.sh copies it): a real
  // organisation with an AUP ready to sign, seen from the top.
  await s.exec('window.scrollTo(0, 0)');
  await s.screenshot(join(shots, 'readme-signing-station.png'));

  // At the locked home: sign with a drawn signature.
  await s.click('[data-testid="tile-aup"]');
  await s.waitFor('[data-testid="signer-choice"]');
  const names = await s.text('[data-testid="signer-choice"]');
  assert.match(names, /Owen B\./);
  assert.doesNotMatch(names, /Blackwood|Priya|Leah/, 'only listed people, by display name');
  await s.screenshot(join(shots, '22-sign-choose-name.png'));
  await checkAccessibility(s, 'signing: choose your name');
  const options = await s.findAll('[data-testid="signer-choice-option"]');
  await s.clickElement(options[0]);
  await s.click('[data-testid="signer-continue"]');
  await s.waitFor('[data-testid="sign-aup-text-rules"]');
  const shownRules = await s.exec(`return [...document.querySelectorAll('[data-testid="sign-aup-text-rules"] li')].map(li => li.textContent.trim());`);
  const detail = staffAup.current;
  assert.ok(detail, 'the staff AUP is published');
  assert.ok(shownRules.length >= 5, 'the whole list of rules is shown');
  await s.screenshot(join(shots, '23-sign-read.png'));
  await checkAccessibility(s, 'signing: read the policy');
  await s.click('[data-testid="read-continue"]');
  await s.waitForText('[data-testid="error-summary"]', /Tick the box/);
  await s.click('[data-testid="sign-agree"]');
  await s.click('[data-testid="read-continue"]');
  await s.waitForText('[data-testid="signing-as"]', /Owen B\./);
  await drawSignature(s, '[data-testid="signer-pad"]');
  await s.screenshot(join(shots, '24-sign-drawn.png'));
  await checkAccessibility(s, 'signing: sign');
  await s.click('[data-testid="sign-submit"]');
  receiptNumber = (await s.waitForText('[data-testid="receipt-number"]', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/)).trim();
  await s.screenshot(join(shots, '25-sign-receipt.png'));
  await checkAccessibility(s, 'signing: receipt');

  // The screen clears itself for the next person, who finds nothing of Owen's.
  await s.waitFor('[data-testid="locked-home"]', { timeout: 20000 });
  const leftover = await s.exec(`return [document.body.innerText, localStorage.length, sessionStorage.length, document.cookie];`);
  assert.doesNotMatch(leftover[0], /Owen|Blackwood|[A-Z0-9]{4}-[A-Z0-9]{4}/);
  assert.deepEqual(leftover.slice(1), [0, 0, '']);
  await s.click('[data-testid="tile-aup"]');
  await s.waitFor('[data-testid="signer-choice"]');
  const fresh = await s.exec(`return [...document.querySelectorAll('input')].map(i => i.type === 'radio' || i.type === 'checkbox' ? i.checked : i.value);`);
  assert.ok(fresh.every((v) => v === false || v === ''), 'the next person starts with nothing chosen or typed');
  await s.screenshot(join(shots, '26-sign-next-person.png'));
  await s.click('[data-testid="sign-back"]');
  await s.waitFor('[data-testid="locked-home"]');

  // The admin unlocks: the signature arrives, self-declared, and is confirmed.
  await s.click('[data-testid="tile-unlock"]');
  await s.type('[data-testid="unlock-passphrase"]', 'velvet canyon ember lighthouse');
  await s.click('[data-testid="unlock-submit"]');
  await s.switchToWindowWith('[data-testid="dashboard"]');
  const row = await s.waitForText('[data-testid="signature-row"]', /Owen B\./);
  assert.match(row, /Owen Blackwood/, 'the listed person is suggested');
  await s.screenshot(join(shots, '27-signature-to-confirm.png'));
  await s.click('[data-testid="signature-confirm"]');
  await s.waitFor('[data-testid="signatures-confirmed"]');
  await s.click('[data-testid="nav-aups"]');
  await s.waitFor('[data-testid="aup-link"]');
  const links2 = await s.findAll('[data-testid="aup-link"]');
  const labels2 = await Promise.all(links2.map((l) => s.cmd('GET', `/element/${l}/text`)));
  await s.clickElement(links2[labels2.findIndex((t) => /staff/i.test(t))]);
  const current = await s.waitForText('[data-testid="coverage-current"]', /Owen Blackwood/);
  assert.doesNotMatch(await s.text('[data-testid="coverage-never"]'), /Owen Blackwood/);
  assert.ok(current.includes('Owen Blackwood'));
  await s.screenshot(join(shots, '28-coverage-after-signing.png'));

  // The stored signature is the drawn one, with the receipt shown at the station.
  const people = (await invokeFromPage(s, 'people_search', { query: { text: 'Owen', group: null, status: 'active' } })).ok;
  const owen = (await invokeFromPage(s, 'person_get', { id: people[0].id })).ok;
  assert.equal(owen.signatures.length, 1);
  assert.equal(owen.signatures[0].drawn, true);
  assert.equal(owen.signatures[0].receipt, receiptNumber);
  assert.equal(owen.signatures[0].selfDeclared, false);
  assert.equal(owen.signatures[0].contentHash, detail.contentHash);

  // Print Owen's signed record: the text he agreed to, his drawn signature and the version hash.
  await s.click('[data-testid="nav-people"]');
  await s.type('[data-testid="people-search"]', 'Owen');
  await s.click('[data-testid="people-search-submit"]');
  await s.waitForText('[data-testid="people-list"]', /Owen Blackwood/);
  await s.click('[data-testid="person-link"]');
  await s.waitFor('[data-testid="person-signature-print"]');
  await s.click('[data-testid="person-signature-print"]');
  const savedPath = (await s.waitForText('[data-testid="person-signature-print-path"]', /\.pdf$/)).trim();
  await s.screenshot(join(shots, '29-signed-record-saved.png'));
  const signedPdf = join(artifacts, 'signed-aup.pdf');
  writeFileSync(signedPdf, readFileSync(savedPath));
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', signedPdf, '-']).toString();
  assert.match(text, /Owen Blackwood/);
  assert.ok(text.replace(/\s+/g, '').includes(detail.contentHash), 'the full version hash is printed');
  assert.match(text, new RegExp(receiptNumber));
  for (const rule of shownRules) {
    const words = rule.split(/\s+/).slice(0, 6).join(' ');
    assert.ok(text.replace(/\s+/g, ' ').includes(words), `the signed text includes rule "${words}…"`);
  }
  const images = execFileSync('pdfimages', ['-list', signedPdf]).toString().trim().split('\n').length - 2;
  assert.ok(images >= 1, 'the drawn signature is embedded as an image');
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', signedPdf, join(shots, '30-signed-aup-page1')]);
});

await withApp(
  'demo vault shows DEMO and its passphrase',
  { SAFEKEEPER_DATA_DIR: mkdtempSync(join(tmpdir(), 'safekeeper-e2e-demo-')) },
  async (s) => {
    await s.waitFor('[data-testid="demo-banner"]');
    await s.waitFor('[data-testid="tile-aup"]:not([aria-disabled])');
    await s.screenshot(join(shots, '10b-demo-locked-home.png'));
    await s.click('[data-testid="tile-unlock"]');
    const hint = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
    await s.screenshot(join(shots, '11-demo-unlock.png'));
    await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
    await s.click('[data-testid="unlock-submit"]');
    await s.switchToWindowWith('[data-testid="dashboard"]');
    await s.waitFor('[data-testid="demo-banner"]');
    // The demo's signing-station signature arrived through the outbox on unlock.
    await s.waitForText('[data-testid="signature-row"]', /Gareth Llewellyn/);
    await s.screenshot(join(shots, '11b-demo-dashboard.png'));
    await checkAccessibility(s, 'demo dashboard');
    await s.click('[data-testid="nav-settings"]');
    await s.waitForText('[data-testid="admin-list"]', /Priya/);
    await s.screenshot(join(shots, '12-demo-settings.png'));

    // Settings save and come back.
    await s.type('[data-testid="auto-lock-minutes"]', '12');
    await s.click('[data-testid="settings-save"]');
    await s.waitFor('[data-testid="settings-saved"]');
    assert.equal((await invokeFromPage(s, 'settings_get')).ok.autoLockMinutes, 12);
    await s.type('[data-testid="auto-lock-minutes"]', '500');
    await s.click('[data-testid="settings-save"]');
    await s.waitForText('[data-testid="settings-organisation"]', /There is a problem[\s\S]*between 1 and 120/i);
    // Rust refuses it too, whatever the page sends.
    const refused = await invokeFromPage(s, 'settings_update', { orgName: 'Riverside Youth Project', autoLockMinutes: 500 });
    assert.equal(refused.err?.code, 'settings.invalidAutoLock');
    assert.equal((await invokeFromPage(s, 'settings_get')).ok.autoLockMinutes, 12, 'a refused value changes nothing');

    // Add a deputy, then remove them (which rotates the database key).
    await s.click('[data-testid="admin-add-start"]');
    await s.type('[data-testid="admin-add-name"]', 'Dana Whitfield');
    await s.type('[data-testid="admin-add-passphrase"]', 'tangerine cobalt meadow ferry');
    await s.type('[data-testid="admin-add-passphrase-confirm"]', 'tangerine cobalt meadow ferry');
    await s.screenshot(join(shots, '13-add-admin.png'));
    await s.click('[data-testid="admin-add-submit"]');
    await s.waitForText('[data-testid="admin-list"]', /Dana Whitfield/);
    let admins = (await invokeFromPage(s, 'settings_get')).ok.admins;
    assert.equal(admins.length, 3);
    const rows = await s.findAll('[data-testid="admin-row"]');
    const names = await Promise.all(rows.map((r) => s.cmd('GET', `/element/${r}/text`)));
    const danaRow = rows[names.findIndex((n) => n.includes('Dana'))];
    const remove = await s.cmd('POST', `/element/${danaRow}/element`, { using: 'css selector', value: '[data-testid="admin-remove"]' });
    await s.clickElement(Object.values(remove)[0]);
    await s.waitFor('[data-testid="admin-remove-page"]');
    await s.screenshot(join(shots, '14-remove-admin.png'));
    await s.click('[data-testid="admin-remove-confirm"]');
    await s.waitFor('[data-testid="settings-notice"]');
    admins = (await invokeFromPage(s, 'settings_get')).ok.admins;
    assert.deepEqual(admins.map((a) => a.name).sort(), ['Priya Raman', 'Sam Okafor']);

    // Lock with the keyboard shortcut.
    // The window may close before the key-up is delivered: that is the lock working.
    await s.keys([{ type: 'key', id: 'kb', actions: [
      { type: 'keyDown', value: '\uE009' }, { type: 'keyDown', value: 'l' },
      { type: 'keyUp', value: 'l' }, { type: 'keyUp', value: '\uE009' },
    ] }]).catch((e) => {
      if (!/no such window/.test(e.message)) throw e;
    });
    await waitForLockedHome(s);
    await s.waitFor('[data-testid="demo-banner"]');
  },
  ['--demo'],
);

rmSync(dataDir, { recursive: true, force: true });
rmSync(saveDir, { recursive: true, force: true });
for (const file of readdirSync(join(here, 'scenarios')).filter((f) => f.endsWith('.mjs')).sort()) {
  const scenario = await import(`./scenarios/${file}`);
  await scenario.default(harness);
}

console.log(`\ne2e: ${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed === 0 ? 0 : 1);
