// `npm run bench`: cartback against the libraries a store would pick instead, in one run of
// Chromium with the CPU slowed 4×, every figure a median over several page loads and every
// timing taken beside a blank page loaded in the same iteration. Prints one table and writes
// it, with the date, the versions and the method, to docs/benchmarks.md. See that file.
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/launchBrowser';
import { measureCartAdd, type CartAddResult } from './measureCartAdd';
import { measureModalOpens } from './measureModal';
import { measureLoad, openThrottled, traceScripts, type LoadResult } from './measurePage';
import { serveBench } from './serveBench';
import type { ScriptTime } from './traceScripts';
import { pageFor, SUBJECTS } from './subjects';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    rate: { type: 'string', default: '4' },
    out: { type: 'string', default: 'docs/benchmarks.md' },
    'no-write': { type: 'boolean', default: false },
    /** Another build of cartback.js and its chunks (a before/after comparison). */
    dist: { type: 'string' },
    /** Only these subjects (comma-separated names or their beginnings) beside the blank page. */
    only: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const CHOSEN = SUBJECTS.filter(
  (s) => s.name == 'blank page' || !args.only || args.only.split(',').some((name) => s.name.toLowerCase().startsWith(name.trim().toLowerCase())),
);
const RATE = Number(args.rate);
/** Quiet time after the ready point, so that idle-time work is counted. */
const SETTLE_MS = 1500;
const LATER_OPENS = 4;
const repo = resolve(import.meta.dirname, '..');

const median = (values: number[]) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const versionOf = (pkg: string) =>
  JSON.parse(readFileSync(resolve(repo, pkg == 'cartback' ? 'packages/cartback/package.json' : `node_modules/${pkg}/package.json`), 'utf8')).version as string;

interface Sample {
  load: LoadResult;
  modal?: number[];
}
interface CartbackPhases {
  /** After the first `cart.add` until the widget chunk is fetched and prepared: the page's long tasks, and the scripts' (see getScriptTime). */
  afterAdd: { page: number[]; scripts: ScriptTime };
  /** A new tab of the same shopper: the saved cart at load. */
  saved: LoadResult;
}

/** Gzip bytes of the scripts a page fetched (level 9, as the build prints them). */
function trackScripts(page: Page) {
  const files = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() != 'script' || !response.ok()) return;
    const body = await response.body().catch(() => undefined);
    if (body) files.set(new URL(response.url()).pathname, gzipSync(body, { level: 9 }).length);
  });
  return files;
}

