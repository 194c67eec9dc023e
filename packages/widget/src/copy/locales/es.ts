import type { Copy } from '../copy.js';

// Spanish: every string of `en` (copy.ts), by name.
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
  checkout: 'Volver al pago',
  keepBrowsing: 'Seguir comprando',
  bannerLabel: 'Tu carrito guardado',
  bannerTitle: 'Hola de nuevo: tu carrito te espera',
  bannerBody: 'Artículos: {count} · {total}',
  bannerCheckout: 'Ir a pagar',
  bannerDismiss: 'Ocultar',
  tabTitle: '🛒 Tu carrito te espera',
} satisfies Copy;
