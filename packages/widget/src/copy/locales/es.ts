import type { Copy } from '../copy.js';

// Spanish: every string of `en` (copy.ts), by name; itemCount in
// the plural categories of the language (Intl.PluralRules).
export default {
  title: '¿Ya te vas? Tu carrito sigue aquí',
  close: 'Cerrar',
  items: 'Tu carrito',
  quantity: 'Cant. {count}',
  total: 'Total',
  offer: '{percent} % de descuento con el código {code}',
  offerCode: 'Tu código: {code}',
  expires: 'Caduca en {time}',
  emailLabel: 'Correo electrónico',
  emailSubmit: 'Enviarme el carrito por correo',
  thanks: '¡Gracias! Te enviaremos un enlace a tu carrito.',
  checkout: 'Ir a pagar',
  checkoutReturn: 'Volver al pago',
  keepBrowsing: 'Seguir comprando',
  bannerLabel: 'Tu carrito guardado',
  bannerTitle: 'Hola de nuevo: tu carrito te espera',
  itemCount: { one: '{count} artículo', many: '{count} de artículos', other: '{count} artículos' },
  bannerBody: '{items} · {total}',
  bannerCheckout: 'Ir a pagar',
  bannerDismiss: 'Ocultar',
  tabTitle: '🛒 Tu carrito te espera',
  why: '¿Por qué veo esto?',
  whyText: 'Tu carrito se guarda en este dispositivo para ayudarte a terminar tu pedido.',
  privacy: 'Política de privacidad',
  optOut: 'No volver a mostrar',
} satisfies Copy;
