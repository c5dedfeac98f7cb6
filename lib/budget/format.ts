import { microsToUsd } from './pricing';

/**
 * Dollars for people: cents for everyday sums, more digits for the small
 * amounts a single answer costs ("$0.0042"), never "$0.00" for a real cost.
 */
export function formatUsd(micros: number): string {
  const usd = microsToUsd(micros);
  if (micros === 0) return '$0.00';
  if (Math.abs(usd) >= 1) return `$${usd.toFixed(2)}`;
  if (Math.abs(usd) >= 0.01) return `$${usd.toFixed(usd * 100 === Math.round(usd * 100) ? 2 : 3)}`;
  return `$${usd.toPrecision(2).replace(/0+$/, '')}`.replace(/\.$/, '');
}

/** For tight places (the header): cents, or "<$0.01"; the exact figure goes in a hover. */
export function formatUsdShort(micros: number): string {
  if (micros > 0 && micros < 10_000) return '<$0.01';
  return `$${microsToUsd(micros).toFixed(microsToUsd(micros) >= 100 ? 0 : 2)}`;
}

/** Token counts: exact below 10,000, then "12.3k", "1.2M". */
export function formatTokens(count: number): string {
  if (count < 10_000) return count.toLocaleString('en-US');
  if (count < 1_000_000) return `${(count / 1000).toFixed(count < 100_000 ? 1 : 0)}k`;
  return `${(count / 1_000_000).toFixed(1)}M`;
}

/** Exact figures for a hover: "1,234,567 tokens". */
export function exactTokens(count: number): string {
  return `${count.toLocaleString('en-US')} token${count === 1 ? '' : 's'}`;
}

/** To the micro-dollar, for hovers: "$0.004213", "$10.00". */
export function formatUsdExact(micros: number): string {
  const fixed = microsToUsd(micros).toFixed(6).replace(/0+$/, '');
  const [whole, decimals = ''] = fixed.split('.');
  return `$${whole}.${decimals.padEnd(2, '0')}`;
}

/** A model's price per million tokens, short: "$0.40 in · $1.60 out /M". */
export function formatPrice(price: { inputPerM: number; outputPerM: number } | undefined): string {
  if (!price) return 'no price';
  const usd = (n: number) => {
    if (n >= 1 || n === 0) return `$${n.toFixed(2)}`;
    const [whole, decimals = ''] = String(Number(n.toPrecision(3))).split('.');
    return `$${whole}.${decimals.padEnd(2, '0')}`;
  };
  return `${usd(price.inputPerM)} in · ${usd(price.outputPerM)} out /M`;
}
