// Model's first byte → first text in the panel: how long the extension adds between
// the scripted model writing an answer's first text and that text on screen in the
// panel (service worker → Port → panel → React → DOM). Real Chromium, built extension.
// Run: npx tsx bench/first-text.ts (or npm run bench), after `npm run build`.

import { pathToFileURL } from 'node:url';
import { openAssistant } from '../tests/e2e/harness/assistant-session';

const ROUNDS = 15;

export async function benchFirstText(): Promise<Record<string, number | string>> {
  const session = await openAssistant('/stack/prod-network');
  try {
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS + 2; round++) {
      const marker = `FIRST${round}X`;
      session.sandbox.model.reset();
      session.sandbox.model.queue({ text: `${marker} and the rest of a short answer.`, chunkSize: 12 });
      // Watch the panel for the marker; the page's clock and Node's are the same epoch clock.
      const seen = session.page.evaluate(
        (host, text) =>
          new Promise<number>((resolve) => {
            const root = document.querySelector(host)!.shadowRoot!;
            // No named helpers in here: tsx would wrap them in a __name() the page does not have.
            const observer = new MutationObserver(() => {
              if (![...root.querySelectorAll('[data-testid="ia-message-assistant"]')].some((el) => el.textContent?.includes(text))) return;
              observer.disconnect();
              resolve(performance.timeOrigin + performance.now());
            });
            observer.observe(root, { subtree: true, childList: true, characterData: true });
          }),
        'infra-assistant-panel',
        marker,
      );
      await session.panel.send(`Question ${round}`);
      const shownAt = await seen;
      await session.panel.waitForIdle();
      const writtenAt = session.sandbox.model.firstTextWrittenAt[0];
      // The first two rounds warm up the worker, the Port and React.
      if (round >= 2 && writtenAt !== undefined) samples.push(shownAt - writtenAt);
      await session.panel.newConversation();
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => Math.round(samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]! * 100) / 100;
    return { rounds: samples.length, medianMs: at(0.5), p95Ms: at(0.95), minMs: at(0), maxMs: at(1), target: '≤ 5 ms' };
  } finally {
    await session.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [name, value] of Object.entries(await benchFirstText())) console.log(`${name.padEnd(12)} ${value}`);
}
