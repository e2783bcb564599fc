// A @web/test-runner reporter that writes how many tests passed, failed and
// were skipped to a JSON file, so scripts/test-all.mjs can add them up with
// the other suites. It prints nothing; keep defaultReporter() beside it.
//
// Output (path from MW_WTR_COUNTS, default test-results/wtr.json):
//   { "passed": 12, "failed": 1, "skipped": 0, "files": 3,
//     "failures": [{ "file": "...", "test": "suite > name", "message": "..." }] }
//
// A test file whose session failed without a failing test (it threw while
// importing, a hook failed, the browser crashed or timed out) counts as one
// failed test, named after the file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

/**
 * @param {{ outputPath?: string }} [options]
 * @returns {import('@web/test-runner').Reporter}
 */
export function countReporter(options = {}) {
  const outputPath = resolve(
    options.outputPath ?? process.env.MW_WTR_COUNTS ?? 'test-results/wtr.json',
  );
  let testFiles = [];

  return {
    start({ testFiles: files }) {
      testFiles = files;
    },

    stop({ sessions }) {
      const counts = countSessions(sessions, testFiles);
      mkdirSync(dirname(outputPath), { recursive: true });
      writeFileSync(outputPath, `${JSON.stringify(counts, null, 2)}\n`);
    },
  };
}

/**
 * Adds up the results of every session (one per test file and browser).
 * @param {import('@web/test-runner').TestSession[]} sessions
 * @param {string[]} testFiles
 */
export function countSessions(sessions, testFiles = []) {
  const counts = { passed: 0, failed: 0, skipped: 0, files: 0, failures: [] };
  const seen = new Set();

  for (const session of sessions) {
    const file = relative(process.cwd(), session.testFile);
    seen.add(session.testFile);
    counts.files += 1;

    const before = counts.failed;
    if (session.testResults) walk(session.testResults, [], file, counts);

    const crashed = session.status !== 'FINISHED' || session.passed === false;
    if (crashed && counts.failed === before) {
      counts.failed += 1;
      const message = session.errors?.map((e) => e.message).join('\n')
        || (session.status !== 'FINISHED'
          ? `test file did not finish (status ${session.status})`
          : 'test file failed outside any test');
      counts.failures.push({ file, test: '(file)', message });
    }
  }

  // A file the runner found but never opened a session for still failed.
  for (const testFile of testFiles) {
    if (seen.has(testFile)) continue;
    counts.files += 1;
    counts.failed += 1;
    counts.failures.push({
      file: relative(process.cwd(), testFile),
      test: '(file)',
      message: 'no test session ran for this file',
    });
  }

  return counts;
}

function walk(suite, path, file, counts) {
  const names = suite.name ? [...path, suite.name] : path;
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push({
        file,
        test: [...names, test.name].join(' > '),
        message: test.error?.message ?? 'failed',
      });
    }
  }
  for (const child of suite.suites ?? []) walk(child, names, file, counts);
}
