import type { Copy } from '../copy.js';

// French: every string of `en` (copy.ts), by name.
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
  checkout: 'Retour au paiement',
  keepBrowsing: 'Continuer mes achats',
  bannerLabel: 'Votre panier enregistré',
  bannerTitle: 'Bon retour\u202f! Votre panier vous attend',
  bannerBody: 'Articles\u202f: {count} · {total}',
  bannerCheckout: 'Passer au paiement',
  bannerDismiss: 'Masquer',
  tabTitle: '🛒 Votre panier vous attend',
} satisfies Copy;
