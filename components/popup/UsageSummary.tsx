import type { IntegrationUsage } from '../../lib/budget/usage-ledger';
import { formatTokens, formatUsd, formatUsdExact } from '../../lib/budget/format';

/** Use per integration and per model over the rolling 30 days. */
export function UsageSummary({ usage }: { usage: IntegrationUsage[] }) {
  return (
    <section aria-labelledby="usage-heading">
      <h2 id="usage-heading">Usage, last 30 days</h2>
      {usage.length === 0 ? (
        <p className="hint">No model calls in the last 30 days.</p>
      ) : (
        <table className="usage" data-testid="usage-summary">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Calls</th>
              <th scope="col">In</th>
              <th scope="col">Out</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          {usage.map((integration) => (
            <tbody key={integration.integrationId} data-integration={integration.integrationId}>
              <tr className="integration-row">
                <th scope="row">{integration.integrationName}</th>
                <td>{integration.calls}</td>
                <td>{formatTokens(integration.inputTokens)}</td>
                <td>{formatTokens(integration.outputTokens)}</td>
                <td title={formatUsdExact(integration.costMicros)}>{formatUsd(integration.costMicros)}</td>
              </tr>
              {integration.models.map((model) => (
                <tr key={model.model} data-model={model.model}>
                  <td className="model-cell">{model.model}</td>
                  <td>{model.calls}</td>
                  <td title={`${model.inputTokens.toLocaleString('en-US')} (${model.cachedInputTokens.toLocaleString('en-US')} cached)`}>{formatTokens(model.inputTokens)}</td>
                  <td>{formatTokens(model.outputTokens)}</td>
                  <td title={formatUsdExact(model.costMicros)}>{model.unpricedCalls === model.calls ? 'no price' : formatUsd(model.costMicros)}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}
