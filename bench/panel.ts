// Panel benchmark, in headless Chromium with the built extension against the sandbox:
// 1. the shortcut (the real command listener, dispatched in the worker) to a visible panel with the
//    composer focused: the first open in a freshly loaded page, and later opens;
// 2. frame cost while a 20,000-token answer streams into a 200-message thread (seeded in IndexedDB);
// 3. what the content script adds to a page load with the panel closed: its own script time (from a
//    trace), and the page's script time and JS heap against the same page without the extension.
// Run: npx tsx bench/panel.ts (after npm run build), or npm run bench.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer, { type Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../tests/sandbox/server';
import { chromiumPath, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../tests/e2e/harness/chromium';
import { dispatchToggleCommand, useSandboxModel, writeConversation, type MessageRecord } from '../tests/e2e/harness/extension';

type Figures = Record<string, number | string>;

const HOST = 'infra-assistant-panel';
const PAGE = '/stacks';

export async function benchPanel(): Promise<Figures> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) return { note: 'no build: run npm run build first' };
  const sandbox = await startSandbox();
  try {
    const only = process.env.PANEL_BENCH_ONLY;
    return {
      ...(!only || only === 'opening' ? await benchOpening(sandbox) : {}),
      ...(!only || only === 'streaming' ? await benchStreaming(sandbox) : {}),
      ...(!only || only === 'page-load' ? await benchPageLoad(sandbox) : {}),
    };
  } finally {
    await sandbox.close();
  }
}

// ---------------------------------------------------------------------------
// 1. Shortcut → visible, focused panel

/**
 * In the page: resolve when the panel's composer takes focus with the panel
 * laid out (focusin reaches the document from our shadow root), with that
 * time and the start of the next frame (when the browser paints it).
 */
function armOpenProbe(page: Page): Promise<void> {
  return page.evaluate((host) => {
    (window as unknown as { __iaOpened: Promise<{ focused: number; frame: number }> }).__iaOpened = new Promise((resolve) => {
      const onFocus = (event: FocusEvent) => {
        const el = document.querySelector(host);
        if (event.target !== el) return;
        const root = el!.shadowRoot!;
        const panel = root.querySelector('[data-testid="ia-panel"]');
        if (!panel || panel.getBoundingClientRect().width === 0 || root.activeElement?.getAttribute('data-testid') !== 'ia-composer') return;
        const focused = performance.timeOrigin + performance.now();
        document.removeEventListener('focusin', onFocus, true);
        requestAnimationFrame(() => resolve({ focused, frame: performance.timeOrigin + performance.now() }));
      };
      document.addEventListener('focusin', onFocus, true);
    });
  }, HOST);
}

/** Dispatch the command in the worker; return the worker's clock at the dispatch. */
async function dispatchAt(chromium: ExtensionBrowser, url: string): Promise<number> {
  return chromium.inWorker(async (prefix) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix));
    if (!tab) throw new Error(`No tab at ${prefix}`);
    const at = performance.timeOrigin + performance.now();
    // @ts-expect-error dispatch is a test-only hook on Chrome's event objects
    chrome.commands.onCommand.dispatch('toggle-panel', tab);
    return at;
  }, url);
}

async function timeOpen(chromium: ExtensionBrowser, page: Page, url: string): Promise<{ focused: number; frame: number }> {
  await armOpenProbe(page);
  const at = await dispatchAt(chromium, url);
  const opened = await page.evaluate(() => (window as unknown as { __iaOpened: Promise<{ focused: number; frame: number }> }).__iaOpened);
  return { focused: opened.focused - at, frame: opened.frame - at };
}

async function waitClosed(page: Page): Promise<void> {
  await page.waitForFunction((host) => {
    const frame = document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-frame"]') as HTMLElement | null;
    return !frame || frame.hidden;
  }, {}, HOST);
}

