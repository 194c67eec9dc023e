// Spanish: the strings of `en` (copy.ts) in its key order, joined by `|` (see loadLocale.ts).
export default
  '¿Ya te vas? Tu carrito sigue aquí|Cerrar|Tu carrito|Cant. {count}|Total|{percent} % de descuento con el código {code}|' +
  'Tu código: {code}|Caduca en {time}|Correo electrónico|Enviarme el carrito por correo|' +
  '¡Gracias! Te enviaremos un enlace a tu carrito.|Volver al pago|Seguir comprando|Tu carrito guardado|' +
  'Hola de nuevo: tu carrito te espera|Artículos: {count} · {total}|Ir a pagar|Ocultar|' +
  '🛒 Tu carrito te espera';
