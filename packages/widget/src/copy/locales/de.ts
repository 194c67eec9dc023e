import type { Copy } from '../copy.js';

// German: every string of `en` (copy.ts), by name.
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
  checkout: 'Zurück zur Kasse',
  keepBrowsing: 'Weiter stöbern',
  bannerLabel: 'Ihr gespeicherter Warenkorb',
  bannerTitle: 'Willkommen zurück – Ihr Warenkorb wartet',
  bannerBody: 'Artikel: {count} · {total}',
  bannerCheckout: 'Zur Kasse',
  bannerDismiss: 'Ausblenden',
  tabTitle: '🛒 Ihr Warenkorb wartet',
} satisfies Copy;
