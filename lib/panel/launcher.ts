import type { ContentScriptContext } from 'wxt/utils/content-script-context';

const LAUNCHER_CSS = `
:host { all: initial; }
button { position: fixed; right: 20px; bottom: 20px; z-index: 2147483646; width: 44px; height: 44px; border-radius: 50%;
  border: none; cursor: pointer; background: #2e5bff; color: #fff; box-shadow: 0 4px 14px rgba(16,24,64,.3);
  display: flex; align-items: center; justify-content: center; padding: 0; }
button:hover { background: #2249d6; }
button:focus-visible { outline: 3px solid #9db3ff; outline-offset: 2px; }
svg { width: 22px; height: 22px; }
button[hidden] { display: none; }`;

const ICON = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M12 3l1.9 4.6L18.5 9.5l-4.6 1.9L12 16l-1.9-4.6L5.5 9.5l4.6-1.9z"/><path d="M19 15l.8 2.2L22 18l-2.2.8L19 21l-.8-2.2L16 18l2.2-.8z"/></svg>';

/** The small round button on every Spacelift page. Plain DOM: no framework on every page load. */
export function mountLauncher(ctx: ContentScriptContext, onClick: () => void): { setHidden(hidden: boolean): void } {
  const host = document.createElement('infra-assistant-launcher');
  const shadow = host.attachShadow({ mode: 'open' });
  shadow.innerHTML = `<style>${LAUNCHER_CSS}</style><button type="button" aria-label="Open Infra Assistant (Alt+Shift+A)" title="Infra Assistant (Alt+Shift+A)">${ICON}</button>`;
  shadow.querySelector('button')!.addEventListener('click', onClick);
  document.documentElement.append(host);
  ctx.onInvalidated(() => host.remove());
  const button = shadow.querySelector('button')!;
  return { setHidden: (hidden) => (button.hidden = hidden) };
}
