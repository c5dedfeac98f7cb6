/** History files larger than this are refused before parsing (the panel hands the text over in one message). */
export const MAX_IMPORT_BYTES = 48 * 1024 * 1024;
