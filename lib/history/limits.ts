/**
 * History files larger than this are refused (the panel sends a file's text to the background in parts;
 * an export of 10,000 conversations is about 200 MB).
 */
export const MAX_IMPORT_BYTES = 400 * 1024 * 1024;
/** One part of a file on its way to the background: a message carries at most 64 MB. */
export const IMPORT_PART_CHARS = 8 * 1024 * 1024;
