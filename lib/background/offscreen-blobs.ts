import { browser } from 'wxt/browser';
import { OFFSCREEN_PROTOCOL, type OffscreenMessage } from '../messaging/offscreen';

/**
 * Runs in the offscreen document: collects an export's text pieces, makes a
 * Blob URL for the downloads API, revokes it when told. Answers only our own
 * background (the extension's id, no tab).
 */
export function startOffscreenBlobs(): void {
  const files = new Map<string, { mimeType: string; pieces: string[]; url?: string }>();
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse: (reply: unknown) => void) => {
    const m = message as OffscreenMessage | undefined;
    if (m?.protocol !== OFFSCREEN_PROTOCOL || sender.id !== browser.runtime.id || sender.tab) return false;
    try {
      sendResponse({ ok: true, value: handle(m) });
    } catch (error) {
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
    return false;
  });

  function handle(m: OffscreenMessage): unknown {
    if (m.type === 'begin') {
      files.set(m.id, { mimeType: m.mimeType, pieces: [] });
      return null;
    }
    const file = files.get(m.id);
    if (!file) throw new Error('Unknown export');
    if (m.type === 'append') {
      file.pieces.push(m.text);
      return null;
    }
    if (m.type === 'finish') {
      file.url = URL.createObjectURL(new Blob(file.pieces, { type: file.mimeType }));
      file.pieces = [];
      return file.url;
    }
    if (file.url) URL.revokeObjectURL(file.url);
    files.delete(m.id);
    return null;
  }
}
