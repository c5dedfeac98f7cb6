type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
interface AreaWithAccessLevel {
  setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void>;
}
interface StorageNamespaces {
  local?: AreaWithAccessLevel;
  session?: AreaWithAccessLevel;
}

/**
 * API keys and tokens live in storage.local, and Chrome lets content scripts read
 * storage.local by default: a compromised renderer of a Spacelift page could reach
 * them through our content script's world. Nothing in the content script or the panel
 * uses extension storage (it asks the background), so both areas are closed to content
 * scripts: only the worker and extension pages can read them. Chrome keeps the setting;
 * it is set again at every start in case an update reset it. Browsers without the call
 * for an area (Firefox has it for session only) keep their default.
 */
export async function restrictStorageToExtension(
  storage: StorageNamespaces | undefined = (globalThis as { chrome?: { storage?: StorageNamespaces } }).chrome?.storage,
): Promise<string[]> {
  const restricted: string[] = [];
  for (const name of ['local', 'session'] as const) {
    const area = storage?.[name];
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      restricted.push(name);
    } catch (error) {
      console.warn(`[infra-assistant] could not restrict storage.${name}:`, error instanceof Error ? error.message : String(error));
    }
  }
  return restricted;
}
