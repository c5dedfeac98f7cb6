import { startOffscreenBlobs } from '../../lib/background/offscreen-blobs';

// The background's offscreen document: export files as Blobs (lib/background/downloads.ts).
startOffscreenBlobs();
