#!/usr/bin/env node
// Writes the benchmark table (Markdown) from criterion's results: for each benchmark, the median
// of its latest run (new/estimates.json), named by new/benchmark.json. Screens measured at "1x"
// and "10x" are shown side by side with their ratio and whether they meet issue 17's goals
// (under 50 ms at 1x, at most twice as long at 10x); every other benchmark follows, median only.
// Plain Node.js, no packages. Used by .dev/bench.sh; tested by .dev/bench-summary.test.mjs
// (node --test .dev/bench-summary.test.mjs).
//
// node .dev/bench-summary.mjs --criterion DIR --out FILE [--since EPOCH_SECONDS]
//   [--commit TEXT] [--load-before TEXT] [--load-after TEXT] [--took-seconds N]

import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The screens issue 17 sets goals for, by the function name their benchmarks use. */
export const SCREENS = [
  'What is due (dashboard)',
  'Training matrix page',
  'AUP coverage',
  'Consent check, group of 60',
  "One person's page",
  'Incident list',
  'Incident word search',
  'Retention due (first 100 and the counts)',
  'Take-down list (oldest 100)',
];

/** The goals: under 50 ms at 1x, and 10x at most twice 1x. */
export const GOAL_1X_NS = 50e6;
export const GOAL_RATIO = 2;

/** Every benchmark under `dir` whose latest results were written at or after `sinceMs`. */
export function readResults(dir, sinceMs = 0) {
  const found = [];
  const walk = (at) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const here = join(at, entry.name);
      if (entry.name === 'new') {
        const named = join(here, 'benchmark.json');
        const estimates = join(here, 'estimates.json');
        if (existsSync(named) && existsSync(estimates) && statSync(estimates).mtimeMs >= sinceMs) {
          const id = JSON.parse(readFileSync(named, 'utf8'));
          const median = JSON.parse(readFileSync(estimates, 'utf8')).median?.point_estimate;
          if (typeof median === 'number') {
            found.push({
              group: id.group_id,
              name: id.function_id ?? id.group_id,
              value: id.value_str ?? null,
              medianNs: median,
            });
          }
        }
      } else if (entry.name !== 'report' && entry.name !== 'base') {
        walk(here);
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  // Numeric order, so that 1x comes before 10x.
  const key = (r) => `${r.group}\u0000${r.name}\u0000${r.value}`;
  return found.sort((a, b) => key(a).localeCompare(key(b), 'en', { numeric: true }));
}

/** A time in nanoseconds as people read it: 812 µs, 36.2 ms, 1.36 s. */
export function formatNs(ns) {
  const [value, unit] =
    ns >= 1e9 ? [ns / 1e9, 's'] : ns >= 1e6 ? [ns / 1e6, 'ms'] : ns >= 1e3 ? [ns / 1e3, 'µs'] : [ns, 'ns'];
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

/** Whether a screen meets the goals, in words. */
export function verdict(oneNs, tenNs) {
  if (oneNs === undefined || tenNs === undefined) {
    return `not measured at ${oneNs === undefined ? '1x' : '10x'}`;
  }
  const problems = [];
  if (oneNs >= GOAL_1X_NS) problems.push('1x is over 50 ms');
  const ratio = tenNs / oneNs;
  if (ratio > GOAL_RATIO) problems.push(`10x takes ${ratio.toFixed(1)} times as long`);
  return problems.length === 0 ? 'yes' : `no: ${problems.join('; ')}`;
}

const cell = (text) => String(text).replaceAll('|', '\\|');

/** The screens table, the other benchmarks table and the sizes, as Markdown. */
export function tables(results) {
  const lines = [];
  lines.push('## The screens (goal: under 50 ms at 1x, at most 2x that at 10x)', '');
  lines.push('| Screen | 1x median | 10x median | 10x / 1x | Meets the goals? |', '|---|---:|---:|---:|---|');
  const screenRows = new Set();
  for (const screen of SCREENS) {
    const rows = results.filter((r) => r.name === screen);
    rows.forEach((r) => screenRows.add(r));
    const one = rows.find((r) => r.value === '1x')?.medianNs;
    const ten = rows.find((r) => r.value === '10x')?.medianNs;
    const ratio = one !== undefined && ten !== undefined ? `${(ten / one).toFixed(1)}x` : '–';
    lines.push(
      `| ${cell(screen)} | ${one === undefined ? '–' : formatNs(one)} | ${ten === undefined ? '–' : formatNs(ten)} | ${ratio} | ${verdict(one, ten)} |`,
    );
  }
  const others = results.filter((r) => !screenRows.has(r));
  lines.push('', '## Other benchmarks (median)', '');
  if (others.length === 0) {
    lines.push('None in this run.');
  } else {
    lines.push('| Group | Benchmark | Size | Median |', '|---|---|---|---:|');
    for (const r of others) {
      const group = r.name === r.group ? '' : r.group;
      lines.push(`| ${cell(group)} | ${cell(r.name)} | ${cell(r.value ?? '')} | ${formatNs(r.medianNs)} |`);
    }
  }
  const groups = [...new Set(results.filter((r) => r.value === '1x' || r.value === '10x').map((r) => r.group))];
  lines.push('', '## What 1x and 10x mean', '');
  lines.push(
    'Each group names its 1x size; 10x is ten times every count in it (the consent check still asks about a group of 60).',
    '',
  );
  for (const g of groups) lines.push(`- ${g}`);
  return lines.join('\n');
}

/** The machine the figures were taken on, from /proc where it can. */
export function machine(cpuinfo = readOr('/proc/cpuinfo'), meminfo = readOr('/proc/meminfo')) {
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown CPU';
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length || cpus().length;
  const kib = Number(/^MemTotal:\s*(\d+)\s*kB/m.exec(meminfo)?.[1] ?? totalmem() / 1024);
  return `${model}, ${cores} cores, ${(kib / 1024 / 1024).toFixed(1)} GiB memory`;
}

function readOr(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The whole summary: header, then the tables. */
export function summary(results, info) {
  const head = [
    '# Benchmark summary',
    '',
    `- Date: ${info.date}`,
    `- Machine: ${info.machine}`,
    `- Commit: ${info.commit ?? 'unknown'}`,
  ];
  if (info.loadBefore) head.push(`- Load before the run: ${info.loadBefore}`);
  if (info.loadAfter) head.push(`- Load after the run: ${info.loadAfter}`);
  if (info.tookSeconds !== undefined) head.push(`- The run took ${Math.round(info.tookSeconds / 60)} minutes`);
  head.push(
    '- Medians from criterion (release build, `--no-default-features`); `.dev/bench.sh` runs them all.',
    '',
  );
  return `${head.join('\n')}\n${tables(results)}\n`;
}

function main(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--') || argv[i + 1] === undefined) {
      throw new Error(`expected --name value pairs, got ${argv[i]}`);
    }
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args.criterion || !args.out) throw new Error('usage: --criterion DIR --out FILE [--since EPOCH_SECONDS] ...');
  const results = readResults(args.criterion, Number(args.since ?? 0) * 1000);
  if (results.length === 0) throw new Error(`no criterion results in ${args.criterion}`);
  const text = summary(results, {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    machine: machine(),
    commit: args.commit,
    loadBefore: args['load-before'],
    loadAfter: args['load-after'],
    tookSeconds: args['took-seconds'] === undefined ? undefined : Number(args['took-seconds']),
  });
  writeFileSync(args.out, text);
  process.stdout.write(text);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`bench-summary: ${e.message}`);
    process.exit(1);
  }
}
