// A member of staff reports a concern at the locked home; the next person finds nothing of it;
// the admin unlocks and reads it as a new, self-declared incident.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';

export default async function ({ withApp, shots, invokeFromPage, checkAccessibility }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-concern-'));
  await withApp(
    'report a concern at the locked home; the admin reads it as a new incident',
    { SAFEKEEPER_DATA_DIR: dataDir },
    async (s) => {
      await s.click('[data-testid="tile-concern"]');
      await s.waitFor('[data-testid="report-concern"]');
      await s.waitForText('[data-testid="concern-999"]', /call 999/);
      await checkAccessibility(s, 'report a concern');

      // Sending with nothing filled in names every missing answer.
      await s.click('[data-testid="concern-submit"]');
      const summary = await s.waitForText('[data-testid="error-summary"]', /Say what happened/);
      assert.match(summary, /member of staff or a volunteer/);
      assert.match(summary, /Type your full name/);
      await s.screenshot(join(shots, '40-concern-errors.png'));

      await s.type('[data-testid="concern-what"]', 'A learner showed me messages from an adult asking to meet after club.');
      await s.type('[data-testid="concern-place"]', 'Computer room, a gaming chat');
      await s.type('[data-testid="concern-own-words"]', 'He said he was sixteen but he is not.');
      await s.type('[data-testid="concern-done"]', 'Told the learner they did the right thing. Did not look through the phone.');
      const options = await s.findAll('[data-testid="concern-about-staff-option"]');
      await s.cmd('POST', `/element/${options[1]}/click`, {});
      await s.type('[data-testid="concern-name"]', 'Marek Nowicki');
      await s.screenshot(join(shots, '41-concern-filled.png'));
      await s.click('[data-testid="concern-submit"]');
      const receipt = (await s.waitForText('[data-testid="receipt-number"]', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/)).trim();
      await s.screenshot(join(shots, '42-concern-receipt.png'));
      await checkAccessibility(s, 'concern receipt');

      await s.click('[data-testid="receipt-done"]');
      await s.waitFor('[data-testid="locked-home"]');
      const left = await s.exec('return document.body.innerText + localStorage.length + sessionStorage.length;');
      assert.doesNotMatch(left, /sixteen|Marek|gaming/);
      assert.match(left, /00$/);

      // The admin unlocks and finds it on the dashboard.
      await s.click('[data-testid="tile-unlock"]');
      const hint = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
      await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
      await s.click('[data-testid="unlock-submit"]');
      await s.switchToWindowWith('[data-testid="dashboard"]');
      await s.waitForText('[data-testid="new-concerns"]', /INC-\d{4}-0001/);
      await s.screenshot(join(shots, '43-dashboard-new-concern.png'));
      await s.click('[data-testid="new-concern-link"]');
      await s.waitForText('[data-testid="incident-facts"]', /asking to meet after club/);
      assert.match(await s.text('[data-testid="incident-own-words"]'), /sixteen/);
      assert.match(await s.text('[data-testid="incident-view"]'), /identity self-declared/);
      assert.match(await s.text('[data-testid="incident-report"]'), new RegExp(receipt));
      const entries = await s.findAll('[data-testid="incident-entry"]');
      assert.equal(entries.length, 2, 'the report and what the reporter had already done');
      await s.screenshot(join(shots, '44-incident-from-concern.png'));
      await checkAccessibility(s, 'incident record');

      // Opening it was written to the audit trail, which still verifies.
      const audit = (await invokeFromPage(s, 'audit_verify')).ok;
      assert.equal(audit.verified, true);
      await s.click('[data-testid="nav-incidents"]');
      await s.waitForText('[data-testid="incidents-count"]', /^1 incident$/);
      await s.screenshot(join(shots, '45-incident-list.png'));
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
}
