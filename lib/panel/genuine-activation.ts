/**
 * Is a click on an approval button a person's, made on our panel? Build mode
 * changes infrastructure only after such a click, and the page we live in
 * runs its own scripts: they share our DOM (the shadow root is open) and can
 * call `button.click()` or dispatch events, and can put their own elements
 * over ours. So an approval counts only when:
 *
 * 1. `isTrusted`: the browser made the event from real input. Events made by
 *    a script (`click()`, `dispatchEvent`) are untrusted, and no script can
 *    set the flag.
 * 2. It was dispatched inside our shadow root, at the button: the first target
 *    of its composed path is the button or inside it, and the path crosses
 *    our shadow root. A click on anything else (the page's elements, or a
 *    re-dispatched event retargeted to our host) does not count.
 * 3. For a pointer click, the button was really what was under the pointer:
 *    hit-testing the click's point through the page and then our shadow root
 *    finds the button. A page element laid over the card (to make a user
 *    click "Approve" without seeing it) fails this. Keyboard activation
 *    (Enter/Space on the focused button, `detail === 0`) has no point to test.
 * 4. The button has been on screen for a moment (ARM_DELAY_MS): a click meant
 *    for whatever was there before the card appeared does not approve.
 *
 * Not covered: an overlay with `pointer-events: none` is invisible to
 * hit-testing; the panel's maximal z-index and its place as the last element
 * of the document make such an overlay hard to put on top of it.
 */
export interface ActivationEvent {
  isTrusted: boolean;
  detail: number;
  clientX: number;
  clientY: number;
  composedPath(): EventTarget[];
}

export interface HitTester {
  elementFromPoint(x: number, y: number): Element | null;
}

export const ARM_DELAY_MS = 400;

export type ActivationVerdict = 'ok' | 'untrusted' | 'elsewhere' | 'covered' | 'too-soon';

export function checkActivation(
  event: ActivationEvent,
  button: Element,
  root: ShadowRoot,
  options: { shownAt: number; now: number; page?: HitTester },
): ActivationVerdict {
  if (!event.isTrusted) return 'untrusted';
  const path = event.composedPath();
  const first = path[0];
  if (!(first instanceof Node) || !button.contains(first) || !path.includes(root)) return 'elsewhere';
  if (event.detail > 0 && !hitsButton(event, button, root, options.page ?? root.host.ownerDocument)) return 'covered';
  if (options.now - options.shownAt < ARM_DELAY_MS) return 'too-soon';
  return 'ok';
}

function hitsButton(event: ActivationEvent, button: Element, root: ShadowRoot, page: HitTester): boolean {
  // The page sees our host at that point (nothing of its own on top), and inside our root, the button.
  if (page.elementFromPoint(event.clientX, event.clientY) !== root.host) return false;
  const inside = root.elementFromPoint(event.clientX, event.clientY);
  return !!inside && button.contains(inside);
}
