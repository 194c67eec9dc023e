// French: the strings of `en` (copy.ts) in its key order, joined by `|` (see loadLocale.ts).
export default
  'Vous partez déjà\u202f? Votre panier est toujours là|Fermer|Votre panier|Qté {count}|Total|' +
  '{percent}\u202f% de remise avec le code {code}|Votre code\u202f: {code}|Expire dans {time}|E-mail|' +
  'Recevoir mon panier par e-mail|Merci\u202f! Nous vous enverrons un lien vers votre panier.|Retour au paiement|' +
  'Continuer mes achats|Votre panier enregistré|Bon retour\u202f! Votre panier vous attend|Articles\u202f: {count} · {total}|' +
  'Passer au paiement|Masquer|' +
  '🛒 Votre panier vous attend';
