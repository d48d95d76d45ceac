/**
 * CI treats a skipped test as a failure: reads Vitest and Playwright JSON reports and fails when any
 * test was skipped, pending or marked todo, or when a report ran no test at all.
 */
import { readFileSync } from 'node:fs';

let failed = false;
let passedTotal = 0;
let failedTotal = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let ran: number;
  let skipped: number;
  if ('numTotalTests' in report) {
    passedTotal += report.numPassedTests;
    failedTotal += report.numFailedTests;
    ran = report.numPassedTests + report.numFailedTests;
    skipped = report.numPendingTests + report.numTodoTests;
  } else {
    passedTotal += (report.stats?.expected ?? 0) + (report.stats?.flaky ?? 0);
    failedTotal += report.stats?.unexpected ?? 0;
    ran = (report.stats?.expected ?? 0) + (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
    skipped = report.stats?.skipped ?? 0;
  }
  const verdict = skipped > 0 ? 'SKIPPED TESTS — failing' : ran === 0 ? 'NO TESTS RAN — failing' : 'ok';
  process.stdout.write(`${file}: ${ran} ran, ${skipped} skipped: ${verdict}\n`);
  if (skipped > 0 || ran === 0) failed = true;
}
process.stdout.write(`${passedTotal} passed, ${failedTotal} failed\n`);
process.exit(failed || failedTotal > 0 ? 1 : 0);
