// The policy register in the demo vault: the dashboard asks for the online-safety policy's last
// review; the admin enters its history as a real policy carries it (a new policy, then annual
// reviews with different leads), sees the review is overdue on the dashboard, records this year's
// review and watches the reminder go; then logs a filtering change.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import assert from 'node:assert/strict';
import { collect, pdfWords, renderFirstPage } from '../pdf.mjs';

export default async function ({ withApp, shots, artifacts, invokeFromPage, checkAccessibility, lockFromAdmin }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-policies-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-policies-save-'));
  // Desktop notifications are written here instead of shown (Xvfb has no notification service).
  const notifyLog = join(saveDir, 'notifications.log');
  const notifications = () => (existsSync(notifyLog) ? readFileSync(notifyLog, 'utf8').trim().split('\n') : []);
  await withApp(
    'policies: a version history like a real one, the yearly reminder, and the filtering log',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir, SAFEKEEPER_NOTIFY_LOG: notifyLog },
    async (s) => {
      await s.click('[data-testid="tile-unlock"]');
      const hint = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
      await s.type('[data-testid="unlock-passphrase"]', hint.match(/(\w+ \w+ \w+ \w+)/)[1]);
      await s.click('[data-testid="unlock-submit"]');
      // The demo starts locked: nothing was notified until this unlock, which notifies once.
      await s.switchToWindowWith('[data-testid="dashboard"]');
      await s.waitForText('[data-testid="review-reminder"]', /Record when your online safety policy was last reviewed/);
      assert.deepEqual(notifications(), ['Safekeeper has no review of your online-safety policy on record yet.']);
      assert.match(await s.text('[data-testid="due-unreviewed"]'), /11 policies have no review recorded yet/);

      await s.click('[data-testid="review-reminder-link"]');
      await s.waitForText('[data-testid="policy-title"]', /^Online safety$/);
      await s.waitFor('[data-testid="policy-history-empty"]');
      await checkAccessibility(s, 'policy without history');

      const year = new Date().getFullYear();
      async function pick(testid, value) {
        const options = await s.findAll(`[data-testid="${testid}-option"]`);
        const values = await Promise.all(options.map((o) => s.cmd('GET', `/element/${o}/attribute/value`)));
        await s.clickElement(options[values.indexOf(value)]);
      }
      async function clearAndType(testid, text) {
        const [box] = await s.findAll(`[data-testid="${testid}"]`);
        await s.cmd('POST', `/element/${box}/clear`, {});
        await s.type(`[data-testid="${testid}"]`, text);
      }
      async function review({ trigger, version, date: [d, m, y], lead, change, next }) {
        await s.click('[data-testid="policy-review-start"]');
        await s.waitFor('[data-testid="policy-review-form"]');
        await pick('review-trigger', trigger);
        await clearAndType('review-version', version);
        await s.type('[data-testid="review-date-day"]', String(d));
        await s.type('[data-testid="review-date-month"]', String(m));
        await s.type('[data-testid="review-date-year"]', String(y));
        await clearAndType('review-lead', lead);
        if (change) await s.type('[data-testid="review-change"]', change);
        await s.type('[data-testid="review-approved-by"]', 'Board of trustees');
        if (next) {
          await s.type('[data-testid="review-next-day"]', String(next[0]));
          await s.type('[data-testid="review-next-month"]', String(next[1]));
          await s.type('[data-testid="review-next-year"]', String(next[2]));
          await s.screenshot(join(shots, '69-policy-review-next-set-by-hand.png'));
        }
        await s.click('[data-testid="review-save"]');
        await s.waitForText('[data-testid="policy-saved"]', new RegExp(`Version ${version.replace('.', '\\.')} added`));
      }
      // Three annual reviews with different leads, the last one more than a year ago.
      // The first version's own table set its next review by hand, fourteen months on.
      await review({ trigger: 'newPolicy', version: '1', date: [1, 9, year - 3], lead: 'Asha Patel', next: [1, 11, year - 2] });
      await s.waitForText('[data-testid="policy-saved"]', new RegExp(`next review is due on 1 November ${year - 2}`));
      await review({ trigger: 'scheduled', version: '2', date: [3, 9, year - 2], lead: 'Ben Jones' });
      await review({ trigger: 'scheduled', version: '3', date: [8, 9, year - 1], lead: 'Chi Okafor', change: 'Added guidance on AI chatbots' });
      const history = await s.text('[data-testid="policy-history"]');
      assert.match(history, /New policy[\s\S]*Asha Patel[\s\S]*Annual review: no change[\s\S]*Ben Jones[\s\S]*Annual review: Added guidance on AI chatbots[\s\S]*Chi Okafor/);
      assert.match(await s.text('[data-testid="policy-next-review"]'), new RegExp(`8 September ${year}`));
      await s.screenshot(join(shots, '70-policy-history.png'));
      await checkAccessibility(s, 'policy with history');

      await s.click('[data-testid="policy-print-history"]');
      const historyPath = await s.waitForText('[data-testid="policy-print-history-path"]', /\.pdf$/);
      assert.equal(basename(historyPath), 'Policy history Online safety.pdf');
      const historyPdf = await collect(saveDir, basename(historyPath), artifacts, 'policy-history.pdf');
      assert.match(pdfWords(historyPdf), /1 New policy Asha Patel[\s\S]*2 Annual review: no change Ben Jones[\s\S]*3 Annual review: Added guidance on AI chatbots Chi Okafor/);
      assert.match(pdfWords(historyPdf), new RegExp(`Asha Patel 1 September ${year - 3} 1 November ${year - 2}`), 'the next review set by hand is printed');
      renderFirstPage(historyPdf, shots, '70-pdf-policy-history');

      // The policy document itself, stored and copied back byte for byte.
      const documentPath = join(saveDir, 'Online safety policy v3.pdf');
      const documentText = '%PDF-1.4\n% the online safety policy, version 3\n';
      writeFileSync(documentPath, documentText);
      const [documentBox] = await s.findAll('[data-testid="policy-document-file"]');
      await s.cmd('POST', `/element/${documentBox}/value`, { text: documentPath });
      await s.click('[data-testid="policy-document-upload"]');
      await s.waitForText('[data-testid="policy-document-status"]', /stored with the policy/);
      await s.click('[data-testid="policy-document-save"]');
      const copyPath = await s.waitForText('[data-testid="policy-document-save-path"]', /\.pdf$/);
      assert.equal(basename(copyPath), 'Online safety policy.pdf');
      assert.equal(readFileSync(join(saveDir, basename(copyPath)), 'utf8'), documentText);

      // Whether the review is overdue depends on today's date; past 8 September it is.
      const overdue = new Date() > new Date(year, 8, 8);
      await s.click('[data-testid="nav-dashboard"]');
      if (overdue) {
        await s.waitForText('[data-testid="review-reminder"]', /online safety policy is overdue/);
        assert.match(await s.text('[data-testid="due-now"]'), /Policy review: Online safety, was due 8 September/);
        await s.screenshot(join(shots, '71-dashboard-review-overdue.png'));
      }

      // This year's review, recorded today, clears the reminder.
      await s.click('[data-testid="nav-policies"]');
      await s.waitFor('[data-testid="policies-list"]');
      const links = await s.findAll('[data-testid="policy-link"]');
      await s.clickElement(links[0]);
      await s.waitForText('[data-testid="policy-title"]', /^Online safety$/);
      const today = new Date();
      await review({ trigger: 'scheduled', version: '4', date: [today.getDate(), today.getMonth() + 1, year], lead: 'Chi Okafor' });
      await s.click('[data-testid="nav-dashboard"]');
      await s.waitFor('[data-testid="dashboard-due"]');
      assert.equal((await s.findAll('[data-testid="review-reminder"]')).length, 0, 'the reminder has gone');
      assert.match(await s.text('[data-testid="due-unreviewed"]'), /10 policies have no review recorded yet/);

      // Rust refuses a repeated version number, whatever the page sends.
      const policies = (await invokeFromPage(s, 'policies_list', { includeRetired: false })).ok;
      const refused = await invokeFromPage(s, 'policy_record_review', {
        id: policies[0].id,
        review: { version: '4', reviewedOn: `${year - 1}-01-01`, lead: 'x', change: null, trigger: 'other', approvedBy: null, approvedOn: null },
      });
      assert.equal(refused.err?.code, 'policy.duplicateVersion');

      // The filtering log, on the filtering and monitoring policy.
      await s.click('[data-testid="nav-policies"]');
      await s.waitFor('[data-testid="policies-list"]');
      await s.screenshot(join(shots, '72-policy-register.png'));
      await checkAccessibility(s, 'policy register');

      await s.click('[data-testid="review-checklist-print"]');
      const checklistPath = await s.waitForText('[data-testid="review-checklist-print-path"]', /\.pdf$/);
      const checklistPdf = await collect(saveDir, basename(checklistPath), artifacts, 'review-checklist.pdf');
      const checklist = pdfWords(checklistPdf);
      assert.match(checklist, /Annual review checklist/);
      assert.match(checklist, /Online safety Not set 4 /);
      assert.match(checklist, /Whistleblowing/);
      assert.match(checklist, /No review recorded/);
      assert.match(checklist, /people must do at least one course/);
      assert.match(checklist, /Chair of trustees \(name\)/);
      renderFirstPage(checklistPdf, shots, '72-pdf-review-checklist');
      const rows = await s.findAll('[data-testid="policy-link"]');
      const names = await s.exec(
        `return [...document.querySelectorAll('[data-testid="policy-link"]')].map((a) => a.textContent.trim());`,
      );
      const filtering = names.indexOf('Filtering and monitoring');
      assert.ok(filtering >= 0, `the register lists filtering and monitoring: ${names.join(', ')}`);
      await s.clickElement(rows[filtering]);
      await s.waitFor('[data-testid="filtering-log"]');
      await s.click('[data-testid="filtering-add"]');
      await s.type('[data-testid="filtering-date-day"]', '2');
      await s.type('[data-testid="filtering-date-month"]', '3');
      await s.type('[data-testid="filtering-date-year"]', String(year));
      await s.type('[data-testid="filtering-what"]', 'Blocked a proxy site');
      await s.type('[data-testid="filtering-who"]', 'IT contractor');
      await s.type('[data-testid="filtering-why"]', 'Learners were using it to get round the filter');
      await s.click('[data-testid="filtering-save"]');
      await s.waitForText('[data-testid="filtering-list"]', /Blocked a proxy site/);
      // A breach, recorded as an incident in one step; each then names the other.
      await s.click('[data-testid="filtering-add"]');
      await pick('filtering-kind', 'breach');
      await s.type('[data-testid="filtering-date-day"]', '4');
      await s.type('[data-testid="filtering-date-month"]', '3');
      await s.type('[data-testid="filtering-date-year"]', String(year));
      await s.type('[data-testid="filtering-what"]', 'A gambling site loaded on the club laptop');
      await s.type('[data-testid="filtering-who"]', 'Youth worker on shift');
      await s.type('[data-testid="filtering-why"]', 'Closed it and reported the site to the filtering provider');
      await s.click('[data-testid="filtering-save"]');
      await s.waitForText('[data-testid="filtering-list"]', /A gambling site loaded/);
      await s.click('[data-testid="filtering-record-incident"]');
      const recorded = await s.waitForText('[data-testid="filtering-recorded"]', /recorded as incident INC-\d{4}-\d{4}/);
      const reference = recorded.match(/INC-\d{4}-\d{4}/)[0];
      assert.equal((await s.text('[data-testid="filtering-incident"]')).trim(), reference);
      const listed = (await invokeFromPage(s, 'incidents_list', { filter: {} })).ok.find((i) => i.reference === reference);
      assert.equal(listed.kind, 'filteringBreachOrExposure');
      const opened = (await invokeFromPage(s, 'incident_get', { id: listed.id })).ok;
      assert.equal(opened.fromFiltering.what, 'A gambling site loaded on the club laptop');
      assert.match(opened.chronology[1].body.what, /reported the site to the filtering provider/);
      await s.screenshot(join(shots, '73-filtering-log.png'));
      await checkAccessibility(s, 'filtering log');

      // Locking raises nothing, and with this year's review recorded the next unlock is quiet.
      await lockFromAdmin(s);
      await s.click('[data-testid="tile-unlock"]');
      const again = await s.waitForText('[data-testid="demo-passphrase"]', /\w+ \w+ \w+ \w+/);
      await s.type('[data-testid="unlock-passphrase"]', again.match(/(\w+ \w+ \w+ \w+)/)[1]);
      await s.click('[data-testid="unlock-submit"]');
      await s.switchToWindowWith('[data-testid="dashboard"]');
      await s.waitFor('[data-testid="dashboard-due"]');
      assert.equal(notifications().length, 1, `one notification in all: ${notifications().join(' | ')}`);
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
}