async function benchOpening(sandbox: Sandbox): Promise<Figures> {
  const chromium = await launchWithExtension();
  try {
    await useSandboxModel(chromium, sandbox);
    const page = await newPage(chromium.browser);
    const url = `${sandbox.appUrl}${PAGE}`;
    // Warm the worker and the HTTP cache once, as a user's browser would be.
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('infra-assistant-launcher >>> button');
    let cold: { focused: number; frame: number } | undefined;
    const first: { focused: number; frame: number }[] = [];
    const later: { focused: number; frame: number }[] = [];
    for (let load = 0; load < 6; load++) {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('infra-assistant-launcher >>> button');
      await idle(page);
      // PANEL_BENCH_PROFILE=1: what the main thread does during one warm first open (by trace event, self time).
      const profiling = process.env.PANEL_BENCH_PROFILE && load === 3;
      if (profiling) await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink', 'toplevel'] });
      const opened = await timeOpen(chromium, page, url);
      if (profiling) printTraceBreakdown(JSON.parse(Buffer.from((await page.tracing.stop())!).toString('utf8')) as TraceFile, opened.focused);
      // The very first open in this browser also compiles /panel.js for the first time: reported on its own.
      if (load === 0) cold = opened;
      else first.push(opened);
      for (let i = 0; i < 3; i++) {
        await dispatchToggleCommand(chromium, url);
        await waitClosed(page);
        await idle(page);
        later.push(await timeOpen(chromium, page, url));
      }
      await dispatchToggleCommand(chromium, url);
      await waitClosed(page);
    }
    return {
      'shortcut → focused panel, first open in a new browser, ms': round(cold!.focused),
      'shortcut → focused panel, first open in a page, median ms (target ≤ 50)': round(median(first.map((t) => t.focused))),
      '  … to the next frame (painted), median ms': round(median(first.map((t) => t.frame))),
      'shortcut → focused panel, later opens, median / p95 ms (target ≤ 16)': `${round(median(later.map((t) => t.focused)))} / ${round(percentile(later.map((t) => t.focused), 95))}`,
      '  … to the next frame, median ms': round(median(later.map((t) => t.frame))),
    };
  } finally {
    await chromium.close();
  }
}

// ---------------------------------------------------------------------------
// 2. Frame cost while streaming a long answer into a long thread

// Smaller runs for investigating: PANEL_BENCH_MESSAGES=20 PANEL_BENCH_TOKENS=2000 PANEL_BENCH_ONLY=streaming
const THREAD_MESSAGES = Number(process.env.PANEL_BENCH_MESSAGES ?? 200);
const ANSWER_TOKENS = Number(process.env.PANEL_BENCH_TOKENS ?? 20_000);

/** Markdown like an infrastructure assistant writes: paragraphs, lists, tables, code. */
function markdownSection(n: number): string {
  return [
    `### ${n}. Stack prod-eks-${n}`,
    `The last tracked run of **prod-eks-${n}** finished in 3m ${n % 60}s. It changed \`aws_eks_node_group.main\` and left two resources untouched; the plan policy allowed it.`,
    `- desired size: ${n % 9} → ${(n % 9) + 1}\n- max unavailable: 1\n- labels: \`team=platform\`, \`tier=${n % 3}\``,
    `| Resource | Action | Reason |\n|---|---|---|\n| aws_eks_node_group.main | update | scaling |\n| aws_iam_role.nodes | no-op | unchanged |`,
    '```hcl\nresource "aws_eks_node_group" "main" {\n  scaling_config {\n    desired_size = ' + ((n % 9) + 1) + '\n    max_size     = 12\n  }\n}\n```',
    `See [the run](/stack/prod-eks/run/${n}) for the full log.`,
  ].join('\n\n');
}

const END_OF_ANSWER = 'That is every stack.';

function longAnswer(tokens: number): string {
  let text = '';
  for (let n = 1; text.length < tokens * 4 - 200; n++) text += `${markdownSection(n)}\n\n`;
  return `${text.slice(0, tokens * 4 - END_OF_ANSWER.length - 2)}\n\n${END_OF_ANSWER}`;
}

