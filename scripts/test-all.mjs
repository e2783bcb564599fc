#!/usr/bin/env node
// `npm test`: builds, runs every test suite, and ends with one plain line,
//
//   N passed, N failed
//
// with totals across all suites. A suite that ran no test counts as one
// failure, and the exit code is 0 only when nothing failed.
//
//   node scripts/test-all.mjs                         everything
//   node scripts/test-all.mjs --only component,slices a subset
//   node scripts/test-all.mjs --skip-build            reuse the last build
//
// Suites, in order:
//   component  @web/test-runner in headless Chromium, packages/*/test/**/*.test.ts
//   slices     node --test, packages/*/test/**/*.test.js (model slices, numbers)
//   e2e        node --test, tests/e2e/**/*.test.mjs against apps/demo/dist
//   storybook  the Storybook build, counted as one test, then every story
//              opened in it (tests/storybook)
//
// The build step (turbo) builds every workspace except Storybook, whose
// build is the storybook suite: a broken story then fails one test instead
// of the whole run.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDir = join(root, 'test-results');
const SUITES = ['component', 'slices', 'e2e', 'storybook'];
const STORYBOOK = '@model-walkthroughs/storybook';

// Tools that would otherwise phone home; CI has no network beyond npm.
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  STORYBOOK_DISABLE_TELEMETRY: '1',
  DO_NOT_TRACK: '1',
  NEXT_TELEMETRY_DISABLED: '1',
};

// A suite that hangs must not hang CI forever (minutes; 0 turns it off).
const suiteTimeoutMs = Number(process.env.MW_SUITE_TIMEOUT_MIN ?? 40) * 60_000;

const running = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) killGroup(child, 'SIGTERM');
    process.exit(130);
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  rmSync(resultsDir, { recursive: true, force: true });
  mkdirSync(resultsDir, { recursive: true });

  if (!options.skipBuild) {
    heading('build');
    const build = await run('npx', ['turbo', 'run', 'build', `--filter=!${STORYBOOK}`]);
    if (build.code !== 0) {
      console.error(`\nbuild failed (${describeExit(build)}); no test suite ran.`);
      console.log('\n0 passed, 1 failed');
      process.exit(1);
    }
  }

  const rows = [];
  for (const name of options.only) {
    heading(name);
    const started = Date.now();
    const row = { name, ...(await SUITE_RUNNERS[name]()) };
    row.seconds = (Date.now() - started) / 1000;

    // Ran nothing, or died without saying a test failed: one failure.
    if (row.passed + row.failed === 0) {
      row.failed = 1;
      row.note ??= 'ran no test';
    } else if (row.code !== undefined && row.code !== 0 && row.failed === 0) {
      row.failed = 1;
      row.note ??= `exited with ${row.code} but reported no failure`;
    }
    rows.push(row);
  }

  printTable(rows);
  const passed = rows.reduce((n, r) => n + r.passed, 0);
  const failed = rows.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

const SUITE_RUNNERS = {
  async component() {
    const out = join(resultsDir, 'component.json');
    const files = findFiles('packages', /\.test\.ts$/, 'test');
    if (files.length === 0) return { ...zero(), note: 'no packages/*/test/**/*.test.ts' };

    const result = await run('npx', ['wtr', '--config', 'web-test-runner.config.mjs'], {
      env: { MW_WTR_COUNTS: out },
    });
    return fromCounts(out, result);
  },

  async slices() {
    return nodeTests('slices', findFiles('packages', /\.test\.js$/, 'test'),
      'packages/*/test/**/*.test.js');
  },

  async e2e() {
    return nodeTests('e2e', findFiles('tests/e2e', /\.test\.m?js$/), 'tests/e2e/**/*.test.mjs');
  },

  async storybook() {
    if (!existsSync(join(root, 'apps/storybook/.storybook'))) {
      console.log('apps/storybook/.storybook does not exist yet: storybook suite not run.');
      return { ...zero(), note: 'no apps/storybook/.storybook' };
    }
    const result = await run('npm', ['run', 'build', '-w', STORYBOOK]);
    if (result.code !== 0) {
      return { passed: 0, failed: 1, skipped: 0, note: `build ${describeExit(result)}` };
    }
    // The build counts as one test; then every story is opened in it.
    const stories = await nodeTests('storybook-stories',
      findFiles('tests/storybook', /\.test\.m?js$/), 'tests/storybook/**/*.test.mjs');
    return { ...stories, passed: stories.passed + 1 };
  },
};

