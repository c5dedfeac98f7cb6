/**
 * Messages from the background to its offscreen document (Chrome), which
 * builds export files as Blobs (see lib/background/downloads.ts). A protocol
 * of its own: no other context answers it, and the offscreen document answers
 * nothing else.
 */
export const OFFSCREEN_PROTOCOL = 'infra-assistant/offscreen';

export type OffscreenRequest =
  | { type: 'begin'; id: string; mimeType: string }
  | { type: 'append'; id: string; text: string }
  /** Replies with the Blob's URL. */
  | { type: 'finish'; id: string }
  | { type: 'release'; id: string };

export type OffscreenMessage = { protocol: typeof OFFSCREEN_PROTOCOL } & OffscreenRequest;
