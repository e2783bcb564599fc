// A node:test reporter that writes how many tests passed, failed and were
// skipped as JSON, for scripts/test-all.mjs. Use it beside a human one:
//
//   node --test --test-reporter=spec --test-reporter-destination=stdout \
//     --test-reporter=./scripts/node-count-reporter.mjs \
//     --test-reporter-destination=test-results/slices.json <files>
//
// Only leaves count as tests: a `describe` or a test file wraps tests and is
// not one itself. A wrapper that fails while all its children passed (a
// failing hook, a file that throws before or after its tests) counts as one
// failed test, and so does a file that crashed before declaring any test.
// A file that ran and declared no test counts as nothing, so an empty suite
// shows up as zero tests, which test-all.mjs treats as a failure.
import { isAbsolute, relative, resolve } from 'node:path';

export default async function* countReporter(source) {
  const counts = { passed: 0, failed: 0, skipped: 0, todo: 0, failures: [] };

  // Per nesting level: whether a child reported since this level's last
  // result, and whether any of those children (or their children) failed.
  const childSeen = [];
  const failedBelow = [];

  for await (const event of source) {
    if (event.type !== 'test:pass' && event.type !== 'test:fail') continue;

    const { nesting, name, skip, todo, details = {} } = event.data;
    const failed = event.type === 'test:fail';
    const hasChildren = Boolean(childSeen[nesting + 1]);
    const childFailed = Boolean(failedBelow[nesting + 1]);
    childSeen[nesting + 1] = false;
    failedBelow[nesting + 1] = false;
    childSeen[nesting] = true;
    if (failed) failedBelow[nesting] = true;

    const isFile = nesting === 0 && isFileName(name, event.data.file);
    const isWrapper = hasChildren || details.type === 'suite' || isFile;

    if (isWrapper && !(failed && !childFailed)) continue;
    if (isWrapper && isFile && !failed) continue;

    if (skip) counts.skipped += 1;
    else if (todo) counts.todo += 1;
    else if (failed) {
      counts.failed += 1;
      counts.failures.push({
        file: event.data.file ? relative(process.cwd(), event.data.file) : undefined,
        test: name,
        message: String(details.error?.cause?.message ?? details.error?.message ?? 'failed'),
      });
    } else counts.passed += 1;
  }

  yield `${JSON.stringify(counts, null, 2)}\n`;
}

function isFileName(name, file) {
  if (!file) return false;
  return resolve(name) === file || (isAbsolute(name) && name === file);
}