async function nodeTests(name, files, pattern) {
  if (files.length === 0) return { ...zero(), note: `no ${pattern}` };

  const out = join(resultsDir, `${name}.json`);
  const result = await run(process.execPath, [
    '--test',
    '--test-reporter=spec', '--test-reporter-destination=stdout',
    '--test-reporter=./scripts/node-count-reporter.mjs', `--test-reporter-destination=${out}`,
    ...files,
  ]);
  return fromCounts(out, result);
}

function fromCounts(path, result) {
  let counts;
  try {
    counts = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { ...zero(), code: result.code, note: `no results (${describeExit(result)})` };
  }
  return {
    passed: counts.passed ?? 0,
    failed: counts.failed ?? 0,
    skipped: (counts.skipped ?? 0) + (counts.todo ?? 0),
    code: result.code,
  };
}

function zero() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/**
 * Files under dir (relative to the root) whose name matches, skipping
 * node_modules and dist; with `under`, only files below a folder of that
 * name (packages/<pkg>/test/...).
 */
function findFiles(dir, pattern, under) {
  const found = [];
  const walk = (path, inside) => {
    let entries;
    try {
      entries = readdirSync(join(root, path), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) {
        continue;
      }
      const child = `${path}/${entry.name}`;
      if (entry.isDirectory()) walk(child, inside || entry.name === under);
      else if (entry.isFile() && pattern.test(entry.name) && inside) found.push(child);
    }
  };
  if (under) {
    // packages/<pkg>/<under>/** only, as the glob says.
    for (const pkg of safeReaddir(join(root, dir))) {
      walk(`${dir}/${pkg}/${under}`, true);
    }
  } else {
    walk(dir, true);
  }
  return found.sort();
}

function safeReaddir(path) {
  try {
    return readdirSync(path, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/** Runs a command from the root with inherited output. */
function run(command, args, { env: extra = {} } = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd: root,
      env: { ...env, ...extra },
      stdio: 'inherit',
      // Its own process group, so a timeout or Ctrl-C ends its children too.
      detached: true,
    });
    running.add(child);
    let timedOut = false;
    const timer = suiteTimeoutMs > 0 && setTimeout(() => {
      timedOut = true;
      console.error(`\n${command} ${args.join(' ')}: no result after ${suiteTimeoutMs / 60_000} min, stopping it`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, suiteTimeoutMs);
    child.on('error', (error) => {
      console.error(`${command}: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      done({ code: code ?? 1, signal, timedOut });
    });
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function describeExit({ code, signal, timedOut }) {
  if (timedOut) return 'timed out';
  if (signal) return `killed by ${signal}`;
  return `exit code ${code}`;
}

function heading(name) {
  console.log(`\n=== ${name} ${'='.repeat(Math.max(3, 72 - name.length))}\n`);
}

function printTable(rows) {
  const header = ['suite', 'passed', 'failed', 'skipped', 'time', 'note'];
  const lines = rows.map((r) => [
    r.name,
    String(r.passed),
    String(r.failed),
    String(r.skipped),
    `${r.seconds.toFixed(1)}s`,
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells
    .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
    .join('  ')
    .trimEnd();
  console.log(`\n${format(header)}`);
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const line of lines) console.log(format(line));
  console.log('');
}

function parseArgs(argv) {
  const options = { only: SUITES, skipBuild: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--skip-build') options.skipBuild = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      const names = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = names.filter((n) => !SUITES.includes(n));
      if (names.length === 0 || unknown.length > 0) {
        usage(`unknown suite ${unknown.join(', ') || '(none)'}; choose from ${SUITES.join(', ')}`);
      }
      options.only = SUITES.filter((s) => names.includes(s));
    } else if (arg === '--help' || arg === '-h') usage();
    else usage(`unknown option ${arg}`);
  }
  return options;
}

function usage(problem) {
  if (problem) console.error(`test-all: ${problem}`);
  console.error('usage: node scripts/test-all.mjs [--only component,slices,e2e,storybook] [--skip-build]');
  process.exit(problem ? 2 : 0);
}

main().catch((error) => {
  console.error(error);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
