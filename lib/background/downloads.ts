import { browser, type Browser } from 'wxt/browser';
import { OFFSCREEN_PROTOCOL, type OffscreenRequest } from '../messaging/offscreen';

/*
 * Files for the user's downloads (History's exports), saved by the background
 * with the downloads API. It needs a URL: a data: URL is capped at 2 MB in
 * Chrome, and a Chrome service worker cannot make a blob: URL, so there an
 * offscreen document (entrypoints/offscreen/) assembles the text into a Blob
 * and hands back its URL. Firefox's background is a page and makes the Blob
 * itself. The text goes to the offscreen document in pieces, each message
 * well under the 64 MB a message may carry, and nothing else holds it.
 */

const OFFSCREEN_PATH = '/offscreen.html';
const PIECE_CHARS = 8 * 1024 * 1024;
/** Revoke the URL when the download is done, or after this long at most. */
const RELEASE_AFTER_MS = 5 * 60_000;

export async function downloadFile(filename: string, mimeType: string, parts: AsyncIterable<string>): Promise<void> {
  if (typeof URL.createObjectURL === 'function') {
    const pieces: string[] = [];
    for await (const part of parts) pieces.push(part);
    const url = URL.createObjectURL(new Blob(pieces, { type: mimeType }));
    await saveAndRelease(url, filename, () => URL.revokeObjectURL(url));
    return;
  }
  await ensureOffscreenDocument();
  const id = crypto.randomUUID();
  await toOffscreen({ type: 'begin', id, mimeType });
  let piece = '';
  for await (const part of parts) {
    piece += part;
    if (piece.length >= PIECE_CHARS) {
      await toOffscreen({ type: 'append', id, text: piece });
      piece = '';
    }
  }
  if (piece) await toOffscreen({ type: 'append', id, text: piece });
  const url = (await toOffscreen({ type: 'finish', id })) as string;
  await saveAndRelease(url, filename, () => void toOffscreen({ type: 'release', id }).catch(() => undefined));
}

async function saveAndRelease(url: string, filename: string, release: () => void): Promise<void> {
  let downloadId: number | undefined;
  let released = false;
  const done = () => {
    if (released) return;
    released = true;
    browser.downloads.onChanged.removeListener(onChanged);
    release();
  };
  const onChanged = (delta: { id: number; state?: { current?: string } }) => {
    if (delta.id === downloadId && (delta.state?.current === 'complete' || delta.state?.current === 'interrupted')) done();
  };
  browser.downloads.onChanged.addListener(onChanged);
  setTimeout(done, RELEASE_AFTER_MS);
  try {
    downloadId = await browser.downloads.download({ url, filename, conflictAction: 'uniquify', saveAs: false });
  } catch (error) {
    done();
    throw new Error(`The file could not be saved: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function ensureOffscreenDocument(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as Browser.runtime.ContextType], documentUrls: [url] });
  if (contexts.length > 0) return;
  try {
    await browser.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: ['BLOBS' as Browser.offscreen.Reason],
      justification: 'Turn an exported conversation history into a file for the downloads',
    });
  } catch (error) {
    // Two exports at once: the other one created it.
    if (!/single offscreen document/i.test(String(error))) throw error;
  }
}

async function toOffscreen(message: OffscreenRequest): Promise<unknown> {
  const reply = (await browser.runtime.sendMessage({ protocol: OFFSCREEN_PROTOCOL, ...message })) as { ok: boolean; value?: unknown; error?: string } | undefined;
  if (!reply?.ok) throw new Error(reply?.error ?? 'The export page did not answer');
  return reply.value;
}
