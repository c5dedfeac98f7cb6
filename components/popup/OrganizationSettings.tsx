import { useState } from 'react';
import type { PublicIntegration } from '../../lib/settings/model-integrations';
import { requestBackground } from '../../lib/messaging/requests';
import { ORGANIZATION_DEFAULT_BUDGET_USD } from '../../lib/budget/budget';

interface OrganizationSettingsProps {
  integrations: PublicIntegration[];
  onSet: (id: string, account: string | null) => Promise<void>;
}

/**
 * Organization settings: a Spacelift admin of an account marks which
 * integrations the organization provides there. Those carry the
 * organization's default budget ($10 per 30 days unless set) and are shown as
 * the organization's in the panel. Checked live: ADMIN on the account's root space.
 */
export function OrganizationSettings({ integrations, onSet }: OrganizationSettingsProps) {
  const [account, setAccount] = useState('');
  const [role, setRole] = useState<{ kind: 'admin' | 'not-admin' | 'error' | 'busy'; message: string }>();

  const check = async () => {
    setRole({ kind: 'busy', message: 'Checking your role…' });
    const origin = /^https?:\/\//.test(account.trim()) ? account.trim() : `https://${account.trim()}`;
    const result = await requestBackground('models.listSpaces', { account: origin }).catch((e: unknown) => ({ problem: e instanceof Error ? e.message : String(e) }));
    if ('problem' in result) setRole({ kind: 'error', message: result.problem });
    else if (result.admin) setRole({ kind: 'admin', message: `You are a Spacelift admin of ${new URL(origin).origin}.` });
    else setRole({ kind: 'not-admin', message: `Only a Spacelift admin of ${new URL(origin).origin} can provide integrations for the organization.` });
  };

  return (
    <section aria-labelledby="organization-heading">
      <h2 id="organization-heading">Organization</h2>
      <form
        aria-label="Organization settings"
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <div className="row">
          <input name="account" aria-label="Spacelift account" placeholder="https://acme.app.spacelift.io" value={account} onChange={(e) => setAccount(e.target.value)} />
          <button type="submit" className="secondary" disabled={!account.trim()}>
            Check my role
          </button>
        </div>
        {role && (
          <p role="status" className={`status ${role.kind === 'admin' ? 'saved' : role.kind === 'busy' ? 'busy' : 'error'}`} data-testid="organization-status">
            {role.message}
          </p>
        )}
        {role?.kind === 'admin' && (
          <ul className="accounts">
            {integrations.map((integration) => {
              const origin = new URL(/^https?:\/\//.test(account.trim()) ? account.trim() : `https://${account.trim()}`).origin;
              const provided = integration.organization?.account === origin;
              return (
                <li key={integration.id}>
                  <label className="inline grow">
                    <input
                      type="checkbox"
                      name={`organization-${integration.id}`}
                      checked={provided}
                      onChange={(e) => void onSet(integration.id, e.target.checked ? origin : null)}
                    />
                    {integration.name} provided by the organization
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        <p className="hint">
          An organization-provided integration has a budget of ${ORGANIZATION_DEFAULT_BUDGET_USD} per 30 days unless you set one. This marks it in this browser; the
          extension has no server, so it does not copy keys to anyone.
        </p>
      </form>
    </section>
  );
}
