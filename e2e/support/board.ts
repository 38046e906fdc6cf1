import { expect, type Locator, type Page } from '@playwright/test';
import { t, type Locale } from './app';

/**
 * Moving cards on the shared board (sales and project boards) the three ways people do: the
 * mouse, the keyboard and a finger. Every step waits for what the board shows or announces, never
 * for a fixed time.
 */

/** What the board announces to screen readers: it changes once dnd-kit has taken a pick-up or a step. */
export const boardAnnouncement = (page: Page) => page.locator('[id^="DndLiveRegion"]');

/** The board on screen once its handles answer input (it marks itself after hydration). */
export async function boardReady(page: Page): Promise<void> {
  await expect(page.locator('[data-board][data-ready]').filter({ visible: true })).toBeVisible();
}

/** Which messages a board announces with: the sales board's or the project board's. */
export type BoardKind = 'deals.dnd' | 'tasks.board';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The board's "card is over column" announcement, whatever its position and total read. */
function overColumn(locale: Locale, kind: BoardKind, card: string, column: string): RegExp {
  const text = t(locale, `${kind}.movedOver`, { card, column, position: '\u0000', total: '\u0000' });
  return new RegExp(escapeRegExp(text).replaceAll('\u0000', '\\d+'));
}

/**
 * Moves a card with the keyboard as a screen-reader user does: Space on its handle picks it up,
 * each arrow key moves it one column to the right, Space drops it. Each key waits for the board's
 * announcement of the step before (right after the pick-up, the card is announced over its own
 * column), so no key lands before dnd-kit has measured.
 */
export async function moveWithKeyboard(
  page: Page,
  handle: Locator,
  how: { locale: Locale; kind: BoardKind; card: string; from: string; through: string[] },
): Promise<void> {
  await boardReady(page);
  await handle.focus();
  await expect(handle).toBeFocused();
  await page.keyboard.press('Space');
  await expect(boardAnnouncement(page)).toHaveText(overColumn(how.locale, how.kind, how.card, how.from));
  for (const column of how.through) {
    await page.keyboard.press('ArrowRight');
    await expect(boardAnnouncement(page)).toHaveText(overColumn(how.locale, how.kind, how.card, column));
  }
  await page.keyboard.press('Space');
}

/**
 * Drags with the mouse in small steps, as a person does (the board starts a drag after 5 px). The
 * card is taken at its middle, or near its lower left corner where a card's middle holds a link.
 */
export async function dragWithMouse(page: Page, from: Locator, to: Locator, grab: 'middle' | 'corner' = 'middle'): Promise<void> {
  await boardReady(page);
  // A live refresh may replace the board's elements just now: measure again until both hold still.
  let a = { x: 0, y: 0, width: 0, height: 0 };
  let b = a;
  await expect(async () => {
    await to.scrollIntoViewIfNeeded({ timeout: 2_000 });
    await from.scrollIntoViewIfNeeded({ timeout: 2_000 });
    const boxA = await from.boundingBox({ timeout: 2_000 });
    const boxB = await to.boundingBox({ timeout: 2_000 });
    expect(boxA && boxB).toBeTruthy();
    a = boxA!;
    b = boxB!;
  }).toPass({ timeout: 15_000 });
  const start = grab === 'middle' ? { x: a.x + a.width / 2, y: a.y + a.height / 2 } : { x: a.x + 6, y: a.y + a.height - 6 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 10, start.y, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + 60, { steps: 20 });
  await page.mouse.move(b.x + b.width / 2, b.y + 70, { steps: 5 });
  await page.mouse.up();
}

type Point = { x: number; y: number };

async function centre(locator: Locator): Promise<Point> {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (!box) throw new Error('The element has no box on screen');
  return { x: box.x + box.width / 2, y: box.y + Math.min(box.height / 2, 40) };
}

/**
 * Drags a card with a finger: touches it, holds until the board announces the pick-up (the board
 * starts a touch drag after a short press, so that a swipe still scrolls), slides to the target in
 * small steps, and lifts. Touch events go through the browser's own input pipeline (CDP), as a
 * phone's would; the page needs a context with `hasTouch`.
 */
export async function dragWithTouch(page: Page, from: Locator, to: Locator, how: { locale: Locale; kind: BoardKind; card: string; fromColumn: string }): Promise<void> {
  await boardReady(page);
  const cdp = await page.context().newCDPSession(page);
  try {
    const a = await centre(from);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: a.x, y: a.y }] });
    // Right after the pick-up the board announces the card over its own column.
    await expect(boardAnnouncement(page)).toHaveText(overColumn(how.locale, how.kind, how.card, how.fromColumn));
    // The target may be off screen at phone width; its place is measured without scrolling, since
    // scrolling under a held finger would move the page, not the card.
    const box = await to.boundingBox();
    if (!box) throw new Error('The target has no box on screen');
    const b = { x: box.x + box.width / 2, y: box.y + 60 };
    const steps = 20;
    for (let i = 1; i <= steps; i++) {
      const x = a.x + ((b.x - a.x) * i) / steps;
      const y = a.y + ((b.y - a.y) * i) / steps;
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await cdp.detach();
  }
}
