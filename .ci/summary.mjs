// Prints one line, "N passed, N failed", counting unit (vitest) and e2e (Playwright) tests.
import { existsSync, readFileSync } from 'node:fs';

const [unitFile, e2eFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;

if (unitFile && existsSync(unitFile)) {
  const unit = JSON.parse(readFileSync(unitFile, 'utf8'));
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
}
if (e2eFile && existsSync(e2eFile)) {
  const e2e = JSON.parse(readFileSync(e2eFile, 'utf8'));
  passed += e2e.stats?.expected ?? 0;
  failed += (e2e.stats?.unexpected ?? 0) + (e2e.stats?.flaky ?? 0);
}
console.log(`${passed} passed, ${failed} failed`);
