import type { ImportResult } from './transfer';
import { IMPORT_PART_CHARS } from './limits';

type SendPart = (input: { uploadId: string; part: number; parts: number; text: string }) => Promise<ImportResult | null>;

/** Hand a history file's text to the background in parts (one message may carry at most 64 MB); the last reply is the import's result. */
export async function uploadHistoryFile(text: string, send: SendPart, partChars = IMPORT_PART_CHARS): Promise<ImportResult> {
  const parts = Math.max(1, Math.ceil(text.length / partChars));
  const uploadId = crypto.randomUUID();
  let result: ImportResult | null = null;
  for (let part = 0; part < parts; part++) {
    result = await send({ uploadId, part, parts, text: text.slice(part * partChars, (part + 1) * partChars) });
  }
  if (!result) throw new Error('The import did not finish');
  return result;
}
