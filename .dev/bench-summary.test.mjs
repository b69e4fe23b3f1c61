// Tests for the benchmark summary on a tiny fake criterion folder.
// Run: node --test .dev/bench-summary.test.mjs
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { formatNs, machine, readResults, tables, verdict } from './bench-summary.mjs';

const script = fileURLToPath(new URL('./bench-summary.mjs', import.meta.url));

/** Writes one benchmark's latest results as criterion does; returns its `new` folder. */
function fake(root, folder, group, fn, value, medianNs) {
  const dir = join(root, ...folder, 'new');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'benchmark.json'),
    JSON.stringify({ group_id: group, function_id: fn, value_str: value, throughput: null, full_id: 'x', directory_name: folder.join('/'), title: 'x' }),
  );
  writeFileSync(
    join(dir, 'estimates.json'),
    JSON.stringify({
      mean: { point_estimate: medianNs * 3, standard_error: 1, confidence_interval: {} },
      median: { point_estimate: medianNs, standard_error: 1, confidence_interval: {} },
    }),
  );
  // An older run of the same benchmark, which must be ignored.
  const base = join(root, ...folder, 'base');
  mkdirSync(base, { recursive: true });
  writeFileSync(join(base, 'benchmark.json'), readFileSync(join(dir, 'benchmark.json')));
  writeFileSync(join(base, 'estimates.json'), JSON.stringify({ median: { point_estimate: 1 } }));
  return dir;
}

function fakeCriterion() {
  const root = mkdtempSync(join(tmpdir(), 'bench-summary-'));
  const g = 'what is due (1x = 2,000 people)';
  fake(root, ['what is due', 'What is due (dashboard)', '1x'], g, 'What is due (dashboard)', '1x', 36e6);
  fake(root, ['what is due', 'What is due (dashboard)', '10x'], g, 'What is due (dashboard)', '10x', 651e6);
  fake(root, ['what is due', 'Training matrix page', '1x'], g, 'Training matrix page', '1x', 2e6);
  fake(root, ['what is due', 'Training matrix page', '10x'], g, 'Training matrix page', '10x', 3e6);
  fake(root, ['what is due', 'calendar export', '1x'], g, 'calendar export', '1x', 812e3);
  fake(root, ['incidents', 'Incident list', '1x'], 'incidents (1x = 5,000)', 'Incident list', '1x', 70e6);
  fake(root, ['incidents', 'Incident list', '10x'], 'incidents (1x = 5,000)', 'Incident list', '10x', 100e6);
  // A benchmark outside any group: criterion leaves the function and value out.
  fake(root, ['backup of a vault'], 'backup of a vault', null, null, 1.36e9);
  return root;
}

test('reads only the latest results, named by benchmark.json', () => {
  const results = readResults(fakeCriterion());
  assert.equal(results.length, 8);
  const dash = results.filter((r) => r.name === 'What is due (dashboard)');
  assert.deepEqual(dash.map((r) => [r.value, r.medianNs]).sort(), [['10x', 651e6], ['1x', 36e6]]);
  assert.equal(results.find((r) => r.group === 'backup of a vault').name, 'backup of a vault');
});

test('skips results older than the run', () => {
  const root = fakeCriterion();
  const old = fake(root, ['stale', 'gone', '1x'], 'stale', 'gone', '1x', 5);
  const past = new Date('2020-01-01T00:00:00Z');
  utimesSync(join(old, 'estimates.json'), past, past);
  const names = readResults(root, Date.parse('2021-01-01T00:00:00Z')).map((r) => r.name);
  assert.ok(!names.includes('gone'));
  assert.ok(names.includes('Incident list'));
});

test('formats times and judges the goals', () => {
  assert.equal(formatNs(812e3), '812 µs');
  assert.equal(formatNs(36.24e6), '36.2 ms');
  assert.equal(formatNs(1.36e9), '1.36 s');
  assert.equal(verdict(10e6, 19e6), 'yes');
  assert.equal(verdict(36e6, 651e6), 'no: 10x takes 18.1 times as long');
  assert.equal(verdict(70e6, 100e6), 'no: 1x is over 50 ms');
  assert.equal(verdict(undefined, 5e6), 'not measured at 1x');
  assert.equal(verdict(5e6, undefined), 'not measured at 10x');
});

test('puts 1x and 10x side by side with the ratio, and the rest in a second table', () => {
  const root2 = fakeCriterion();
  const text = tables(readResults(root2));
  assert.match(text, /\| What is due \(dashboard\) \| 36\.0 ms \| 651 ms \| 18\.1x \| no: 10x takes 18\.1 times as long \|/);
  assert.match(text, /\| Training matrix page \| 2\.00 ms \| 3\.00 ms \| 1\.5x \| yes \|/);
  assert.match(text, /\| Incident list \| 70\.0 ms \| 100 ms \| 1\.4x \| no: 1x is over 50 ms \|/);
  assert.match(text, /\| Retention due \(first 100 and the counts\) \| – \| – \| – \| not measured at 1x \|/);
  const [screens, rest] = text.split('## Other benchmarks');
  assert.ok(!screens.includes('calendar export'));
  assert.match(rest, /\| what is due \(1x = 2,000 people\) \| calendar export \| 1x \| 812 µs \|/);
  assert.match(rest, /\|  \| backup of a vault \|  \| 1\.36 s \|/);
  fake(root2, ['what is due', 'calendar export', '10x'], 'what is due (1x = 2,000 people)', 'calendar export', '10x', 9e6);
  const ordered = tables(readResults(root2)).split('## Other benchmarks')[1];
  assert.ok(ordered.indexOf('| 1x | 812 µs') < ordered.indexOf('| 10x | 9.00 ms'), '1x before 10x');
  assert.match(rest, /\n- what is due \(1x = 2,000 people\)(\n|$)/);
  assert.match(rest, /\n- incidents \(1x = 5,000\)(\n|$)/);
  assert.ok(!rest.includes('- backup of a vault'), 'a benchmark without sizes is not listed among the sizes');
});

test('names the machine from /proc', () => {
  const cpu = 'processor\t: 0\nmodel name\t: Example CPU @ 2.0GHz\n\nprocessor\t: 1\nmodel name\t: Example CPU @ 2.0GHz\n';
  assert.equal(machine(cpu, 'MemTotal:        8388608 kB\n'), 'Example CPU @ 2.0GHz, 2 cores, 8.0 GiB memory');
});

test('the command writes the summary with its header', () => {
  const root = fakeCriterion();
  const out = join(root, 'summary.md');
  const run = spawnSync(
    process.execPath,
    [script, '--criterion', root, '--out', out, '--commit', 'abc1234', '--load-before', 'load average: 1.9', '--took-seconds', '600'],
    { encoding: 'utf8' },
  );
  assert.equal(run.status, 0, run.stderr);
  const text = readFileSync(out, 'utf8');
  assert.match(text, /^# Benchmark summary\n/);
  assert.match(text, /- Commit: abc1234\n/);
  assert.match(text, /- Machine: .+, \d+ cores, [\d.]+ GiB memory\n/);
  assert.match(text, /- Load before the run: load average: 1\.9\n/);
  assert.match(text, /- The run took 10 minutes\n/);
  assert.match(text, /\| Training matrix page \| 2\.00 ms/);
});

test('the command fails plainly when there are no results', () => {
  const empty = mkdtempSync(join(tmpdir(), 'bench-summary-empty-'));
  const run = spawnSync(process.execPath, [script, '--criterion', empty, '--out', join(empty, 's.md')], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stderr, /no criterion results/);
});
