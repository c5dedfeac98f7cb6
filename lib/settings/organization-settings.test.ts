import { describe, expect, it } from 'vitest';
import { BUILD_DISABLED_REASON, effectiveMode, modeAvailability } from './organization-settings';

describe('organization settings: Build mode', () => {
  it('is off with a reason unless an admin turned it on', () => {
    expect(modeAvailability(undefined)).toEqual({ build: { enabled: false, reason: BUILD_DISABLED_REASON } });
    expect(modeAvailability({ buildModeEnabled: false }).build.enabled).toBe(false);
    expect(modeAvailability({ buildModeEnabled: true })).toEqual({ build: { enabled: true } });
  });

  it('runs an answer in Build only when asked for and allowed; anything else is Ask', () => {
    expect(effectiveMode('build', { buildModeEnabled: true })).toBe('build');
    expect(effectiveMode('build', { buildModeEnabled: false })).toBe('ask');
    expect(effectiveMode('build', null)).toBe('ask');
    expect(effectiveMode('ask', { buildModeEnabled: true })).toBe('ask');
    expect(effectiveMode('BUILD', { buildModeEnabled: true })).toBe('ask');
    expect(effectiveMode(undefined, { buildModeEnabled: true })).toBe('ask');
  });
});
