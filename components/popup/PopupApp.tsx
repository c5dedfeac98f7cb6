import { Integrations } from './Integrations';
import { UsageSummary } from './UsageSummary';
import { OrganizationSettings } from './OrganizationSettings';
import { SpaceliftAccounts } from './SpaceliftAccounts';
import { SelfHostedHosts } from './SelfHostedHosts';
import { DocsSettings } from './DocsSettings';
import { useIntegrations } from '../hooks/useIntegrations';

export function PopupApp() {
  const integrations = useIntegrations();
  return (
    <main className="popup">
      <h1>Infra Assistant</h1>
      <Integrations integrations={integrations} />
      <UsageSummary usage={integrations.usage} />
      <SpaceliftAccounts />
      <SelfHostedHosts />
      <DocsSettings />
      {integrations.view && <OrganizationSettings integrations={integrations.view.integrations} onSet={integrations.setOrganization} />}
    </main>
  );
}