async function main() {
  const pages = SUBJECTS.map(pageFor);
  const server = await serveBench(pages, args.dist);
  const browser = await launchBrowser();
  const samples = new Map<string, Sample[]>(CHOSEN.map((s) => [s.name, []]));
  const phases: CartbackPhases[] = [];
  const adds: CartAddResult[][] = [];
  const scripts = new Map<string, Map<string, number>>();
  try {
    // One iteration first that is not counted: Chromium's first loads compile and cache.
    for (let run = -1; run < RUNS; run++) {
      // The order turns with each iteration, so no subject always follows the same one.
      const order = CHOSEN.map((_, i) => CHOSEN[(i + run + CHOSEN.length) % CHOSEN.length]!);
      for (const subject of order) {
        const index = SUBJECTS.indexOf(subject);
        const context = await browser.newContext();
        const tab = await openThrottled(context, RATE);
        const files = trackScripts(tab.page);
        const load = await measureLoad(tab, `${server.url}/page/${index}`, SETTLE_MS);
        const sample: Sample = { load };
        if (subject.name == 'cartback') {
          const seen = load.longTasks.length;
          const added = await traceScripts(tab, server.url, async () => {
            await tab.page.evaluate(() => {
              (window as unknown as { cartback: { cart: { add(item: unknown): void } } }).cartback.cart.add({ id: 'mug', name: 'Blue mug', price: 12.5, quantity: 2 });
            });
            await tab.page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/cartback-widget.js')), undefined, { timeout: 20_000 });
            await tab.page.waitForTimeout(SETTLE_MS);
          });
          const afterAdd = { page: await tab.longTasks(seen), scripts: added };
          sample.modal = await measureModalOpens(tab.page, 'cartback', LATER_OPENS);
          await tab.page.evaluate(() => (window as unknown as { cartback: { flush(): Promise<void> } }).cartback.flush());
          const again = await openThrottled(context, RATE);
          const saved = await measureLoad(again, `${server.url}/page/${index}`, SETTLE_MS);
          if (run >= 0) phases.push({ afterAdd, saved });
          if (run >= 0 && run < 3) {
            const scaling = await openThrottled(await browser.newContext(), RATE);
            await measureLoad(scaling, `${server.url}/page/${index}`, 0);
            adds.push([await measureCartAdd(scaling.page, 1, 200), await measureCartAdd(scaling.page, 1000, 200)]);
            await scaling.page.context().close();
          }
        } else if (subject.modal) {
          sample.modal = await measureModalOpens(tab.page, 'peer', LATER_OPENS);
        }
        if (run >= 0) samples.get(subject.name)!.push(sample);
        if (run >= 0 && !scripts.has(subject.name)) scripts.set(subject.name, files);
        await context.close();
      }
      if (run >= 0) process.stdout.write(`run ${run + 1}/${RUNS} done\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const report = formatReport(samples, phases, adds, scripts);
  console.log(report);
  if (!args['no-write']) writeFileSync(resolve(repo, args.out!), report);
}

function formatReport(samples: Map<string, Sample[]>, phases: CartbackPhases[], adds: CartAddResult[][], scripts: Map<string, Map<string, number>>) {
  const blank = samples.get('blank page')!;
  const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
  /** Median wall time, and the thread time beside it. */
  const mainThread = (time: ScriptTime[]) => `${fmt(median(time.map((t) => t.ms)))} (CPU ${fmt(median(time.map((t) => t.cpuMs)))})`;
  const longTasks = (time: ScriptTime[]) => count(time.map((t) => t.longTasks));
  const count = (lists: number[][]) => {
    const all = lists.flat();
    return all.length ? `${all.length} (max ${fmt(Math.max(...all), 0)} ms)` : '0';
  };
  const rows = CHOSEN.map((subject) => {
    const own = samples.get(subject.name)!;
    // Ratios against the blank page of the same iteration: the machine's load changes between them.
    const ready = median(own.map((s, i) => s.load.readyMs / blank[i]!.load.readyMs));
    const loadRatio = median(own.map((s, i) => s.load.loadMs / blank[i]!.load.loadMs));
    const files = [...(scripts.get(subject.name)?.values() ?? [])];
    const first = median(own.map((s) => s.modal?.[0] ?? NaN));
    const later = median(own.flatMap((s) => s.modal?.slice(1) ?? []));
    const name = subject.pkg ? `${subject.name} ${versionOf(subject.pkg)}` : subject.name;
    const time = own.map((s) => s.load.scripts);
    return `| ${name} | ${fmt(files.reduce((a, b) => a + b, 0) / 1000)} KB in ${files.length} | ${mainThread(time)} | ${fmt(ready, 2)}× | ${fmt(loadRatio, 2)}× | ${longTasks(time)} | ${count(own.map((s) => s.load.longTasks))} | ${fmt(first)} | ${fmt(later)} |`;
  });
  const perAdd = (lines: number) => median(adds.map((pair) => pair.find((r) => r.lines == lines)!.perAddUs));
  const writes = (lines: number) => median(adds.map((pair) => pair.find((r) => r.lines == lines)!.sessionWrites));
  const bytes = (lines: number) => median(adds.map((pair) => pair.find((r) => r.lines == lines)!.sessionBytes));
  const visit = [...(scripts.get('cartback')?.entries() ?? [])].map(([path, gz]) => `\`${path.split('/').pop()}\` ${gz} B`).join(', ');
  return `# Benchmarks

Measured with \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), Chromium with the CPU slowed ${RATE}× (CDP \`Emulation.setCPUThrottlingRate\`), ${RUNS} page loads of each subject. The machine is shared, so absolute times drift: every timing is taken beside a blank page loaded in the same iteration, and the table gives medians of the differences and ratios.

| subject | scripts loaded (gzip) | main-thread ms of its scripts (thread CPU ms) | ready ÷ blank | \`load\` ÷ blank | long tasks its scripts ran in, all loads | long tasks of the page, all loads | first modal, trigger → frame (ms) | later modal opens (ms) |
| --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

cartback, beyond the load of an empty-cart page:

| what | result |
| --- | --- |
| after the first \`cart.add\`, until the widget chunk is fetched and prepared: main-thread ms of cartback's scripts | ${mainThread(phases.map((p) => p.afterAdd.scripts))} |
| … long tasks of cartback's scripts; of the page | ${longTasks(phases.map((p) => p.afterAdd.scripts))}; ${count(phases.map((p) => p.afterAdd.page))} |
| load with a saved cart (a new tab of the same shopper): main-thread ms of cartback's scripts | ${mainThread(phases.map((p) => p.saved.scripts))} |
| … long tasks of cartback's scripts; of the page | ${longTasks(phases.map((p) => p.saved.scripts))}; ${count(phases.map((p) => p.saved.longTasks))} |
| \`cart.add\` (+1 quantity), mean per add, 1 line → 1,000 lines | ${fmt(perAdd(1), 0)} µs → ${fmt(perAdd(1000), 0)} µs (×${fmt(perAdd(1000) / perAdd(1), 2)}) |
| sessionStorage writes per add, 1 line → 1,000 lines | ${fmt(writes(1), 2)} (${fmt(bytes(1), 0)} B) → ${fmt(writes(1000), 2)} (${fmt(bytes(1000), 0)} B) |
| scripts of one visit with a cart and the modal | ${visit} |

## Method

- Each load is a new browser context (empty storage) and tab; the tab's CPU is slowed ${RATE}× before navigation. Pages and files are served from 127.0.0.1; the peers' browser builds come from node_modules at the versions pinned in package-lock.json (Segment's chunks from its own package, PostHog's requests to its API answered 404 locally).
- **main-thread ms of its scripts**: a Chromium trace (\`devtools.timeline\`) from navigation until ${SETTLE_MS} ms after the ready point; the time of the events that name one of the subject's files (compiling it, evaluating it, every call into it, with the style, layout and microtasks that run inside), as Lighthouse's "bootup time" counts it; not the page's own work (parsing the HTML, the few lines of inline glue that start a library). It includes the library's idle-time work. Wall time on the slowed thread, with the thread's CPU time in brackets: the CPU time is what other processes on a busy machine do not stretch (Chromium slows the CPU in time slices, so short tasks may escape the slow-down). **long tasks its scripts ran in**: top-level tasks over 50 ms holding such an event; **of the page**: what the page's own \`PerformanceObserver\` for \`longtask\` saw, whatever the cause (parsing, style, the browser's own start-up work under a slowed CPU).
- **ready**: when the library can be used (\`cartback.ready\` resolved; idb-keyval's read done; the others when their script has run), or the page's \`load\`, whichever is later; divided by the blank page's \`load\`. **\`load\` ÷ blank**: whether the library delays the page's own \`load\`.
- **long tasks**: the page's own \`PerformanceObserver\` for \`longtask\` (tasks over 50 ms), registered before any script.
- **modal**: the trigger (\`cartback.showExitIntent()\`, ouibounce's \`fire()\`, a Preact \`render\` into a shadow root) at an idle moment, to a task posted from the first animation frame in which the dialog is in the DOM, i.e. after that frame's style, layout and paint. cartback's first open comes after one \`cart.add\` and the idle-time preparation (the widget chunk fetched, the modal's first showing rehearsed unseen). One frame at 60 Hz is 16.7 ms. ${LATER_OPENS} later opens per load.
- **cart.add**: 200 calls raising one line's quantity, each in a task of its own, timed with the microtasks it queues: a coalesced write that is due starts there (the cart to IndexedDB and to the other tabs), the others run on their own timer; the tab's copy in sessionStorage is written only when the page hides. Three runs.
- Timing is not part of \`npm test\` (a loaded machine makes it noisy); the structural budgets are: sizes (\`bundleSize.test.ts\`), IndexedDB and sessionStorage writes for 1,000 adds (\`e2e/coalescing.test.ts\`), and long tasks as cartback's own CPU time per task, times four, from the same kind of trace (\`e2e/longTasks.test.ts\`: CPU time, which other processes do not stretch, so it holds on a busy CI machine).
- Reproduce: \`npm run bench\` (\`--runs <n>\` loads of each subject, 15 by default; \`--dist <dir>\` to measure another build of cartback.js and its chunks beside the same peers).
`;
}

await main();
