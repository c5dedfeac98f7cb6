// Deterministic look-alikes of Spacelift's identifiers. Everything is derived from a label
// by hashing, so the seed is identical on every run and ids stay stable when data is added.

const CROCKFORD_BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The seed's "now": 2026-01-01T12:00:00Z, in Unix seconds. Every seeded timestamp is relative to it. */
export const SEED_EPOCH = 1_767_268_800;

export const MINUTE = 60;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** FNV-1a, 32 bits: a tiny stable hash. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Murmur3's finalizer: spreads FNV's weak low bits, which we slice into base32 digits. */
function mix(hash: number): number {
  let h = hash;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** An endless stream of pseudo-random 32-bit numbers seeded by a label. */
function* labelStream(label: string): Generator<number> {
  for (let i = 0; ; i++) yield mix(fnv1a(`${label}#${i}`));
}

/**
 * A 26-character ULID: 10 characters of millisecond time, 16 derived from the label.
 * Real ULIDs sort by creation time; these do too.
 */
export function seedUlid(unixSeconds: number, label: string): string {
  let time = unixSeconds * 1000;
  let timePart = '';
  for (let i = 0; i < 10; i++) {
    timePart = CROCKFORD_BASE32[time % 32] + timePart;
    time = Math.floor(time / 32);
  }
  let randomPart = '';
  const stream = labelStream(label);
  while (randomPart.length < 16) randomPart += CROCKFORD_BASE32[stream.next().value % 32];
  return timePart + randomPart;
}

/** A 40-character hex string shaped like a git commit sha. */
export function seedSha(label: string): string {
  let hex = '';
  const stream = labelStream(`sha:${label}`);
  while (hex.length < 40) hex += stream.next().value.toString(16).padStart(8, '0');
  return hex.slice(0, 40);
}

/** A short hex suffix for cloud resource ids (vpc-0a1b..., sg-...). */
export function seedHex(label: string, length: number): string {
  return seedSha(label).slice(0, length);
}

/** Space ids look like `name-ULID`; the root space is just `root`. */
export function seedSpaceId(name: string, createdAt: number): string {
  return `${name}-${seedUlid(createdAt, `space:${name}`)}`;
}
