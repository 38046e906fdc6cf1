import type { FullResult, Reporter, TestCase } from '@playwright/test/reporter';

/**
 * Ends the run with one plain line, `N passed, N failed, N skipped`, that CI logs (and tools
 * that read them) can count, whatever the list reporter printed above it.
 */
export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, ReturnType<TestCase['outcome']>>();

  onTestEnd(test: TestCase): void {
    // Keyed by test, so only the last attempt counts if retries are ever turned on.
    this.outcomes.set(test.id, test.outcome());
  }

  onEnd(result: FullResult): void {
    const all = [...this.outcomes.values()];
    const passed = all.filter((o) => o === 'expected' || o === 'flaky').length;
    const failed = all.filter((o) => o === 'unexpected').length;
    const skipped = all.filter((o) => o === 'skipped').length;
    if (result.status !== 'passed' && failed === 0) {
      // The web server, the global setup or a time limit broke the run outside any test.
      console.log(`\nThe run ended as "${result.status}" outside the tests; see the errors above.`);
    }
    console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
  }

  printsToStdio(): boolean {
    return true;
  }
}
