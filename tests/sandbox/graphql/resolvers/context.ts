// The per-request context every resolver receives, and the access checks built on it.

import { accessLevelIn, canWriteWith, type Authentication, type SandboxUser } from '../auth';
import { forbiddenError, notFoundError, unauthenticatedError } from '../errors';
import type { SeedStack, SeedStore, SpaceAccessLevel } from '../seed';

export interface SandboxContext {
  store: SeedStore;
  /** Current time in Unix seconds. */
  now: () => number;
  tokenTtlSeconds: number;
  authentication: Authentication;
}

/** The caller, or the error a protected field answers with when there is none. */
export function viewerOf(context: SandboxContext): SandboxUser {
  const { authentication } = context;
  if (authentication.status !== 'authenticated') throw unauthenticatedError(authentication.status === 'expired' ? 'expired' : 'other');
  return authentication.user;
}

export function accessIn(context: SandboxContext, spaceId: string): SpaceAccessLevel | null {
  return accessLevelIn(viewerOf(context), spaceId, context.store.spaces);
}

export function canSee(context: SandboxContext, entity: { space: string }): boolean {
  return accessIn(context, entity.space) !== null;
}

export function canWrite(context: SandboxContext, entity: { space: string }): boolean {
  return canWriteWith(accessIn(context, entity.space));
}

/** Entities of the caller's spaces only: others behave as if they did not exist. */
export function visible<T extends { space: string }>(context: SandboxContext, entities: readonly T[]): T[] {
  return entities.filter((entity) => canSee(context, entity));
}

export function findVisible<T extends { id: string; space: string }>(context: SandboxContext, entities: readonly T[], id: string): T | null {
  const entity = entities.find((candidate) => candidate.id === id);
  return entity && canSee(context, entity) ? entity : null;
}

export function visibleStackOrThrow(context: SandboxContext, stackId: string): SeedStack {
  const stack = findVisible(context, context.store.stacks, stackId);
  if (!stack) throw notFoundError(`stack ${stackId}`);
  return stack;
}

export function writableStackOrThrow(context: SandboxContext, stackId: string): SeedStack {
  const stack = visibleStackOrThrow(context, stackId);
  if (!canWrite(context, stack)) throw forbiddenError(`you need write access to space ${stack.space}`);
  return stack;
}

export const byName = <T extends { name: string; id: string }>(a: T, b: T) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
