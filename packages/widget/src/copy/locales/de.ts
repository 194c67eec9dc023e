import type { Copy } from '../copy.js';

// German: every string of `en` (copy.ts), by name; itemCount in
// the plural categories of the language (Intl.PluralRules).
export default {
  title: 'Schon los? Ihr Warenkorb ist noch da',
  close: 'Schließen',
  items: 'Ihr Warenkorb',
  quantity: 'Menge {count}',
  total: 'Summe',
  offer: '{percent} % Rabatt mit dem Code {code}',
  offerCode: 'Ihr Code: {code}',
  expires: 'Noch {time} gültig',
  emailLabel: 'E-Mail',
  emailSubmit: 'Warenkorb per E-Mail senden',
  thanks: 'Danke! Wir senden Ihnen einen Link zu Ihrem Warenkorb.',
  checkout: 'Zur Kasse',
  checkoutReturn: 'Zurück zur Kasse',
  keepBrowsing: 'Weiter stöbern',
  bannerLabel: 'Ihr gespeicherter Warenkorb',
  bannerTitle: 'Willkommen zurück – Ihr Warenkorb wartet',
  itemCount: { one: '{count} Artikel', other: '{count} Artikel' },
  bannerBody: '{items} · {total}',
  bannerCheckout: 'Zur Kasse',
  bannerDismiss: 'Ausblenden',
  tabTitle: '🛒 Ihr Warenkorb wartet',
  why: 'Warum sehe ich das?',
  whyText: 'Ihr Warenkorb ist auf diesem Gerät gespeichert, damit Sie Ihre Bestellung abschließen können.',
  privacy: 'Datenschutzerklärung',
  optOut: 'Nicht mehr anzeigen',
} satisfies Copy;
