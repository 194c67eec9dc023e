import type { Copy } from '../copy.js';

// French: every string of `en` (copy.ts), by name; itemCount in
// the plural categories of the language (Intl.PluralRules).
export default {
  title: 'Vous partez déjà\u202f? Votre panier est toujours là',
  close: 'Fermer',
  items: 'Votre panier',
  quantity: 'Qté {count}',
  total: 'Total',
  offer: '{percent}\u202f% de remise avec le code {code}',
  offerCode: 'Votre code\u202f: {code}',
  expires: 'Expire dans {time}',
  emailLabel: 'E-mail',
  emailSubmit: 'Recevoir mon panier par e-mail',
  thanks: 'Merci\u202f! Nous vous enverrons un lien vers votre panier.',
  checkout: 'Passer au paiement',
  checkoutReturn: 'Retour au paiement',
  keepBrowsing: 'Continuer mes achats',
  bannerLabel: 'Votre panier enregistré',
  bannerTitle: 'Bon retour\u202f! Votre panier vous attend',
  itemCount: { one: '{count} article', many: '{count} d’articles', other: '{count} articles' },
  bannerBody: '{items} · {total}',
  bannerCheckout: 'Passer au paiement',
  bannerDismiss: 'Masquer',
  tabTitle: '🛒 Votre panier vous attend',
  why: 'Pourquoi ce message\u202f?',
  whyText: 'Votre panier est enregistré sur cet appareil pour vous aider à finaliser votre commande.',
  privacy: 'Politique de confidentialité',
  optOut: 'Ne plus afficher',
} satisfies Copy;
