import { useSpaceliftAccounts } from '../hooks/useSpaceliftAccounts';

export function SpaceliftAccounts() {
  const { accounts, form, update, save, test, remove, result } = useSpaceliftAccounts();
  return (
    <section aria-labelledby="spacelift-heading">
      <h2 id="spacelift-heading">Spacelift</h2>
      {accounts.length > 0 && (
        <ul className="accounts" data-testid="spacelift-accounts">
          {accounts.map((a) => (
            <li key={a.origin}>
              <span>
                {a.origin} <small>({a.kind === 'api-key' ? `key ${a.label}` : a.label})</small>
              </span>
              <button type="button" className="link" onClick={() => void test(a.origin)}>Test</button>
              <button type="button" className="link" onClick={() => void remove(a.origin)}>Remove</button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="Spacelift credentials"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label>
          Account address
          <input name="origin" placeholder="https://acme.app.spacelift.io" value={form.origin} onChange={(e) => update({ origin: e.target.value })} />
        </label>
        <label>
          Sign in with
          <select name="kind" value={form.kind} onChange={(e) => update({ kind: e.target.value as 'api-key' | 'token' })}>
            <option value="api-key">API key (id and secret)</option>
            <option value="token">Token (JWT)</option>
          </select>
        </label>
        {form.kind === 'api-key' ? (
          <>
            <label>
              API key id
              <input name="keyId" autoComplete="off" value={form.keyId} onChange={(e) => update({ keyId: e.target.value })} />
            </label>
            <label>
              API key secret
              <input name="keySecret" type="password" autoComplete="off" value={form.keySecret} onChange={(e) => update({ keySecret: e.target.value })} />
            </label>
          </>
        ) : (
          <label>
            Token
            <input name="token" type="password" autoComplete="off" value={form.token} onChange={(e) => update({ token: e.target.value })} />
          </label>
        )}
        <button type="submit">Save and test</button>
        {result && (
          <p role="status" className={`status ${result.kind === 'ok' ? 'saved' : result.kind}`} data-testid="spacelift-status">
            {result.message}
          </p>
        )}
        <p className="hint">Without a key, the assistant tries your logged-in Spacelift session. It always acts with your own rights.</p>
      </form>
    </section>
  );
}
