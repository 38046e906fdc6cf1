import { expect, test } from '@playwright/test';
import { removeOrphanedSegments } from '../src/components/streamed-orphans';

/*
 * Streamed HTML that React can no longer reveal is removed, and only that: a segment whose
 * boundary marker is still in the document is waiting for its reveal and stays.
 */
test('a streamed segment whose boundary was rendered on the client is removed; a waiting one stays', async ({ page }) => {
  await page.setContent(`
    <main>
      <template id="B:0"></template><p>loading…</p>
      <template id="P:2"></template>
      <section><p data-testid="live">Live copy of the second boundary</p></section>
    </main>
    <div hidden id="S:0"><p>First boundary, waiting for its reveal</p></div>
    <div hidden id="S:1"><p data-testid="orphan">Left-over copy of the second boundary</p></div>
    <div hidden id="S:2"><p>A segment waiting for its placeholder</p></div>
  `);
  const removed = await page.evaluate(removeOrphanedSegments, await page.evaluateHandle(() => document));
  expect(removed).toBe(1);
  await expect(page.locator('#S\\:0')).toHaveCount(1);
  await expect(page.locator('#S\\:1')).toHaveCount(0);
  await expect(page.locator('#S\\:2')).toHaveCount(1);
  await expect(page.getByTestId('live')).toBeVisible();
});
