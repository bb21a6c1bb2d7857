// Prints the one closing line CI reads: "N passed, N failed" (and ", N skipped" when any were).
const { readFileSync } = require('node:fs');

const file = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (err) {
  console.log(`No test report at ${file} (${err.message}); the run failed before any test finished.`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
// A file that failed to load has no test results of its own but must still fail the run.
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const brokenFiles = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
for (const file of report.testResults ?? []) {
  for (const test of file.assertionResults ?? []) {
    if (test.status === 'skipped' || test.status === 'pending' || test.status === 'todo') console.log(`skipped: ${test.fullName}`);
  }
}
const line = `${passed} passed, ${failed + brokenFiles} failed${skipped ? `, ${skipped} skipped` : ''}`;
console.log(line);
process.exit(failed + brokenFiles > 0 ? 1 : 0);
