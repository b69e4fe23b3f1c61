// Staff training in the demo vault: nobody has training recorded, so the dashboard lists the
// courses staff and volunteers have never done; the admin records a group session of the
// online-safety update for everyone but one person, changes a course's renewal period, and the
// dashboard then lists only the person who missed the session.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import assert from 'node:assert/strict';
import { collect, pdfWords, renderFirstPage } from '../pdf.mjs';

export default async function ({ withApp, shots, artifacts, invokeFromPage, checkAccessibility, unlockDemo }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-training-'));
  const saveDir = mkdtempSync(join(tmpdir(), 'safekeeper-e2e-training-save-'));
  await withApp(
    'training: record a group session and watch the dashboard change',
    { SAFEKEEPER_DATA_DIR: dataDir, SAFEKEEPER_SAVE_DIR: saveDir },
    async (s) => {
      await unlockDemo(s);

      // Nothing has been recorded, so the dashboard lists required courses as never done (the
      // most urgent few, with a count of the rest), and the matrix has them all.
      await s.waitForText('[data-testid="due-now"]', /Online-safety update for [^,]+, never done/);
      const matrixBefore = (await invokeFromPage(s, 'training_matrix', { filter: { group: null, status: null, courseId: null } })).ok;
      const onlineSafety = matrixBefore.courses.findIndex((c) => c.id === 'course-online-safety');
      const neverDoneBefore = matrixBefore.rows.filter((r) => r.cells[onlineSafety].status === 'neverDone').length;
      assert.ok(neverDoneBefore >= 3, `the demo's staff and volunteers have not done it (${neverDoneBefore})`);
      await s.screenshot(join(shots, '60-dashboard-training-due.png'));
      await checkAccessibility(s, 'dashboard with training due');

      await s.click('[data-testid="nav-training"]');
      await s.waitFor('[data-testid="training-matrix"]');
      assert.match(await s.text('[data-testid="training-matrix"]'), /Never done/);
      await s.screenshot(join(shots, '61-training-matrix-before.png'));
      await checkAccessibility(s, 'training matrix');

      // A group session for everyone who must do it, except the first person listed.
      await s.click('[data-testid="training-record-start"]');
      await s.waitFor('[data-testid="training-record"]');
      const courses = await s.findAll('[data-testid="training-course-option"]');
      const values = await Promise.all(courses.map((o) => s.cmd('GET', `/element/${o}/attribute/value`)));
      await s.clickElement(courses[values.indexOf('course-online-safety')]);
      await s.click('[data-testid="training-tick-required"]');
      const ticked = await s.findAll('[data-testid="training-person"]');
      const firstLabel = await s.exec(
        `return document.querySelector('[data-testid="training-person"]').closest('.form-group').querySelector('label').textContent.trim();`,
      );
      await s.clickElement(ticked[0]);
      await s.type('[data-testid="training-date-day"]', '2');
      await s.type('[data-testid="training-date-month"]', '11');
      await s.type('[data-testid="training-date-year"]', '2026');
      await s.type('[data-testid="training-provider"]', 'Local safeguarding partnership');
      await s.screenshot(join(shots, '62-record-training.png'));
      await checkAccessibility(s, 'record training');
      await s.click('[data-testid="training-save"]');
      const saved = await s.waitForText('[data-testid="training-saved"]', /Online-safety update recorded for \d+ people/);
      const recorded = Number(saved.match(/for (\d+) people/)[1]);
      assert.equal(recorded, neverDoneBefore - 1, 'everyone but the one left out');
      await s.screenshot(join(shots, '63-training-matrix-after.png'));

      // The matrix on paper: A4 landscape, every cell in words.
      await s.click('[data-testid="training-matrix-print"]');
      const matrixPath = await s.waitForText('[data-testid="training-matrix-print-path"]', /\.pdf$/);
      const matrixPdf = await collect(saveDir, basename(matrixPath), artifacts, 'training-matrix.pdf');
      const matrixWords = pdfWords(matrixPdf);
      assert.match(matrixWords, /Training matrix/);
      assert.ok(matrixWords.includes(firstLabel), 'the person left out is on the matrix');
      assert.match(matrixWords, /Never done/);
      assert.match(matrixWords, /Done due 2 November/);
      renderFirstPage(matrixPdf, shots, '63-pdf-training-matrix');

      // A certificate stored with one record (sent the way the page sends a chosen file), then a
      // copy saved from the person's page: the bytes come back unchanged.
      const matrixNow = (await invokeFromPage(s, 'training_matrix', { filter: { group: null, status: null, courseId: null } })).ok;
      const trained = matrixNow.rows.find((r) => r.fullName !== firstLabel && r.cells[0].lastCompleted);
      const history = (await invokeFromPage(s, 'person_training', { personId: trained.personId })).ok;
      const certificate = '%PDF-1.4\n% a training certificate for the end-to-end test\n';
      const attached = await invokeFromPage(s, 'training_certificate_attach', {
        recordId: history.records[0].id,
        base64: Buffer.from(certificate).toString('base64'),
      });
      assert.equal(attached.err, undefined, JSON.stringify(attached.err));
      const wrongType = await invokeFromPage(s, 'training_certificate_attach', {
        recordId: history.records[0].id,
        base64: Buffer.from('GIF89a').toString('base64'),
      });
      assert.equal(wrongType.err?.code, 'training.certificateWrongType');
      await s.click('[data-testid="nav-people"]');
      await s.type('[data-testid="people-search"]', trained.fullName);
      await s.click('[data-testid="people-search-submit"]');
      await s.waitForText('[data-testid="person-link"]', new RegExp(trained.fullName));
      await s.click('[data-testid="person-link"]');
      await s.waitFor('[data-testid="person-training-row"]');
      await s.click('[data-testid="person-certificate-save"]');
      const certPath = await s.waitForText('[data-testid="person-certificate-save-path"]', /\.pdf$/);
      assert.match(basename(certPath), /^Training certificate \d{4}-\d{2}-\d{2}\.pdf$/);
      assert.equal(readFileSync(join(saveDir, basename(certPath)), 'utf8'), certificate);
      await s.screenshot(join(shots, '63-person-training.png'));
      await checkAccessibility(s, 'person training');
      await s.click('[data-testid="nav-training"]');
      await s.waitFor('[data-testid="training-matrix"]');

      // Rust refuses a date in the future, whatever the page sends.
      const refused = await invokeFromPage(s, 'training_record', {
        completion: { courseId: 'course-online-safety', completedOn: '2099-01-01', provider: 'x', notes: null, personIds: ['nobody'] },
      });
      assert.equal(refused.err?.code, 'training.invalid');

      // Every 2 years instead of every year: the course list says so.
      await s.click('[data-testid="training-courses-start"]');
      await s.waitFor('[data-testid="courses-list"]');
      const edits = await s.findAll('[data-testid="course-edit"]');
      await s.clickElement(edits[0]);
      await s.waitFor('[data-testid="course-form"]');
      const [monthsBox] = await s.findAll('[data-testid="course-months"]');
      await s.cmd('POST', `/element/${monthsBox}/clear`, {});
      await s.type('[data-testid="course-months"]', '24');
      await s.click('[data-testid="course-save"]');
      await s.waitForText('[data-testid="courses-saved"]', /Online-safety update saved/);
      assert.match(await s.text('[data-testid="courses-list"]'), /Online-safety update\s+Every 2 years/);
      await s.screenshot(join(shots, '64-training-courses.png'));
      await checkAccessibility(s, 'training courses');

      // Past induction records from a spreadsheet: one good row, one for nobody in the register.
      await s.click('[data-testid="courses-back"]');
      await s.click('[data-testid="training-import-start"]');
      await s.waitFor('[data-testid="training-import"]');
      const csvPath = join(saveDir, 'past-training.csv');
      writeFileSync(csvPath, `Name,Course,Date completed,Provider\r\n${firstLabel},Induction,01/09/2024,In house\r\nNobody Known,Induction,01/09/2024,In house\r\n`);
      const [fileBox] = await s.findAll('[data-testid="training-import-file"]');
      await s.cmd('POST', `/element/${fileBox}/value`, { text: csvPath });
      await s.click('[data-testid="training-import-check"]');
      await s.waitForText('[data-testid="training-import-counts"]', /1 training record will be added/);
      assert.match(await s.text('[data-testid="training-import-rejected-row"]'), /^3\s*Problem: Nobody in the register/);
      await s.screenshot(join(shots, '64-training-import.png'));
      await checkAccessibility(s, 'training import preview');
      await s.click('[data-testid="training-import-commit"]');
      await s.waitForText('[data-testid="training-saved"]', /1 training record imported/);

      // Back on the dashboard, only the person who missed the session can be listed for it, and
      // the matrix says they are the only one left.
      await s.click('[data-testid="nav-dashboard"]');
      const after = await s.waitForText('[data-testid="dashboard-due"]', /What is due/);
      const stillListed = after.match(/Online-safety update for [^,]+, never done/g) ?? [];
      assert.ok(
        stillListed.every((line) => line === `Online-safety update for ${firstLabel}, never done`),
        `only ${firstLabel} is listed: ${stillListed}`,
      );
      const matrixAfter = (await invokeFromPage(s, 'training_matrix', { filter: { group: null, status: null, courseId: null } })).ok;
      const stillNever = matrixAfter.rows.filter((r) => r.cells[onlineSafety].status === 'neverDone').map((r) => r.fullName);
      assert.deepEqual(stillNever, [firstLabel]);
      await s.screenshot(join(shots, '65-dashboard-after-training.png'));

      // The due dates as a calendar file, after the warning that it names staff.
      assert.match(await s.text('[data-testid="due-export-warning"]'), /names your staff/);
      await s.click('[data-testid="due-export"]');
      const icsPath = await s.waitForText('[data-testid="due-export-path"]', /\.ics$/);
      const ics = await collect(saveDir, basename(icsPath), artifacts, 'due-dates.ics');
      const calendar = readFileSync(ics, 'utf8');
      assert.match(calendar, /^BEGIN:VCALENDAR\r\n/);
      assert.equal((calendar.match(/SUMMARY:Training due: Online-safety update/g) ?? []).length, recorded);
    },
    ['--demo'],
  );
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(saveDir, { recursive: true, force: true });
}
