import { useEffect, useState } from 'preact/hooks';
import { formatPrice } from './formatPrice.js';
import { useCartback } from './useCartback.js';
import { useTitle } from './useTitle.js';

/**
 * `/checkout` (a lazy chunk): `checkoutStarted()` on arrival, `purchase()` on "Place order",
 * which sends `order_completed` and empties the cart. No payment is taken: it is a demo.
 */
export default function CheckoutPage() {
  const { cartback, cart } = useCartback();
  const [order, setOrder] = useState<{ id: string; total: string }>();
  useTitle(order ? 'Order confirmed' : 'Checkout');
  useEffect(() => cartback.checkoutStarted(), [cartback]);

  const placeOrder = (event: SubmitEvent) => {
    event.preventDefault();
    const email = new FormData(event.currentTarget as HTMLFormElement).get('email');
    if (email) cartback.identify({ email: String(email) });
    const id = `FH-${Date.now().toString(36).toUpperCase()}`;
    if (cartback.purchase({ orderId: id, value: cart.value, currency: cart.currency })) {
      setOrder({ id, total: formatPrice(cart.value, cart.currency) });
    }
  };

  if (order)
    return (
      <section class="panel confirmation" aria-labelledby="confirmation-heading" data-confirmation>
        <h1 id="confirmation-heading">Thank you — your order is confirmed</h1>
        <p>
          Order <strong data-order-id>{order.id}</strong> · <span data-order-total>{order.total}</span>
        </p>
        <a class="button" href="/">
          Back to the shop
        </a>
      </section>
    );
  return (
    <>
      <h1 class="page-title">Checkout</h1>
      <div class="checkout-layout">
        <form class="panel checkout-form" onSubmit={placeOrder}>
          <label class="field">
            <span>Email (for the receipt)</span>
            <input type="email" name="email" autocomplete="email" placeholder="you@example.com" />
          </label>
          <p class="notice">This is a demo: no payment is taken. “Place order” records a purchase with cartback.</p>
          <button class="button button--wide" type="submit" data-place-order disabled={cart.items.length == 0}>
            Place order
          </button>
        </form>
        <aside class="panel order-summary" aria-labelledby="summary-heading">
          <h2 id="summary-heading">Order summary</h2>
          <ul class="summary-lines">
            {cart.items.map((item) => (
              <li key={item.id}>
                <span>
                  {item.quantity} × {item.name}
                </span>
              </li>
            ))}
          </ul>
          <p class="summary-total">
            Total <strong data-summary-total>{formatPrice(cart.value, cart.currency)}</strong>
          </p>
        </aside>
      </div>
    </>
  );
}
