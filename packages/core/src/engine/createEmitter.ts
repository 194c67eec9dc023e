import type { Unsubscribe } from '../types.js';

type Listener = (payload: any) => void;

/**
 * A tiny event bus. A listener that throws is the host's bug, not ours: it is reported
 * on the console and the other listeners still run.
 */
export function createEmitter(report: (error: unknown) => void) {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on(type: string, fn: Listener): Unsubscribe {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(fn);
      return () => void set.delete(fn);
    },
    emit(type: string, payload?: unknown): void {
      for (const fn of [...(listeners.get(type) ?? [])]) {
        try {
          fn(payload);
        } catch (error) {
          report(error);
        }
      }
    },
    clear(): void {
      listeners.clear();
    },
  };
}

export type Emitter = ReturnType<typeof createEmitter>;
