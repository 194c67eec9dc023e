/** One email of a sequence. Texts may use the placeholders in `placeholders`. */
export interface StepConfig {
  /** Time after the abandonment (or, for win-back, after the customer became due): "1h", "24h", "30s", "2d". */
  delay: string;
  subject: string;
  /** The opening paragraph. */
  intro: string;
  /** An incentive shown in the email and passed to the store's restoreUrl as {code}. */
  offer?: { code: string; percentOff: number; validForHours: number };
}

export interface SequenceConfig {
  steps: StepConfig[];
}

export interface RecoveryConfig {
  /** The shop as the email names it, and where its links land. */
  store: {
    name: string;
    /** Where a restore link lands: the SDK's restoreUrl template ({cartId}, {items}, {code}), absolute. */
    restoreUrl: string;
  };
  /** The From header, e.g. "Fernhill Coffee <hello@fernhill.example>". */
  from: string;
  /** The collector's public address, for the links in emails (restore, unsubscribe). */
  publicUrl: string;
  /** SMTP URL (nodemailer's form, e.g. smtps://user:pass@smtp.example:465); SMTP_URL overrides it. */
  smtpUrl: string;
  /** Secret that signs restore and unsubscribe links; CARTBACK_SECRET overrides it. At least 32 characters. */
  secret: string;
  /** At most one recovery email per address per this many hours, across all carts. */
  frequencyCapHours: number;
  /** How long a restore link works. */
  linkValidDays: number;
  /** How often each collector process looks for due emails. */
  pollSeconds: number;
  recovery: SequenceConfig;
  winBack: SequenceConfig & { enabled: boolean; afterDays: number };
}

/** The placeholders a subject or intro may use; anything else in braces is a start-up error. */
export const placeholders = ['firstName', 'storeName', 'itemCount', 'total', 'code', 'percentOff', 'validUntil'] as const;

/** The classic sequence: a reminder at 1 h, social proof at 24 h, an incentive at 72 h. */
export const defaultRecovery: SequenceConfig = {
  steps: [
    {
      delay: '1h',
      subject: 'You left something in your cart',
      intro: 'Hi {firstName}, your cart at {storeName} is saved: {itemCount} items, {total}. Pick up where you left off.',
    },
    {
      delay: '24h',
      subject: 'Still thinking it over?',
      intro: 'Hi {firstName}, the items in your cart are among our most loved. They are still waiting for you at {storeName}.',
    },
    {
      delay: '72h',
      subject: '{percentOff}% off your cart, for 48 hours',
      intro: 'Hi {firstName}, here is {percentOff}% off your cart with the code {code}, valid until {validUntil}.',
      offer: { code: 'COMEBACK10', percentOff: 10, validForHours: 48 },
    },
  ],
};

export const defaultWinBack: RecoveryConfig['winBack'] = {
  enabled: false,
  afterDays: 90,
  steps: [
    {
      delay: '0s',
      subject: 'We miss you at {storeName}',
      intro: 'Hi {firstName}, it has been a while. Here is {percentOff}% off your next order with the code {code}.',
      offer: { code: 'WELCOMEBACK', percentOff: 10, validForHours: 168 },
    },
  ],
};