function seededMessages(conversationId: string): MessageRecord[] {
  const messages: MessageRecord[] = [];
  const now = Date.now() - 3_600_000;
  for (let seq = 0; seq < THREAD_MESSAGES; seq++) {
    const user = seq % 2 === 0;
    const id = `bench-${seq}`;
    const parts: unknown[] = user
      ? [{ type: 'text', text: `Question ${seq / 2 + 1}: what changed on prod-eks-${seq} since yesterday?` }]
      : [
          ...(seq % 6 === 1
            ? [{ type: 'tool-page_context', toolCallId: `call-${seq}`, state: 'output-available', input: {}, output: { title: 'Stacks · Spacelift', markdown: '# Stacks\n…' } }]
            : []),
          { type: 'text', text: markdownSection(seq), state: 'done' },
        ];
    messages.push({ id, conversationId, seq, role: user ? 'user' : 'assistant', createdAt: now + seq, status: 'complete', message: { id, role: user ? 'user' : 'assistant', parts } });
  }
  return messages;
}

/** Write the 200-message conversation straight into the extension's IndexedDB. */
async function seedConversation(chromium: ExtensionBrowser, account: string, conversationId: string): Promise<void> {
  await writeConversation(chromium, { id: conversationId, title: 'Benchmark thread', account, model: 'sandbox-scripted' }, seededMessages(conversationId));
}

