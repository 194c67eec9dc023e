import type { TrackerHost } from '../trackerHost.js';
import { createWriteBehind } from '../../storage/createWriteBehind.js';
import { loadRecord } from '../../storage/loadRecord.js';
import {
  IDENTITY_KEY,
  IDENTITY_VERSION,
  isIdentityRecord,
  isSessionRecord,
  SESSION_KEY,
  SESSION_VERSION,
  type IdentityRecord,
  type SessionRecord,
} from './visitorRecords.js';

/**
 * The visitor: a first-party anonymous id (and traits once identified) and the current
 * session, which ends after `abandonAfter` without cart activity or with an abandonment
 * once it counts (its grace is over).
 * `ready` resolves once both are loaded; `ended` is then the last visit's session, if it ended.
 */
export function createVisitor(core: Pick<TrackerHost, 'platform' | 'config' | 'report' | 'ready' | 'getStorage'>) {
  const { platform, config, report } = core;
  // What outlives a session: the last cart version reported, and the recovery touchpoints.
  const newSession = (last?: SessionRecord): SessionRecord => ({
    v: SESSION_VERSION,
    id: platform.uuid(),
    startedAt: platform.now(),
    lastActivity: platform.now(),
    ...(last?.reported && { reported: last.reported }),
    ...(last?.touchpoints && { touchpoints: last.touchpoints }),
  });
  let identity: IdentityRecord = { v: IDENTITY_VERSION, anonymousId: platform.uuid() };
  let session = newSession();
  let ended: SessionRecord | undefined;

  const dirty = new Set<string>();
  // Activity is kept to the second: sessions last half an hour, and every cart change touches it.
  const writer = createWriteBehind(async () => {
    const keys = [...dirty];
    dirty.clear();
    await Promise.all(keys.map((key) => core.getStorage().set(key, key == IDENTITY_KEY ? identity : session)));
  }, 1000);
  const save = (key: string) => {
    dirty.add(key);
    writer.schedule();
  };

  const ready = core.ready.then(async () => {
    const storage = core.getStorage();
    const [savedIdentity, saved] = await Promise.all([
      loadRecord(storage, IDENTITY_KEY, IDENTITY_VERSION, isIdentityRecord, report),
      loadRecord(storage, SESSION_KEY, SESSION_VERSION, isSessionRecord, report),
    ]);
    if (savedIdentity) identity = savedIdentity;
    else save(IDENTITY_KEY);
    const now = platform.now();
    // A provisional abandonment still in its grace goes on as this session: the tracker cancels it.
    const goesOn = saved && (saved.abandonmentId ? now < (saved.graceUntil ?? 0) : now - saved.lastActivity < config.abandonAfter);
    if (goesOn) session = saved;
    else [ended, session] = [saved, newSession(saved)];
    touch();
  });
  const touch = () => {
    session = { ...session, lastActivity: platform.now() };
    save(SESSION_KEY);
  };

  return {
    ready,
    getIdentity: () => identity,
    setIdentity(next: IdentityRecord) {
      identity = next;
      save(IDENTITY_KEY);
    },
    getSession: () => session,
    setSession(next: Partial<SessionRecord>) {
      session = { ...session, ...next };
      save(SESSION_KEY);
    },
    /** Starts a new session (the shopper is back after leaving); returns the one that ended. */
    restart(): SessionRecord {
      const last = session;
      session = newSession(last);
      save(SESSION_KEY);
      return last;
    },
    /** The previous visit's session if it had ended when this page loaded; asked once. */
    takeEnded(): SessionRecord | undefined {
      const last = ended;
      ended = undefined;
      return last;
    },
    touch,
    flush: () => writer.flush(),
  };
}

export type Visitor = ReturnType<typeof createVisitor>;
