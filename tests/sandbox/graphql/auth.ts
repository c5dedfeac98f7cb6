// Who may call the sandbox's GraphQL API and what they can see.
//
// Credentials, as on Spacelift: an API key (id + secret) is exchanged by the `apiKeyUser` mutation
// for a short-lived HS256 JWT sent as `Authorization: Bearer <jwt>`. The sandbox's own web app
// instead sends a session cookie holding the same kind of JWT, like a logged-in browser.
//
// Failures: introspection and `apiKeyUser` need no credentials. Every other root field answers a
// GraphQL error (HTTP 200) instead of data: `unauthorized` when the token is missing, malformed,
// badly signed or names an unknown user, `token expired` when it is past its `exp`, both with
// extensions.code UNAUTHENTICATED so a client can tell "log in again" from other errors.

import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { SEED_SPACE_IDS, seedUlid, type SeedSpace, type SpaceAccessLevel } from './seed';

export interface SpaceRole {
  space: string;
  level: SpaceAccessLevel;
}

export interface SandboxUser {
  id: string;
  login: string;
  name: string;
  /** Roles granted on a space also apply to every space below it. */
  roles: SpaceRole[];
}

export const SANDBOX_USERS = {
  /** Admin of `root`, hence of the whole account. */
  admin: { id: 'ada.admin', login: 'ada.admin', name: 'Ada Admin', roles: [{ space: SEED_SPACE_IDS.root, level: 'ADMIN' }] },
  /** Reader of `platform` (and so of `networking` below it); sees nothing in `dev` or `root`. */
  reader: { id: 'rita.reader', login: 'rita.reader', name: 'Rita Reader', roles: [{ space: SEED_SPACE_IDS.platform, level: 'READ' }] },
  /** Writer of `dev` only. */
  writer: { id: 'walt.writer', login: 'walt.writer', name: 'Walt Writer', roles: [{ space: SEED_SPACE_IDS.dev, level: 'WRITE' }] },
} as const satisfies Record<string, SandboxUser>;

export interface SandboxApiKey {
  /** 26 characters, ULID-shaped, like Spacelift's key ids. */
  id: string;
  secret: string;
  name: string;
  userId: string;
}

const KEY_CREATED_AT = 1_764_547_200; // 2025-12-01T00:00:00Z

export const SANDBOX_API_KEYS = {
  admin: { id: seedUlid(KEY_CREATED_AT, 'api-key:admin'), secret: 'sandbox-admin-secret-4f9c2e71', name: 'infra-assistant (admin)', userId: SANDBOX_USERS.admin.id },
  reader: { id: seedUlid(KEY_CREATED_AT, 'api-key:reader'), secret: 'sandbox-reader-secret-b83d0a56', name: 'infra-assistant (reader)', userId: SANDBOX_USERS.reader.id },
  writer: { id: seedUlid(KEY_CREATED_AT, 'api-key:writer'), secret: 'sandbox-writer-secret-1c6e9f24', name: 'infra-assistant (writer)', userId: SANDBOX_USERS.writer.id },
} as const satisfies Record<string, SandboxApiKey>;

export const SESSION_COOKIE_NAME = 'spacelift_session';
export const DEFAULT_TOKEN_TTL_SECONDS = 3600;

// A fixed key: tokens stay valid across sandbox restarts, and nothing real is protected by it.
const SIGNING_KEY = new TextEncoder().encode('infra-assistant-sandbox-hs256-signing-key-not-a-real-secret');
const ISSUER = 'spacelift-sandbox';

const ALL_USERS: readonly SandboxUser[] = Object.values(SANDBOX_USERS);
const ALL_KEYS: readonly SandboxApiKey[] = Object.values(SANDBOX_API_KEYS);

export function findUser(userId: string): SandboxUser | undefined {
  return ALL_USERS.find((user) => user.id === userId);
}

/** The user an API key acts as, or undefined when the id or secret is wrong. */
export function userForApiKey(id: string, secret: string): SandboxUser | undefined {
  const key = ALL_KEYS.find((candidate) => candidate.id === id);
  return key && key.secret === secret ? findUser(key.userId) : undefined;
}

export interface TokenOptions {
  ttlSeconds?: number;
  /** Current time in Unix seconds. */
  now?: () => number;
}

export const unixNow = () => Math.floor(Date.now() / 1000);

/** Signs a JWT for a user; validUntil is Unix seconds. */
export async function mintToken(userId: string, options: TokenOptions = {}): Promise<{ jwt: string; validUntil: number }> {
  const issuedAt = (options.now ?? unixNow)();
  const validUntil = issuedAt + (options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS);
  const jwt = await new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(validUntil)
    .sign(SIGNING_KEY);
  return { jwt, validUntil };
}

/** A value for the `spacelift_session` cookie (the admin's by default), as the sandbox's web app sets it. */
export async function mintSessionToken(userId: string = SANDBOX_USERS.admin.id, options: TokenOptions = {}): Promise<string> {
  return (await mintToken(userId, options)).jwt;
}

export type Authentication =
  | { status: 'anonymous' }
  | { status: 'invalid' }
  | { status: 'expired' }
  | { status: 'authenticated'; user: SandboxUser; via: 'bearer' | 'cookie' };

function cookieValue(cookieHeader: string | null, name: string): string | undefined {
  for (const part of cookieHeader?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

/** Reads the Bearer token, or else the session cookie, and checks it. */
export async function authenticate(request: Request, now: () => number = unixNow): Promise<Authentication> {
  const header = request.headers.get('authorization');
  const bearer = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  const token = header ? bearer : cookieValue(request.headers.get('cookie'), SESSION_COOKIE_NAME);
  if (header && !bearer) return { status: 'invalid' };
  if (!token) return { status: 'anonymous' };
  try {
    const { payload } = await jwtVerify(token, SIGNING_KEY, { issuer: ISSUER, algorithms: ['HS256'], currentDate: new Date(now() * 1000) });
    const user = payload.sub ? findUser(payload.sub) : undefined;
    return user ? { status: 'authenticated', user, via: header ? 'bearer' : 'cookie' } : { status: 'invalid' };
  } catch (error) {
    return error instanceof joseErrors.JWTExpired ? { status: 'expired' } : { status: 'invalid' };
  }
}

const LEVEL_RANK: Record<SpaceAccessLevel, number> = { READ: 1, WRITE: 2, ADMIN: 3 };

/**
 * The user's access level in a space: the strongest role held on the space or any ancestor
 * (roles inherit downward), or null when the user has no access.
 */
export function accessLevelIn(user: SandboxUser, spaceId: string, spaces: readonly SeedSpace[]): SpaceAccessLevel | null {
  let best: SpaceAccessLevel | null = null;
  const seen = new Set<string>();
  for (let current: string | null = spaceId; current !== null && !seen.has(current); ) {
    seen.add(current);
    for (const role of user.roles) {
      if (role.space === current && (best === null || LEVEL_RANK[role.level] > LEVEL_RANK[best])) best = role.level;
    }
    const currentId: string = current;
    current = spaces.find((space) => space.id === currentId)?.parentSpace ?? null;
  }
  return best;
}

export function canWriteWith(level: SpaceAccessLevel | null): boolean {
  return level === 'WRITE' || level === 'ADMIN';
}