async function benchStreaming(sandbox: Sandbox): Promise<Figures> {
  const chromium = await launchWithExtension();
  try {
    await useSandboxModel(chromium, sandbox);
    const page = await newPage(chromium.browser);
    await page.goto(`${sandbox.appUrl}${PAGE}`, { waitUntil: 'load' });
    await page.waitForSelector('infra-assistant-launcher >>> button');
    // One real turn first, so the extension creates its database with its own schema.
    sandbox.model.queue({ text: 'Ready.' });
    await page.click('infra-assistant-launcher >>> button');
    const composer = await page.waitForSelector(`${HOST} >>> [data-testid="ia-composer"]`, { visible: true });
    await composer!.type('Hello');
    await page.keyboard.press('Enter');
    await page.waitForFunction((host) => document.querySelector(host)?.shadowRoot?.querySelector('[data-testid="ia-thread"]')?.getAttribute('data-status') === 'ready', {}, HOST);

    const conversationId = 'bench-thread';
    await seedConversation(chromium, sandbox.appUrl, conversationId);
    await page.evaluate((id) => sessionStorage.setItem('infra-assistant:panel', JSON.stringify({ conversationId: id, open: true })), conversationId);
    await page.reload({ waitUntil: 'load' });
    // The thread opens on its last messages (older ones render when the reader scrolls up).
    await page.waitForSelector(`${HOST} >>> [data-message-id="bench-${THREAD_MESSAGES - 1}"]`, { timeout: 30_000 });
    const rendered = await page.evaluate((host) => document.querySelector(host)!.shadowRoot!.querySelectorAll('[data-message-id]').length, HOST);
    await idle(page);

    const answer = longAnswer(ANSWER_TOKENS);
    // ~4 characters a token, 4 tokens a chunk, a chunk every 10 ms: ~400 tokens/s, as fast as the fastest
    // hosted models stream (an unpaced stream would measure how fast the pipeline drains, not frames).
    sandbox.model.queue({ text: answer, chunkSize: 16, chunkDelayMs: 10 });
    // Frames as the page sees them (rAF deltas), long tasks, and a trace of the main thread.
    await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __longTasks: number[]; __stopFrames: boolean };
      w.__frames = [];
      w.__longTasks = [];
      w.__stopFrames = false;
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
      let last = performance.now();
      const tick = (now: number) => {
        w.__frames.push(now - last);
        last = now;
        if (!w.__stopFrames) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const profiler = process.env.PANEL_BENCH_PROFILE ? await page.createCDPSession() : undefined;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
      await profiler.send('Profiler.start');
    }
    await page.tracing.start({ categories: (process.env.PANEL_BENCH_TRACE_CATEGORIES ?? 'toplevel').split(',') });
    const started = performance.now();
    const input = (await page.$(`${HOST} >>> [data-testid="ia-composer"]`))!;
    await input.type('Summarise every stack');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (host, end) => {
        const root = document.querySelector(host)?.shadowRoot;
        const answers = root?.querySelectorAll('[data-testid="ia-message-assistant"] .ia-md');
        const status = root?.querySelector('[data-testid="ia-thread"]')?.getAttribute('data-status');
        return status === 'ready' && !!answers?.[answers.length - 1]?.lastElementChild?.textContent?.includes(end);
      },
      { timeout: 170_000, polling: 500 },
      HOST,
      END_OF_ANSWER,
    );
    const streamedMs = performance.now() - started;
    const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString("utf8")) as TraceFile;
    const { frames, longTasks } = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __longTasks: number[]; __stopFrames: boolean };
      w.__stopFrames = true;
      return { frames: w.__frames.slice(1), longTasks: w.__longTasks };
    });
    if (profiler) (await import('node:fs')).writeFileSync(process.env.PANEL_BENCH_PROFILE!, JSON.stringify((await profiler.send('Profiler.stop')).profile));
    if (process.env.PANEL_BENCH_TRACE) (await import('node:fs')).writeFileSync(process.env.PANEL_BENCH_TRACE, JSON.stringify(trace));
    const work = mainThreadWorkPerFrame(trace);
    const cpuLongTasks = longTasksByCpu(trace);
    return {
      'streaming: thread, answer': `${THREAD_MESSAGES} messages (${rendered} rendered), ${ANSWER_TOKENS.toLocaleString('en')} tokens (${Math.round(answer.length / 1000)} kB) in ${round(streamedMs / 1000)} s`,
      'streaming: main-thread CPU per frame, p50 / p95 / max ms (target p95 ≤ 8)': `${round(percentile(work, 50))} / ${round(percentile(work, 95))} / ${round(Math.max(...work))}`,
      'streaming: frame interval (rAF delta), p50 / p95 / max ms': `${round(percentile(frames, 50))} / ${round(percentile(frames, 95))} / ${round(Math.max(...frames))}`,
      'streaming: tasks over 50 ms of CPU, count / longest ms': `${cpuLongTasks.length} / ${round(Math.max(0, ...cpuLongTasks))}`,
      'streaming: long tasks by wall time (> 50 ms, includes waiting for a core), count': longTasks.length,
    };
  } finally {
    await chromium.close();
  }
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (wall time `dur` also counts waiting for a core on a busy machine). */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { url?: string; frame?: string } };
}
interface TraceFile {
  traceEvents: TraceEvent[];
}

/**
 * The renderer main thread's work in each 16.7 ms frame slot while the trace
 * ran: the CPU time of its top-level tasks (scripts, style, layout, paint,
 * React's work), spread over the slots each task spans. CPU time, not wall
 * time: on this shared 2-core machine a task also waits for a core, which is
 * not work the panel does. Idle slots count as 0.
 */
