// Data protection tools in the demo vault. A volunteer who left in 2017 with online-safety
// training from 2016 (arranged through the app's own commands) comes up for a retention review;
// the admin erases the training record with a reason, and the audit log viewer shows the erasure
// with the chain verified and saves the log as a PDF. Then the hand-over export writes every
// record in open formats into a folder, after the warning that it is not encrypted.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import assert from 'node:assert/strict';

const pdfText = (path) => execFileSync('pdftotext', ['-layout', path, '-']).toString();

async function scrollTo(s, css) {
  await s.exec(`document.querySelector(arguments[0]).scrollIntoView({ block: 'center' }); return true;`, [css]);
}

export default async function ({ withApp, shots, artifacts, checkAccessibility, invokeFromPage, unlockDemo }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-retention-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-retention-save-'));
  await withApp(
    'retention review erases a record with a tombstone; the audit log shows it; the hand-over export',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir },
    async (s) => {
      await unlockDemo(s);

      // Arrange the past: Marek started in 2015, trained in 2016 and left in 2017.
      const found = (await invokeFromPage(s, 'people_search', { query: { text: 'Marek Nowicki', group: null, status: 'active' } })).ok;
      assert.equal(found.length, 1);
      const marek = (await invokeFromPage(s, 'person_get', { id: found[0].id })).ok.person;
      const draft = {
        group: marek.group,
        fullName: marek.fullName,
        preferredName: marek.preferredName,
        dateOfBirth: marek.dateOfBirth,
        startDate: '2015-09-01',
        leaveDate: null,
        email: marek.email,
        phone: marek.phone,
      };
      const updated = await invokeFromPage(s, 'person_update', { id: marek.id, draft });
      assert.ok(updated.ok, `start date moved back: ${JSON.stringify(updated)}`);
      const trained = await invokeFromPage(s, 'training_record', {
        completion: { courseId: 'course-online-safety', completedOn: '2016-03-01', provider: 'In house', notes: null, personIds: [marek.id] },
      });
      assert.ok(trained.ok, JSON.stringify(trained));
      assert.ok((await invokeFromPage(s, 'person_archive', { id: marek.id, leaveDate: '2017-07-31' })).ok, 'archived as a leaver');

      // The dashboard says a record is due; the review page lists it without erasing anything.
      await s.click('[data-testid="nav-people"]');
      await s.click('[data-testid="nav-dashboard"]');
      await s.waitForText('[data-testid="retention-reminder"]', /1 record is due for a retention review/);
      await s.click('[data-testid="retention-reminder-link"]');
      await s.waitFor('[data-testid="retention-due-list"]');
      const items = await s.findAll('[data-testid="retention-item"]');
      assert.equal(items.length, 1, 'only the leaver training record is due');
      const item = await s.text('[data-testid="retention-item"]');
      assert.match(item, /Training: Online-safety update/);
      assert.match(item, /Marek Nowicki/);
      await s.screenshot(join(shots, '96-retention-due.png'));
      await checkAccessibility(s, 'retention review');

      // Erase it: a reason, then a second step that says it cannot be undone.
      const choices = await s.findAll('[data-testid="retention-choice-option"]');
      await s.clickElement(choices[2]);
      await s.click('[data-testid="retention-erase"]');
      await s.waitFor('[data-testid="error-summary"]');
      await s.type('[data-testid="retention-reason"]', 'Six years have passed since he left and there is no claim or inquiry.');
      await s.click('[data-testid="retention-erase"]');
      await s.waitForText('[data-testid="retention-confirm"]', /cannot be undone/i);
      await scrollTo(s, '[data-testid="retention-confirm"]');
      await s.screenshot(join(shots, '97-retention-confirm-erase.png'));
      await s.click('[data-testid="retention-confirm-erase"]');
      await s.waitForText('[data-testid="retention-notice"]', /erased/i);
      await s.waitFor('[data-testid="retention-none-due"]');
      const history = (await invokeFromPage(s, 'person_training', { personId: marek.id })).ok;
      assert.equal(history.records.length, 0, 'the training record is gone');

      // The organisation changes a rule and writes why; an empty reason is refused first.
      await scrollTo(s, '[data-testid="retention-rules"]');
      await s.type('[data-testid="rule-imageConsent-years"]', '7');
      await s.type('[data-testid="rule-imageConsent-why"]', ' ');
      await s.click('[data-testid="retention-rules-save"]');
      await s.waitForText('[data-testid="error-summary"]', /image consents/i);
      await s.type('[data-testid="rule-imageConsent-why"]', 'Our insurer asked us to keep consents for seven years after they end.');
      await s.click('[data-testid="retention-rules-save"]');
      await s.waitForText('[data-testid="retention-notice"]', /retention rules have been saved/);
      const rules = (await invokeFromPage(s, 'retention_rules')).ok;
      assert.equal(rules.imageConsent.years, 7);
      assert.match(rules.imageConsent.why, /insurer/);
      await scrollTo(s, '[data-testid="retention-rules"]');
      await s.screenshot(join(shots, '97b-retention-rules.png'));

      // The audit log shows the erasure, in words; the chain still verifies; it prints.
      await s.click('[data-testid="nav-settings"]');
      await s.click('[data-testid="audit-open-log"]');
      await s.waitFor('[data-testid="audit-log-table"]');
      const newest = await s.exec(
        `return [...document.querySelectorAll('[data-testid="audit-log-row"]')].slice(0, 2).map(r => r.innerText);`,
      );
      assert.match(newest[0], /Changed the retention rules/, `the newest entry is the rules change: ${newest[0]}`);
      assert.match(newest[1], /Erased a record at its retention review/, `then the erasure: ${newest[1]}`);
      assert.match(newest[1], /Training/, 'named by its kind of record');
      for (const row of newest) assert.doesNotMatch(row, /Marek|Six years|insurer/, 'no names or reasons in the audit trail');
      await s.click('[data-testid="audit-log-verify"]');
      await s.waitForText('[data-testid="audit-log-verified"]', /checked|verified|intact/i);
      await s.screenshot(join(shots, '98-audit-log.png'));
      await checkAccessibility(s, 'audit log');
      await s.click('[data-testid="audit-log-print"]');
      const logPath = await s.waitForText('[data-testid="audit-log-print-path"]', /\.pdf$/, { timeout: 60000 });
      copyFileSync(logPath, join(artifacts, 'audit-log.pdf'));
      const log = pdfText(logPath);
      assert.match(log, /erased/i);
      execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', logPath, join(shots, 'pdf-audit-log')]);

      // The hand-over export: refused until the warning is acknowledged, then written in full.
      await s.click('[data-testid="audit-log-back"]');
      await scrollTo(s, '[data-testid="handover-section"]');
      await s.click('[data-testid="handover-export"]');
      await s.waitFor('[data-testid="handover-error"]');
      assert.equal(readdirSync(saveDir).filter((f) => !f.endsWith('.pdf')).length, 0, 'nothing written before the warning was acknowledged');
      await s.click('[data-testid="handover-understood"]');
      await s.click('[data-testid="handover-export"]');
      const folder = await s.waitForText('[data-testid="handover-path"]', /\S/, { timeout: 60000 });
      await scrollTo(s, '[data-testid="handover-section"]');
      await s.screenshot(join(shots, '99-handover-done.png'));
      for (const file of ['records.json', 'README.txt', join('csv', 'people.csv')]) {
        assert.ok(existsSync(join(folder, file)), `${file} was written`);
      }
      const records = JSON.parse(readFileSync(join(folder, 'records.json'), 'utf8'));
      assert.match(JSON.stringify(records), /Jayden Clarke/);
      assert.match(readFileSync(join(folder, 'README.txt'), 'utf8'), /not encrypted/i);
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
}
