import { expect, test } from '@playwright/test';
import { removeOrphanedSegments } from '../src/components/streamed-orphans';

/*
 * Streamed HTML that React can no longer reveal is removed, and only that: a segment whose reveal
 * script has not run yet, or whose boundary or placeholder is still in the document, stays.
 */
test('a streamed segment whose boundary was rendered on the client is removed; waiting ones stay', async ({ page }) => {
  // React's reveal functions, as no-ops: the test looks at what the sweep removes, not at React.
  await page.setContent(`
    <script>window.$RC = function () {}; window.$RS = function () {};</script>
    <main>
      <template id="B:0"></template><p>loading…</p>
      <template id="P:3"></template>
      <section><p data-testid="live">Live copy of the second boundary</p></section>
    </main>
    <div hidden id="S:1"><p>First boundary, waiting for its reveal</p></div><script>$RC("B:0","S:1")</script>
    <div hidden id="S:2"><p data-testid="orphan">Left-over copy of the second boundary</p></div><script>$RC("B:5","S:2")</script>
    <div hidden id="S:3"><p>A segment waiting for its placeholder</p></div><script>$RS("S:3","P:3")</script>
    <div hidden id="S:4"><p>A segment whose script has not arrived yet</p></div>
  `);
  const removed = await page.evaluate(removeOrphanedSegments, await page.evaluateHandle(() => document));
  expect(removed).toBe(1);
  await expect(page.locator('#S\\:1')).toHaveCount(1);
  await expect(page.locator('#S\\:2')).toHaveCount(0);
  await expect(page.locator('#S\\:3')).toHaveCount(1);
  await expect(page.locator('#S\\:4')).toHaveCount(1);
  await expect(page.getByTestId('live')).toBeVisible();
});