function mainThreadWorkPerFrame(trace: TraceFile): number[] {
  const events = trace.traceEvents;
  const mainThreads = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  // Top-level tasks (a nested RunTask lies inside its parent and is not counted twice).
  const tasks = topLevel(
    events.filter(
      (e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && mainThreads.includes(`${e.pid}:${e.tid}`) && (e.dur ?? 0) > 0,
    ),
  );
  // The renderer that did the most work is the page's.
  const byThread = new Map<string, TraceEvent[]>();
  for (const task of tasks) byThread.set(`${task.pid}:${task.tid}`, [...(byThread.get(`${task.pid}:${task.tid}`) ?? []), task]);
  const busiest = [...byThread.values()].sort((a, b) => total(b) - total(a))[0] ?? [];
  if (!busiest.length) return [0];
  const slot = 16_667; // µs
  const start = Math.min(...busiest.map((t) => t.ts));
  const end = Math.max(...busiest.map((t) => t.ts + t.dur!));
  const slots = new Array<number>(Math.ceil((end - start) / slot)).fill(0);
  for (const task of busiest) {
    const cpuShare = (task.tdur ?? task.dur!) / task.dur!;
    let from = task.ts;
    const to = task.ts + task.dur!;
    while (from < to) {
      const index = Math.floor((from - start) / slot);
      const until = Math.min(to, start + (index + 1) * slot);
      slots[index]! += ((until - from) * cpuShare) / 1000;
      from = until;
    }
  }
  return slots;
}

/** Main-thread tasks that used more than 50 ms of CPU (a long task by wall time may just have waited for a core). */
function longTasksByCpu(trace: TraceFile): number[] {
  const events = trace.traceEvents;
  const mainThreads = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`);
  return topLevel(events.filter((e) => e.ph === 'X' && e.name.endsWith('RunTask') && mainThreads.includes(`${e.pid}:${e.tid}`)))
    .map((e) => (e.tdur ?? e.dur ?? 0) / 1000)
    .filter((ms) => ms > 50);
}

function topLevel(tasks: TraceEvent[]): TraceEvent[] {
  const sorted = [...tasks].sort((a, b) => a.ts - b.ts);
  const out: TraceEvent[] = [];
  const openUntil = new Map<string, number>();
  for (const task of sorted) {
    const thread = `${task.pid}:${task.tid}`;
    if (task.ts < (openUntil.get(thread) ?? -Infinity)) continue;
    openUntil.set(thread, task.ts + task.dur!);
    out.push(task);
  }
  return out;
}

function total(tasks: TraceEvent[]): number {
  return tasks.reduce((sum, t) => sum + (t.tdur ?? t.dur ?? 0), 0);
}

// ---------------------------------------------------------------------------
// 3. Page-load cost with the panel closed

async function benchPageLoad(sandbox: Sandbox): Promise<Figures> {
  const loads = 8;
  const url = `${sandbox.appUrl}${PAGE}`;
  const withExtension = await launchWithExtension();
  const plainProfile = mkdtempSync(join(tmpdir(), 'ia-plain-'));
  const plain = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    pipe: true,
    defaultViewport: null,
    userDataDir: plainProfile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--window-size=1400,900'],
  });
  try {
    const measure = async (browser: typeof plain, extension: boolean) => {
      const page = await newPage(browser);
      const session = await page.createCDPSession();
      await session.send('Performance.enable');
      const samples: { script: number; heap: number }[] = [];
      for (let i = 0; i <= loads; i++) {
        await page.goto(url, { waitUntil: 'load' });
        if (extension) await page.waitForSelector('infra-assistant-launcher >>> button');
        else await page.waitForSelector('main h1');
        await idle(page);
        await session.send('HeapProfiler.collectGarbage');
        const { metrics } = await session.send('Performance.getMetrics');
        const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
        if (i > 0) samples.push({ script: metric('ScriptDuration') * 1000, heap: metric('JSHeapUsedSize') });
      }
      // The content script's own work in one traced load: compiling and running content.js.
      await page.tracing.start({ categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'extensions', 'toplevel'] });
      await page.goto(url, { waitUntil: 'load' });
      if (extension) await page.waitForSelector('infra-assistant-launcher >>> button');
      await idle(page);
      const trace = JSON.parse(Buffer.from((await page.tracing.stop())!).toString("utf8")) as TraceFile;
      if (process.env.PANEL_BENCH_TRACE && extension) (await import('node:fs')).writeFileSync(process.env.PANEL_BENCH_TRACE, JSON.stringify(trace));
      // Its script evaluation and any callbacks into it, by CPU time; compile and run are nested inside them.
      const ownEvents = trace.traceEvents.filter(
        (e) => e.ph === 'X' && (e.name === 'EvaluateScript' || e.name === 'FunctionCall') && e.args?.data?.url?.startsWith('chrome-extension://'),
      );
      const own = topLevel(ownEvents).reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0) / 1000, 0);
      const ownWall = topLevel(ownEvents).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
      await page.close();
      return { script: median(samples.map((s) => s.script)), heap: median(samples.map((s) => s.heap)), own, ownWall };
    };
    const a = await measure(withExtension.browser, true);
    const b = await measure(plain, false);
    const contentKb = Math.round(statSync(join(EXTENSION_DIR, 'content-scripts/content.js')).size / 102.4) / 10;
    return {
      'page load, panel closed: content script size, kB (target ≤ 10)': contentKb,
      "page load: content script's own script time, CPU / wall ms (target ≤ 2)": `${round(a.own)} / ${round(a.ownWall)}`,
      'page load: page script time with / without the extension, median ms': `${round(a.script)} / ${round(b.script)}`,
      'page load: JS heap with / without, median MB (target: + ≤ 0.5)': `${round(a.heap / 1e6)} / ${round(b.heap / 1e6)} (+${round((a.heap - b.heap) / 1e6)})`,
    };
  } finally {
    await withExtension.close();
    await plain.close();
    rmSync(plainProfile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------

/** tsx keeps function names with a `__name` helper that functions sent to the page then call: give the page one. */
async function newPage(browser: import('puppeteer-core').Browser): Promise<Page> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument('self.__name = (fn) => fn;');
  return page;
}

/** Let the page settle: two frames and a quiet moment for idle callbacks. */
async function idle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => (window.requestIdleCallback ?? setTimeout)(() => resolve(), { timeout: 500 }))),
      ),
  );
  await new Promise((r) => setTimeout(r, 150));
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await benchPanel();
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name.padEnd(78)} ${value}`);
}

