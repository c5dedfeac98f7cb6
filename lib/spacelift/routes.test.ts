import { describe, expect, it } from 'vitest';
import { buildPath, parsePath, sameOriginPath, type RouteTarget } from './routes';

describe('Spacelift routes', () => {
  const cases: [RouteTarget, string][] = [
    [{ kind: 'stacks' }, '/stacks'],
    [{ kind: 'stack', stackId: 'prod-network' }, '/stack/prod-network'],
    [{ kind: 'stack', stackId: 'prod-network', tab: 'environment' }, '/stack/prod-network/environment'],
    [{ kind: 'run', stackId: 'prod-network', runId: '01HZX8K3J9Q4T6V2W5Y7Z0A1B3' }, '/stack/prod-network/run/01HZX8K3J9Q4T6V2W5Y7Z0A1B3'],
    [{ kind: 'module', moduleId: 'terraform-aws-vpc' }, '/module/terraform-aws-vpc'],
    [{ kind: 'module-version', moduleId: 'vpc', versionId: 'v1' }, '/module/vpc/version/v1'],
    [{ kind: 'module-run', moduleId: 'vpc', runId: '01HZX8K3J9Q4T6V2W5Y7Z0A1B3' }, '/module/vpc/run/01HZX8K3J9Q4T6V2W5Y7Z0A1B3'],
    [{ kind: 'module-run', moduleId: 'vpc', versionId: 'v1', runId: '01HZX8K3' }, '/module/vpc/version/v1/run/01HZX8K3'],
    [{ kind: 'stack', stackId: 'prod-network', tab: 'settings', section: 'source-code' }, '/stack/prod-network/settings/source-code'],
    [{ kind: 'policy', policyId: 'plan-guard' }, '/policy/plan-guard'],
    [{ kind: 'context', contextId: 'aws-prod' }, '/context/aws-prod'],
    [{ kind: 'space', spaceId: 'platform-01HZX' }, '/spaces/platform-01HZX'],
    [{ kind: 'worker-pool', workerPoolId: 'wp-1' }, '/worker-pool/wp-1'],
    [{ kind: 'api-keys' }, '/settings/api-keys'],
  ];

  it.each(cases)('builds and parses %o', (target, path) => {
    expect(buildPath(target)).toBe(path);
    expect(parsePath(path)).toEqual(target);
  });

  it('encodes ids so they cannot add path segments', () => {
    expect(buildPath({ kind: 'stack', stackId: '../settings/api-keys' })).toBe('/stack/..%2Fsettings%2Fapi-keys');
  });

  it('ignores trailing slashes and unknown pages', () => {
    expect(parsePath('/stack/a/')).toEqual({ kind: 'stack', stackId: 'a' });
    expect(parsePath('/stack/a/unknown-tab')).toBeNull();
    expect(parsePath('/stack/a/runs/extra')).toBeNull();
    expect(parsePath('/nowhere')).toBeNull();
  });

  it('accepts only same-origin http paths', () => {
    const origin = 'https://acme.app.spacelift.io';
    expect(sameOriginPath('/stack/x', origin)).toBe('/stack/x');
    expect(sameOriginPath('https://acme.app.spacelift.io/stacks?x=1#a', origin)).toBe('/stacks?x=1#a');
    expect(sameOriginPath('stacks', origin)).toBe('/stacks');
    expect(sameOriginPath('runs', `${origin}/stack/x/`)).toBe('/stack/x/runs');
    expect(sameOriginPath('https://evil.example/stacks', origin)).toBeNull();
    expect(sameOriginPath('//evil.example/stacks', origin)).toBeNull();
    expect(sameOriginPath('javascript:alert(1)', origin)).toBeNull();
    expect(sameOriginPath('JaVaScRiPt:alert(1)', origin)).toBeNull();
    expect(sameOriginPath('data:text/html,x', origin)).toBeNull();
    expect(sameOriginPath('http://acme.app.spacelift.io/stacks', origin)).toBeNull();
  });
});
