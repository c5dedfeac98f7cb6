import { useEffect, useState } from 'react';
import { useDocsSettings } from '../hooks/useDocsSettings';

/** The documentation site search_docs reads (docs.spacelift.io unless a self-hosted install has its own). */
export function DocsSettings() {
  const docs = useDocsSettings();
  const [draft, setDraft] = useState('');
  useEffect(() => {
    if (docs.saved !== undefined) setDraft(docs.saved);
  }, [docs.saved]);
  return (
    <section aria-labelledby="docs-heading">
      <h2 id="docs-heading">Documentation</h2>
      <form
        aria-label="Documentation site"
        onSubmit={(event) => {
          event.preventDefault();
          void docs.save(draft);
        }}
      >
        <label>
          Docs site
          <input name="docsBaseUrl" placeholder="https://docs.spacelift.io" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <p className="hint">The assistant searches this site's search index and reads its pages. Self-hosted Spacelift has its docs at a site of its own.</p>
        <div className="row">
          <button type="submit" disabled={!draft.trim() || draft.trim().replace(/\/+$/, '') === docs.saved}>
            Save
          </button>
          {!docs.isDefault && docs.saved !== undefined && (
            <button type="button" className="secondary" onClick={() => void docs.reset()}>
              Use docs.spacelift.io
            </button>
          )}
        </div>
        {docs.status && (
          <p role={docs.status.tone === 'error' ? 'alert' : 'status'} className={`status ${docs.status.tone}`} data-testid="docs-status">
            {docs.status.text}
          </p>
        )}
      </form>
    </section>
  );
}
