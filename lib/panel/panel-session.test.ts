// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mayContinueSession, readPanelSession, writePanelSession } from './panel-session';

describe('panel session', () => {
  it('merges what is written and survives bad data', () => {
    sessionStorage.clear();
    writePanelSession({ conversationId: 'c1', open: true });
    writePanelSession({ mode: 'build', scroll: { conversationId: 'c1', atEnd: false, anchorId: 'm3', offset: 40 } });
    expect(readPanelSession()).toEqual({ conversationId: 'c1', open: true, mode: 'build', scroll: { conversationId: 'c1', atEnd: false, anchorId: 'm3', offset: 40 } });
    writePanelSession({ mode: undefined });
    expect(readPanelSession().mode).toBeUndefined();
    sessionStorage.setItem('infra-assistant:panel', '{not json');
    expect(readPanelSession()).toEqual({});
  });

  it('is read on reloads, back/forward and navigations within the app, not on fresh visits', () => {
    const origin = 'https://acme.app.spacelift.io';
    expect(mayContinueSession({ type: 'reload' }, '', origin)).toBe(true);
    expect(mayContinueSession({ type: 'back_forward' }, '', origin)).toBe(true);
    expect(mayContinueSession({ type: 'navigate' }, `${origin}/stacks`, origin)).toBe(true);
    expect(mayContinueSession({ type: 'navigate' }, '', origin)).toBe(false);
    expect(mayContinueSession({ type: 'navigate' }, 'https://github.com/', origin)).toBe(false);
    expect(mayContinueSession(undefined, '', origin)).toBe(true); // cannot tell: read it
  });
});
