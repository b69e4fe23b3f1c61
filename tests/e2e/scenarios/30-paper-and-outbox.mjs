// A paper AUP signature with a scan, editing a person, and the dashboard's report of a damaged
// signing-station file, on the demo vault.
//
// The demo vault is made in a fresh temporary folder when the app starts (SAFEKEEPER_DATA_DIR does
// not apply to it), so the damaged file cannot be put in place before the start. Instead TMPDIR
// points at a folder of our own, and the file goes into the demo's outbox after the start and
// before the unlock, which is when the outbox is read.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import assert from 'node:assert/strict';

// A real 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function demoOutbox(tempRoot) {
  for (let i = 0; i < 100; i++) {
    const demo = readdirSync(tempRoot).find((name) => name.startsWith('safekeeper-demo-'));
    if (demo && existsSync(join(tempRoot, demo, 'outbox'))) return join(tempRoot, demo, 'outbox');
    await sleep(100);
  }
  throw new Error(`no demo vault appeared in ${tempRoot}`);
}

/** Brings an element to the middle of the window, for a screenshot of it. */
async function scrollTo(s, css) {
  await s.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' }); return true;`, [css]);
}

export default async function ({ withApp, shots, checkAccessibility, invokeFromPage, openPerson }) {
  const tempRoot = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-tmp-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-save-'));
  const env = {
    SAFEKEEPER_DATA_DIR: mkdtempSync(join(tmpdir(), 'safekeeper-e2e-paper-')),
    SAFEKEEPER_SAVE_DIR: saveDir,
    TMPDIR: tempRoot,
  };
  const scanPath = join(saveDir, 'signed-aup.png');
  writeFileSync(scanPath, PNG);

  await withApp(
    'paper signature with a scan, editing a person, and a damaged signing-station file',
    env,
    async (s) => {
      await s.waitFor('[data-testid="tile-unlock"]');
      // Someone (or something) leaves a file that looks like a submission but is not one.
      const outbox = await demoOutbox(tempRoot);
      const junkName = `00000002-${randomUUID()}.age`;
      writeFileSync(join(outbox, junkName), 'this is not an encrypted submission');

      await s.click('[data-testid="tile-unlock"]');
      const hint = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
      await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
      await s.click('[data-testid="unlock-submit"]');
      await s.switchToWindowWith('[data-testid="dashboard"]');

      // The dashboard reports the good submission as recorded and explains the damaged file.
      const report = await invokeFromPage(s, 'outbox_report');
      assert.equal(report.ok?.ingested, 1, `outbox_report: ${JSON.stringify(report)}`);
      await s.waitForText('[data-testid="outbox-recorded"]', /it recorded 1 form handed in at the signing station/);
      const problems = await s.findAll('[data-testid="outbox-problem"]');
      assert.equal(problems.length, 1);
      const problem = await s.text('[data-testid="outbox-problem"]');
      assert.match(problem, /Damaged or changed/);
      assert.ok(problem.includes(junkName), 'the file is named');
      assert.match(await s.text('[data-testid="outbox-problem-next"]'), /sign again/);
      assert.match(await s.text('[data-testid="outbox-report"]'), /Every other submission was recorded/);
      await s.waitForText('[data-testid="signature-row"]', /Gareth Llewellyn/);
      assert.ok(existsSync(join(outbox, 'problems', junkName)), 'the damaged file is kept in outbox/problems');
      assert.ok(!existsSync(join(outbox, junkName)));
      await s.screenshot(join(shots, '30-outbox-problems.png'));
      await checkAccessibility(s, 'dashboard with outbox problems');

      // Edit a person: Cancel changes nothing; Save changes what was typed.
      await openPerson(s, 'Marek Nowicki');
      await s.click('[data-testid="person-edit"]');
      await s.waitFor('[data-testid="person-edit-page"]');
      await s.type('[data-testid="person-full-name"]', 'Somebody Else');
      await s.click('[data-testid="person-edit-cancel"]');
      await s.waitForText('[data-testid="person-summary"]', /Marek Nowicki/);
      await s.click('[data-testid="person-edit"]');
      await s.type('[data-testid="person-full-name"]', 'M.');
      await s.type('[data-testid="person-preferred-name"]', 'Mark');
      await s.type('[data-testid="person-phone"]', '01632 960123');
      await s.click('[data-testid="person-edit-save"]');
      await s.waitForText('[data-testid="person-edit-page"]', /There is a problem[\s\S]*full name/);
      await s.screenshot(join(shots, '31-person-edit-refused.png'));
      await checkAccessibility(s, 'edit person');
      await s.type('[data-testid="person-full-name"]', 'Marek Nowicki');
      await s.click('[data-testid="person-edit-save"]');
      await s.waitForText('[data-testid="person-notice"]', /details have been updated/);
      const summary = await s.text('[data-testid="person-summary"]');
      assert.match(summary, /Mark/);
      assert.match(summary, /01632 960123/);

      // Marek has never signed the staff AUP.
      const staff = (await invokeFromPage(s, 'aup_list')).ok.find((a) => a.audience === 'staffVolunteers');
      let coverage = (await invokeFromPage(s, 'aup_coverage', { aupId: staff.id })).ok;
      assert.ok(coverage.neverSigned.some((e) => e.fullName === 'Marek Nowicki'));

      // Record his paper copy: a future date is refused first, then it is recorded with its scan.
      await s.click('[data-testid="person-record-paper"]');
      await s.waitFor('[data-testid="paper-page"]');
      await s.waitForText('[data-testid="paper-version"]', /Version 1/);
      const nextYear = String(new Date().getFullYear() + 1);
      await s.type('[data-testid="paper-signed-on-day"]', '3');
      await s.type('[data-testid="paper-signed-on-month"]', '9');
      await s.type('[data-testid="paper-signed-on-year"]', nextYear);
      await s.click('[data-testid="paper-continue"]');
      await s.waitForText('[data-testid="paper-page"]', /There is a problem[\s\S]*today or in the past[\s\S]*where the paper copy is filed/);
      await s.screenshot(join(shots, '32-paper-refused.png'));
      await checkAccessibility(s, 'record paper signature, refused');
      await s.type('[data-testid="paper-signed-on-year"]', '2025');
      await s.type('[data-testid="paper-filed-at"]', 'Blue HR folder, office cabinet 2');
      const fileInput = await s.find('[data-testid="paper-scan"]');
      await s.cmd('POST', `/element/${fileInput}/value`, { text: scanPath });
      await scrollTo(s, '[data-testid="paper-scan"]');
      await s.waitForText('[data-testid="paper-scan-chosen"]', /signed-aup\.png/);
      await s.screenshot(join(shots, '33-paper-form.png'));
      await s.click('[data-testid="paper-continue"]');
      const check = await s.waitForText('[data-testid="paper-check-summary"]', /Blue HR folder/);
      assert.match(check, /Staff and volunteers[\s\S]*Version 1 \(in force\)[\s\S]*3 September 2025[\s\S]*signed-aup\.png/);
      await s.screenshot(join(shots, '33b-paper-check.png'));
      await checkAccessibility(s, 'check a paper signature');
      await s.click('[data-testid="paper-save"]');
      await s.waitForText('[data-testid="person-notice"]', /paper signature for Marek Nowicki has been recorded/);
      const row = await s.text('[data-testid="person-signature-row"]');
      assert.match(row, /On paper/);
      assert.match(row, /Filed at: Blue HR folder, office cabinet 2/);
      assert.match(row, /3 September 2025/);
      await scrollTo(s, '[data-testid="person-signatures"]');
      await s.screenshot(join(shots, '34-person-paper-signature.png'));
      await checkAccessibility(s, 'person page with a paper signature');

      coverage = (await invokeFromPage(s, 'aup_coverage', { aupId: staff.id })).ok;
      const marek = coverage.signedCurrent.find((e) => e.fullName === 'Marek Nowicki');
      assert.ok(marek, 'Marek now counts as signed');
      assert.equal(marek.lastSignedAt, '2025-09-03');

      // Save the scan and get the same bytes back.
      await s.click('[data-testid="person-signature-save-scan"]');
      const status = await s.waitForText('[data-testid="person-scan-status"]', /Scan saved to/);
      const saved = join(saveDir, 'Signed AUP scan 2025-09-03.png');
      assert.ok(status.includes(saved), status);
      assert.deepEqual(readFileSync(saved), PNG);
      await scrollTo(s, '[data-testid="person-scan-status"]');
      await s.screenshot(join(shots, '35-scan-saved.png'));

      // Rust judges a scan by its content and refuses one that is not PNG, JPEG or PDF.
      const refused = await invokeFromPage(s, 'signature_record_paper', {
        paper: {
          personId: marek.personId,
          versionId: staff.current.id,
          signedOn: '2025-09-03',
          filedAt: 'Blue HR folder',
          countersignedBy: null,
          scanBase64: Buffer.from('GIF89a pretending to be a PNG').toString('base64'),
        },
      });
      assert.equal(refused.err?.code, 'signature.scanWrongType');
      const signatures = (await invokeFromPage(s, 'person_get', { id: marek.personId })).ok.signatures;
      assert.equal(signatures.length, 1, 'the refused one was not stored');

      // The AUP page's coverage shows him among those who have signed.
      await s.click('[data-testid="nav-aups"]');
      await s.waitFor('[data-testid="aup-link"]');
      const links = await s.findAll('[data-testid="aup-link"]');
      const labels = await Promise.all(links.map((l) => s.cmd('GET', `/element/${l}/text`)));
      await s.clickElement(links[labels.findIndex((t) => /staff/i.test(t))]);
      await s.waitForText('[data-testid="coverage-current"]', /Marek Nowicki/);
    },
    ['--demo'],
  );
}
