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
}

/** Events that name the script they run, and their own time (the HTML parser's is the page's). */
const urlOf = (event: TraceEvent) => (event.name == 'ParseHTML' ? undefined : event.args?.data?.url || event.args?.data?.stackTrace?.[0]?.url);

/**
 * The main-thread time of a page's scripts, the way Lighthouse's "bootup time" counts it, from
 * the trace events that name a script (its compilation, its evaluation, every call into it,
 * with what runs inside them: a forced style or layout, microtasks); `isOwn` picks the
 * scripts. A parser-blocking script runs inside the HTML parser's task, so the events count,
 * not the tasks; an event inside a counted one is not counted again.
 */
export function getScriptTime(events: TraceEvent[], isOwn: (url: string) => boolean): ScriptTime {
  const byThread = new Map<string, TraceEvent[]>();
  for (const event of events) {
    if (event.ph != 'X') continue;
    const key = `${event.pid}:${event.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(event);
  }
  const time: ScriptTime = { ms: 0, cpuMs: 0, longTasks: [] };
  for (const thread of byThread.values()) {
    thread.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    let task: TraceEvent | undefined;
    let taskCounted = false;
    let countedUntil = -Infinity;
    for (const event of thread) {
      if (TASKS.has(event.name)) {
        task = event;
        taskCounted = false;
        continue;
      }
      const url = urlOf(event);
      if (!url || !isOwn(url) || event.ts < countedUntil) continue;
      countedUntil = event.ts + (event.dur ?? 0);
      time.ms += (event.dur ?? 0) / 1000;
      time.cpuMs += (event.tdur ?? event.dur ?? 0) / 1000;
      if (task && !taskCounted && event.ts <= task.ts + (task.dur ?? 0) && (task.dur ?? 0) > 50_000) time.longTasks.push((task.dur ?? 0) / 1000);
      taskCounted ||= !!task && event.ts <= task.ts + (task.dur ?? 0);
    }
  }
  return time;
}
