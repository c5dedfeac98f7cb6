import { describe, expect, it } from 'vitest';
import { costMicros, tokenUsageOf, usdToMicros } from './pricing';
import { formatPrice, formatTokens, formatUsd, formatUsdExact, formatUsdShort } from './format';
import { budgetLimitMicros, budgetStatus, ORGANIZATION_DEFAULT_BUDGET_USD } from './budget';

const usage = (inputTokens: number, outputTokens: number, cachedInputTokens = 0, cacheWriteTokens = 0) => ({
  inputTokens,
  outputTokens,
  cachedInputTokens,
  cacheWriteTokens,
});

describe('pricing', () => {
  it('charges input and output per million tokens, in micro-dollars', () => {
    // gpt-4.1-mini: $0.40 in, $1.60 out.
    expect(costMicros(usage(1_000_000, 1_000_000), { inputPerM: 0.4, outputPerM: 1.6 })).toBe(2_000_000);
    expect(costMicros(usage(1234, 56), { inputPerM: 0.4, outputPerM: 1.6 })).toBe(Math.round(1234 * 0.4 + 56 * 1.6));
    expect(costMicros(usage(0, 0), { inputPerM: 5, outputPerM: 30 })).toBe(0);
  });

  it('charges cached input at the cached price and cache writes at the write price', () => {
    const claude = { inputPerM: 3, outputPerM: 15, cachedInputPerM: 0.3, cacheWritePerM: 3.75 };
    // 10,000 in of which 8,000 read from cache and 1,000 written: 1,000 × 3 + 8,000 × 0.3 + 1,000 × 3.75 + 500 × 15.
    expect(costMicros(usage(10_000, 500, 8_000, 1_000), claude)).toBe(3_000 + 2_400 + 3_750 + 7_500);
    // No cached price: cached input costs what input costs.
    expect(costMicros(usage(10_000, 0, 8_000), { inputPerM: 1, outputPerM: 2 })).toBe(10_000);
    // A provider reporting more cached than total never makes the cost negative.
    expect(costMicros(usage(100, 0, 500), { inputPerM: 1, outputPerM: 1, cachedInputPerM: 0.1 })).toBe(10);
  });

  it('reads the AI SDK usage, missing fields as zero', () => {
    expect(tokenUsageOf({ inputTokens: 12, outputTokens: undefined, inputTokenDetails: { cacheReadTokens: 4, cacheWriteTokens: undefined } })).toEqual(usage(12, 0, 4, 0));
    expect(tokenUsageOf({})).toEqual(usage(0, 0));
  });

  it('sums many tiny calls exactly (whole micro-dollars, no float drift)', () => {
    let total = 0;
    for (let i = 0; i < 10_000; i++) total += costMicros(usage(100, 10), { inputPerM: 0.1, outputPerM: 0.4 });
    expect(total).toBe(10_000 * 14);
    expect(formatUsdExact(total)).toBe('$0.14');
  });

  it('formats money and tokens for people', () => {
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(usdToMicros(3.214))).toBe('$3.21');
    expect(formatUsd(usdToMicros(0.5))).toBe('$0.50');
    expect(formatUsd(usdToMicros(0.0123))).toBe('$0.012');
    expect(formatUsd(4_213)).toBe('$0.0042');
    expect(formatUsd(1)).toBe('$0.000001');
    expect(formatUsdExact(4_213)).toBe('$0.004213');
    expect(formatUsdExact(10_000_000)).toBe('$10.00');
    expect(formatTokens(9_999)).toBe('9,999');
    expect(formatTokens(12_345)).toBe('12.3k');
    expect(formatTokens(1_234_567)).toBe('1.2M');
    expect(formatPrice({ inputPerM: 0.4, outputPerM: 1.6 })).toBe('$0.40 in · $1.60 out /M');
    expect(formatPrice({ inputPerM: 0.075, outputPerM: 15 })).toBe('$0.075 in · $15.00 out /M');
    expect(formatPrice(undefined)).toBe('no price');
    expect(formatUsdShort(535)).toBe('<$0.01');
    expect(formatUsdShort(0)).toBe('$0.00');
    expect(formatUsdShort(usdToMicros(3.456))).toBe('$3.46');
    expect(formatUsdShort(usdToMicros(1234.5))).toBe('$1235');
  });
});

describe('budgets', () => {
  it('defaults an organization-provided integration to $10 per 30 days, a personal one to none', () => {
    expect(budgetLimitMicros({ organization: { account: 'https://a' } })).toBe(usdToMicros(ORGANIZATION_DEFAULT_BUDGET_USD));
    expect(ORGANIZATION_DEFAULT_BUDGET_USD).toBe(10);
    expect(budgetLimitMicros({})).toBeNull();
    expect(budgetLimitMicros({ budgetUsd: 25 })).toBe(25_000_000);
    expect(budgetLimitMicros({ budgetUsd: null, organization: {} })).toBeNull();
    expect(budgetLimitMicros({ budgetUsd: 2, organization: {} })).toBe(2_000_000);
  });

  it('is used up at the budget, not a micro-dollar before', () => {
    const call = (costMicros: number) => ({ at: 1, costMicros, priced: true });
    expect(budgetStatus({ budgetUsd: 1 }, [call(999_999)]).exhausted).toBe(false);
    const full = budgetStatus({ budgetUsd: 1 }, [call(600_000), call(400_000)]);
    expect(full).toMatchObject({ exhausted: true, usedMicros: 1_000_000, fraction: 1, calls: 2 });
    expect(budgetStatus({}, [call(5_000_000_000)])).toMatchObject({ exhausted: false, limitMicros: null, fraction: null });
    expect(budgetStatus({ budgetUsd: 1 }, [{ at: 1, costMicros: 0, priced: false }]).unpricedCalls).toBe(1);
  });
});
