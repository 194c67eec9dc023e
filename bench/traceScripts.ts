import type { CDPSession } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, which other processes on a busy machine do not stretch. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; stackTrace?: Array<{ url?: string }> } };
}

/** Chromium's top-level task events: everything the main thread runs is inside one. */
const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Starts a trace of the page's main thread (devtools.timeline); the returned call stops it and gives its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8.execute,toplevel', transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** What getScriptTime counts, in ms. */
export interface ScriptTime {
  /** Wall time of the scripts' work on the (slowed) main thread. */
  ms: number;
  /** Its thread (CPU) time: what other processes on a busy machine do not stretch. */
  cpuMs: number;
  /** The top-level tasks over 50 ms (wall) in which the scripts ran. */
  longTasks: number[];
  /**
   * For every top-level task in which the scripts ran, their own CPU time in it: not the rest
   * of the task (a DevTools message that calls the API, the browser's own work).
   */
  taskCpuMs: number[];
}

/** Events that name the script they run, and their own time (the HTML parser's is the page's). */
const urlOf = (event: TraceEvent) => (event.name == 'ParseHTML' ? undefined : event.args?.data?.url || event.args?.data?.stackTrace?.[0]?.url);

/**
 * The main-thread time of a page's scripts, the way Lighthouse's "bootup time" counts it, from
 * the trace events that name a script (its compilation, its evaluation, every call into it,
 * with what runs inside them: a forced style or layout); `isOwn` picks the scripts. A
 * parser-blocking script runs inside the HTML parser's task, so the events count, not the
 * tasks. Promise continuations name no script: the microtasks of a task in which the scripts
 * ran are counted with them.
 */
export function getScriptTime(events: TraceEvent[], isOwn: (url: string) => boolean): ScriptTime {
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph != 'X') continue;
    const key = `${event.pid}:${event.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(event);
  }
  const time: ScriptTime = { ms: 0, cpuMs: 0, longTasks: [], taskCpuMs: [] };
  for (const thread of byThread.values()) {
    thread.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    // Each top-level task with the outermost events in it that count (own, or microtasks).
    const tasks: Array<{ task?: TraceEvent; own: TraceEvent[]; microtasks: TraceEvent[] }> = [];
    let current: (typeof tasks)[number] = { own: [], microtasks: [] };
    let countedUntil = -Infinity;
    for (const event of thread) {
      const end = event.ts + (event.dur ?? 0);
      if (TASKS.has(event.name)) {
        tasks.push((current = { task: event, own: [], microtasks: [] }));
        continue;
      }
      if (event.ts < countedUntil) continue;
      const url = urlOf(event);
      if (url && isOwn(url)) current.own.push(event);
      else if (event.name == 'RunMicrotasks') current.microtasks.push(event);
      else continue;
      countedUntil = end;
    }
    if (current.own.length && !current.task) tasks.push(current);
    for (const { task, own, microtasks } of tasks) {
      if (!own.length) continue;
      const counted = [...own, ...microtasks];
      const ms = counted.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
      const cpuMs = counted.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0) / 1000, 0);
      time.ms += ms;
      time.cpuMs += cpuMs;
      time.taskCpuMs.push(cpuMs);
      if ((task?.dur ?? 0) > 50_000) time.longTasks.push(task!.dur! / 1000);
    }
  }
  return time;
}
