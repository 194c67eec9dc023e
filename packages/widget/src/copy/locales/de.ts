// German: the strings of `en` (copy.ts) in its key order, joined by `|` (see loadLocale.ts).
export default
  'Schon los? Ihr Warenkorb ist noch da|Schließen|Ihr Warenkorb|Menge {count}|Summe|' +
  '{percent} % Rabatt mit dem Code {code}|Ihr Code: {code}|Noch {time} gültig|E-Mail|Warenkorb per E-Mail senden|' +
  'Danke! Wir senden Ihnen einen Link zu Ihrem Warenkorb.|Zurück zur Kasse|Weiter stöbern|' +
  'Ihr gespeicherter Warenkorb|Willkommen zurück – Ihr Warenkorb wartet|Artikel: {count} · {total}|Zur Kasse|Ausblenden|' +
  '🛒 Ihr Warenkorb wartet';
