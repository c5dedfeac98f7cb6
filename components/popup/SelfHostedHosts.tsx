import { useState } from 'react';
import { useSelfHostedHosts } from '../hooks/useSelfHostedHosts';

export function SelfHostedHosts() {
  const { hosts, add, remove, error } = useSelfHostedHosts();
  const [draft, setDraft] = useState('');
  return (
    <section aria-labelledby="self-hosted-heading">
      <h2 id="self-hosted-heading">Self-hosted Spacelift</h2>
      {hosts.length > 0 && (
        <ul className="accounts">
          {hosts.map((host) => (
            <li key={host}>
              <span>{host}</span>
              <button type="button" className="link" onClick={() => void remove(host)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="Add a self-hosted Spacelift host"
        onSubmit={(event) => {
          event.preventDefault();
          void add(draft).then(() => setDraft(''));
        }}
      >
        <label>
          Host
          <input name="host" placeholder="https://spacelift.example.internal" value={draft} onChange={(e) => setDraft(e.target.value)} />
        </label>
        <button type="submit" disabled={!draft.trim()}>Add host</button>
        {error && <p role="alert" className="status error">{error}</p>}
      </form>
    </section>
  );
}
