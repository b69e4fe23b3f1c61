// A member of staff reports a concern at the locked home; the next person finds nothing of it;
// the admin unlocks, reads it as a new self-declared incident, completes it with a referral and
// what the parents were told, corrects the report (the original stays), cannot close it without
// the outcome and a sign-off, then signs off and closes it and prints the filled report. Before
// that, a blank incident form and a blank AUP are printed from the locked home.
import { existsSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import assert from 'node:assert/strict';
import { collect, pdfText, pdfWords, renderFirstPage } from '../pdf.mjs';

export default async function ({ withApp, shots, artifacts, invokeFromPage, checkAccessibility }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-concern-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-concern-save-'));
  // Blank forms from the locked home go to Documents/Safekeeper blank forms under this HOME.
  const home = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-concern-home-'));
  const blankFolder = join(home, 'Documents', 'Safekeeper blank forms');
  await withApp(
    'report a concern at the locked home; the admin reads it as a new incident',
    {
      SAFEKEEPER_DATA_DIR: dataDir,
      SAFEKEEPER_SAVE_DIR: saveDir,
      HOME: home,
      XDG_CONFIG_HOME: join(home, '.config'),
      SAFEKEEPER_NOTIFY_LOG: join(home, 'notifications.log'),
    },
    async (s) => {
      // Blank forms can be printed while locked: they hold nobody's details.
      await s.click('[data-testid="home-print-forms"]');
      await s.waitFor('[data-testid="blank-forms"]');
      await s.waitFor('[data-testid="blank-aup-0"]');
      await s.screenshot(join(shots, '39-locked-home-blank-forms.png'));
      await checkAccessibility(s, 'print a blank form');
      await s.click('[data-testid="blank-incident"]');
      assert.equal(await s.waitForText('[data-testid="blank-incident-folder"]', /blank forms$/), blankFolder);
      assert.equal(await s.text('[data-testid="blank-incident-name"]'), 'Incident form blank.pdf');
      const blank = await collect(blankFolder, 'Incident form blank.pdf', artifacts, 'blank-incident-form.pdf');
      const blankPages = pdfText(blank).split('\f').filter((page) => page.trim());
      assert.equal(blankPages.length, 2, 'the blank incident form is two pages');
      const blankWords = pdfWords(blank);
      for (const field of ['Online-safety incident form', 'call 999', 'Date it happened', 'Reported by', 'Cyberbullying',
        'Internet Watch Foundation', 'own words', 'Your signature', 'Review and sign-off by the DSL']) {
        assert.ok(blankWords.includes(field), `the blank form has "${field}"`);
      }
      renderFirstPage(blank, shots, '39-pdf-blank-incident-form');
      await s.click('[data-testid="blank-aup-0"]');
      const aupName = await s.waitForText('[data-testid="blank-aup-0-name"]', /\.pdf$/);
      assert.match(aupName, /^AUP .+ v\d+ blank\.pdf$/);
      assert.equal(await s.text('[data-testid="blank-aup-0-folder"]'), blankFolder);
      const blankAup = await collect(blankFolder, aupName, artifacts, 'blank-aup-from-locked-home.pdf');
      assert.match(pdfWords(blankAup), /I have read and understood this policy/);
      await s.click('[data-testid="blank-forms-done"]');
      await s.waitFor('[data-testid="locked-home"]');

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
      await s.clickElement(options[1]);
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
      // The demo vault holds four made-up incidents already, so the concern is the fifth this year.
      await s.waitForText('[data-testid="new-concerns"]', /INC-\d{4}-0005/);
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

      // Complete it: a referral, the parents told, a correction to the report.
      async function add(kind, fill) {
        const options = await s.findAll('[data-testid="add-kind-option"]');
        const labels = await Promise.all(options.map((o) => s.cmd('GET', `/element/${o}/attribute/value`)));
        await s.clickElement(options[labels.indexOf(kind)]);
        await s.click('[data-testid="add-continue"]');
        await s.waitFor('[data-testid="entry-form"]');
        await fill();
        await s.click('[data-testid="entry-save"]');
        await s.waitFor('[data-testid="incident-saved"]');
      }
      async function pickValue(testid, value) {
        const options = await s.findAll(`[data-testid="${testid}-option"]`);
        const values = await Promise.all(options.map((o) => s.cmd('GET', `/element/${o}/attribute/value`)));
        await s.clickElement(options[values.indexOf(value)]);
      }
      await add('referral', async () => {
        await pickValue('entry-agency', 'ceop');
        await s.type('[data-testid="entry-reference"]', 'CEOP-58213');
      });
      await add('parentsInformed', async () => {
        await pickValue('entry-informed', 'yes');
        await s.type('[data-testid="entry-by"]', 'Sam Okafor');
      });
      await s.screenshot(join(shots, '46-incident-completed.png'));

      // Closing without the outcome or a sign-off names both.
      await s.click('[data-testid="incident-close"]');
      await s.click('[data-testid="close-confirm"]');
      const missing = await s.waitForText('[data-testid="status-errors"]', /outcome/);
      assert.match(missing, /reviewing admin's name/);
      assert.match(missing, /Record the judgement: unsuitable or illegal/);
      await s.screenshot(join(shots, '47-incident-close-refused.png'));
      // Rust refuses too, whatever the page sends.
      const refused = await invokeFromPage(s, 'incident_change_status', {
        id: (await invokeFromPage(s, 'incidents_list', { filter: {} })).ok[0].id,
        change: { to: 'closed', signOff: null, reason: null },
      });
      assert.equal(refused.err?.code, 'incident.cannotClose');
      assert.match(refused.err.message, /the outcome/);
      await s.click('[data-testid="close-cancel"]');

      // Correct the report's category; the original stays in the chronology.
      const corrects = await s.findAll('[data-testid="entry-correct"]');
      await s.clickElement(corrects[0]);
      await s.waitFor('[data-testid="entry-form"]');
      await pickValue('entry-category', 'contact');
      await pickValue('entry-kind', 'sexualAbuseOrExploitation');
      await s.type('[data-testid="entry-amend-reason"]', 'An adult contacting a child to meet is contact, and possible grooming.');
      await s.click('[data-testid="entry-save"]');
      await s.waitFor('[data-testid="incident-saved"]');
      assert.match(await s.text('[data-testid="incident-report"]'), /Contact: Online sexual abuse or exploitation/);
      assert.match(await s.text('[data-testid="incident-chronology"]'), /amendment to entry 1[\s\S]*possible grooming/);

      // Now a kind where an image may be indecent: flagged until the viewing decision is recorded.
      const flagged = async () => (await invokeFromPage(s, 'incidents_list', { filter: {} })).ok[0].imageDecisionNeeded;
      assert.equal(await flagged(), true);
      assert.match(await s.text('[data-testid="incident-image-viewing"]'), /Safekeeper never stores it/);
      await s.click('[data-testid="viewing-record"]');
      await pickValue('viewing-viewed', 'no');
      await s.type('[data-testid="viewing-by"]', 'Sam Okafor');
      await s.type('[data-testid="viewing-reason"]', 'The learner described the messages; no image needs to be seen to refer.');
      await s.exec(`document.querySelector('[data-testid="incident-image-viewing"]').scrollIntoView();`);
      await s.screenshot(join(shots, '46a-incident-image-viewing.png'));
      await checkAccessibility(s, 'image viewing decision');
      await s.click('[data-testid="viewing-save"]');
      await s.waitForText('[data-testid="viewing-decisions"]', /Not viewed: decided on .* by Sam Okafor/);
      assert.equal(await flagged(), false);

      // The e-safety procedure's route: judged illegal, then the police, the evidence and their response.
      await s.click('[data-testid="route-judge"]');
      await pickValue('route-judgement-choice', 'illegal');
      await s.type('[data-testid="route-by"]', 'Sam Okafor');
      await s.type('[data-testid="route-reason"]', 'An adult asking a child to meet is possible grooming, a crime.');
      await s.click('[data-testid="route-judge-save"]');
      await s.waitFor('[data-testid="incident-saved"]');
      assert.match(await s.text('[data-testid="route-judgement"]'), /Illegal material or activity, judged by Sam Okafor/);
      async function recordStep(step, fill = async () => {}) {
        await s.click(`[data-testid="route-record-${step}"]`);
        await s.waitFor('[data-testid="route-step-form"]');
        await s.type('[data-testid="route-by"]', 'Sam Okafor');
        await fill();
        await s.click('[data-testid="route-step-save"]');
        await s.waitForText(`[data-testid="route-step-${step}"]`, /Done/);
      }
      await recordStep('coordinatorTold');
      // The police reference is asked for before anything is saved.
      await s.click('[data-testid="route-record-policeTold"]');
      await s.type('[data-testid="route-by"]', 'Sam Okafor');
      await s.click('[data-testid="route-step-save"]');
      assert.match(await s.waitForText('[data-testid="route-errors"]', /police reference/), /Enter the police reference number/);
      await s.type('[data-testid="route-reference"]', 'CAD 2291 21NOV');
      await s.click('[data-testid="route-step-save"]');
      await s.waitForText('[data-testid="route-step-policeTold"]', /Done[\s\S]*CAD 2291 21NOV/);
      await s.waitForText('[data-testid="route-awaiting-police"]', /Awaiting the police response/);
      await recordStep('evidenceSecured', () => s.type('[data-testid="route-details"]', 'Screenshots on the club phone, in the office safe.'));
      await s.exec(`document.querySelector('[data-testid="incident-route"]').scrollIntoView();`);
      await s.screenshot(join(shots, '46b-incident-route-awaiting-police.png'));
      await checkAccessibility(s, 'incident judgement and route');
      await recordStep('policeOutcome', async () => {
        await pickValue('route-found', 'yes');
        await s.type('[data-testid="route-details"]', 'The police are investigating the account; nothing more for the club to do.');
      });
      assert.equal(await s.exec(`return document.querySelector('[data-testid="route-awaiting-police"]') === null;`), true);
      assert.match(await s.text('[data-testid="incident-chronology"]'), /Judgement[\s\S]*Route step/);

      await add('outcome', async () => {
        await s.type('[data-testid="entry-outcome"]', 'Reported to CEOP; the learner and family are supported by the club.');
      });
      await s.click('[data-testid="incident-close"]');
      await s.type('[data-testid="signoff-name"]', 'Sam Okafor');
      await s.click('[data-testid="close-confirm"]');
      await s.waitForText('[data-testid="incident-status"]', /^Closed$/);
      assert.match(await s.text('[data-testid="incident-chronology"]'), /Now closed\. Signed off by Sam Okafor/);
      await s.screenshot(join(shots, '48-incident-closed.png'));
      await checkAccessibility(s, 'closed incident');

      // The filled report: every entry and the correction, confidential and numbered on every page.
      await s.click('[data-testid="incident-print-report"]');
      const reportPath = await s.waitForText('[data-testid="incident-print-report-path"]', /\.pdf$/);
      const reference = (await s.text('[data-testid="incident-reference"]')).trim();
      assert.equal(basename(reportPath), `Incident report ${reference}.pdf`);
      const report = await collect(saveDir, basename(reportPath), artifacts, 'incident-report.pdf');
      const reportPages = pdfText(report).split('\f').filter((page) => page.trim());
      const reportText = reportPages.join(' ').replace(/\s+/g, ' ');
      assert.match(reportText, /Judgement and route Judged as Illegal material or activity/);
      assert.match(reportText, /Reported to the police Done .*police reference CAD 2291 21NOV/);
      assert.ok(reportPages.length >= 2, 'the filled report runs over more than one page');
      reportPages.forEach((page, i) => {
        assert.match(page, /Confidential: safeguarding/, `page ${i + 1} is marked confidential`);
        assert.match(page, new RegExp(`Page ${i + 1} of ${reportPages.length}`), `page ${i + 1} is numbered`);
      });
      const reportWords = pdfWords(report);
      for (const expected of ['asking to meet after club', 'He said he was sixteen but he is not.', 'CEOP-58213',
        'Reported at the signing station', 'identity self-declared', 'possible grooming', 'Not yet classified',
        'Contact \u2013 Online sexual abuse or exploitation', 'Reviewed and signed off by Sam Okafor']) {
        assert.ok(reportWords.includes(expected), `the filled report has "${expected}"`);
      }
      renderFirstPage(report, shots, '48-pdf-incident-report');

      // Opening it was written to the audit trail, which still verifies.
      const audit = (await invokeFromPage(s, 'audit_verify')).ok;
      assert.equal(audit.verified, true);
      await s.click('[data-testid="nav-incidents"]');
      await s.waitForText('[data-testid="incidents-count"]', /^5 incidents$/);
      // The admin can print the blank form from the incident list too.
      await s.click('[data-testid="incident-print-blank"]');
      const adminBlank = await s.waitForText('[data-testid="incident-print-blank-path"]', /\.pdf$/);
      assert.equal(basename(adminBlank), 'Incident form blank.pdf');
      assert.match(pdfWords(adminBlank), /Riverside Youth Project/);

      // The admin records an allegation about a member of staff and restricts it to themselves.
      await s.click('[data-testid="incident-record-start"]');
      await s.waitFor('[data-testid="incident-new"]');
      await s.type('[data-testid="report-occurred-on-day"]', '3');
      await s.type('[data-testid="report-occurred-on-month"]', '11');
      await s.type('[data-testid="report-occurred-on-year"]', '2026');
      await s.type('[data-testid="report-how"]', 'By email');
      await s.type('[data-testid="report-reported-by"]', 'A parent');
      await s.type('[data-testid="report-reported-to"]', 'Sam Okafor');
      await pickValue('report-category', 'contact');
      await pickValue('report-kind', 'staffMisuse');
      await s.type('[data-testid="report-facts"]', 'A volunteer messaged a member on a personal account late at night.');
      await s.click('[data-testid="report-about-staff"]');
      await s.click('[data-testid="report-save"]');
      await s.waitFor('[data-testid="incident-access"]');
      await s.click('[data-testid="access-restrict"]');
      await s.waitForText('[data-testid="incident-access-state"]', /Only the admins ticked/);
      await s.screenshot(join(shots, '49-incident-restricted.png'));
      await checkAccessibility(s, 'restricted staff allegation');

      // A screenshot of the messages, kept as an evidence file; saving a copy asks why first.
      const shotPath = join(saveDir, 'messages screenshot.png');
      writeFileSync(shotPath, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('evidence')]));
      await s.click('[data-testid="file-attach"]');
      await s.type('[data-testid="file-description"]', 'Screenshot of the late-night messages, sent by the parent.');
      const [fileInput] = await s.findAll('[data-testid="file-input"]');
      await s.cmd('POST', `/element/${fileInput}/value`, { text: shotPath });
      await s.click('[data-testid="file-attach-save"]');
      await s.waitForText('[data-testid="file-row"]', /messages screenshot\.png/);
      assert.match(await s.text('[data-testid="incident-chronology"]'), /Evidence[\s\S]*Attached in Safekeeper as .messages screenshot\.png./);
      unlinkSync(shotPath);
      await s.click('[data-testid="file-open"]');
      await s.click('[data-testid="file-save"]');
      await s.waitForText('[data-testid="files-errors"]', /Say why you are opening this file/);
      await s.type('[data-testid="file-reason"]', 'For the LADO referral.');
      await s.click('[data-testid="file-save"]');
      await s.waitForText('[data-testid="file-openings"]', /by Sam Okafor\. Why: For the LADO referral\./);
      assert.ok(existsSync(shotPath), 'the copy was saved where the admin chose');
      await s.exec(`document.querySelector('[data-testid="incident-files"]').scrollIntoView();`);
      await s.screenshot(join(shots, '49b-incident-evidence-file.png'));
      await checkAccessibility(s, 'incident evidence files');

      await s.click('[data-testid="back"]');
      await s.waitForText('[data-testid="incidents-count"]', /^6 incidents$/);
      await s.screenshot(join(shots, '45-incident-list.png'));
      await checkAccessibility(s, 'incident list');
      await s.click('[data-testid="incident-trends-start"]');
      await s.waitForText('[data-testid="trends-total"]', /^6 incidents happened/);
      await s.screenshot(join(shots, '50-incident-trends.png'));
      await checkAccessibility(s, 'incident trends');
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}