/** Self time per trace event name on the renderer's main thread, for the last `windowMs` of the trace. */
function printTraceBreakdown(trace: TraceFile, windowMs: number): void {
  const events = (trace.traceEvents ?? []) as { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number }[];
  const main = events.find((e) => e.name === 'CrRendererMain' || (e as { args?: { name?: string } }).args?.name === 'CrRendererMain');
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined && (!main || (e.pid === main.pid && e.tid === main.tid)));
  const end = Math.max(...complete.map((e) => e.ts + e.dur!));
  const inWindow = complete.filter((e) => e.ts + e.dur! >= end - windowMs * 1000).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // Self time: an event's duration minus its direct children's.
  const self = new Map<string, number>();
  const stack: { e: (typeof inWindow)[number]; child: number }[] = [];
  const close = (until: number) => {
    while (stack.length && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= until) {
      const { e, child } = stack.pop()!;
      self.set(e.name, (self.get(e.name) ?? 0) + (e.dur! - child) / 1000);
      if (stack.length) stack.at(-1)!.child += e.dur!;
    }
  };
  for (const e of inWindow) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Infinity);
  // The timeline: top-level tasks over 0.5 ms, with what they spent most on.
  const start = end - windowMs * 1000;
  const tasks = inWindow.filter((e) => (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur! > 500);
  for (const task of tasks) {
    const inner = inWindow.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
    const biggest = inner.sort((a, b) => b.dur! - a.dur!).slice(0, 3).map((e) => `${e.name} ${(e.dur! / 1000).toFixed(1)}`);
    console.log(`  task at +${((task.ts - start) / 1000).toFixed(1)} ms, ${(task.dur! / 1000).toFixed(1)} ms: ${biggest.join(', ')}`);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
  console.log(`first open, main thread self time by event (last ${Math.round(windowMs)} ms):\n${top.map(([n, ms]) => `  ${ms.toFixed(1).padStart(7)} ms  ${n}`).join('\n')}`);
}
