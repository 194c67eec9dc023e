import type { CartItem } from 'cartback';
import { formatPrice } from './formatPrice.js';
import { useCartback } from './useCartback.js';
import { useTitle } from './useTitle.js';

/** `/cart`: change quantities, remove lines; the total is cartback's (summed in cents). */
export function CartPage() {
  const { cart } = useCartback();
  useTitle('Your cart');
  return (
    <>
      <h1 class="page-title">Your cart</h1>
      {cart.items.length == 0 ? (
        <div class="panel empty-state">
          <p>Your cart is empty.</p>
          <a class="button" href="/">
            Find something good
          </a>
        </div>
      ) : (
        <div class="cart-layout">
          <ul class="panel cart-lines" data-cart-lines>
            {cart.items.map((item) => (
              <CartLine key={item.id} item={item} />
            ))}
          </ul>
          <aside class="panel order-summary">
            <p class="summary-total">
              Total <strong data-cart-total>{formatPrice(cart.value, cart.currency)}</strong>
            </p>
            <p class="muted">Shipping and taxes are calculated at checkout.</p>
            <a class="button button--wide" href="/checkout">
              Go to checkout
            </a>
            <a class="link-button" href="/">
              Continue shopping
            </a>
          </aside>
        </div>
      )}
    </>
  );
}

function CartLine({ item }: { item: CartItem }) {
  const { cartback, cart } = useCartback();
  // Quantity 0 removes the line (cart.update's rule).
  const setQuantity = (quantity: number) => cartback.cart.update(item.id, { quantity });
  // Display only: the authoritative total is cart.value.
  const lineTotal = Math.round(item.price * 100 * item.quantity) / 100;
  return (
    <li class="cart-line">
      {item.image ? <img class="cart-line__image" src={item.image} alt="" width={72} height={72} /> : <span class="cart-line__image" />}
      <div class="cart-line__info">
        <a class="cart-line__name" href={item.url}>
          {item.name}
        </a>
        <span class="muted">{formatPrice(item.price, cart.currency)} each</span>
      </div>
      <div class="quantity" role="group" aria-label={`Quantity of ${item.name}`}>
        <button type="button" data-quantity-decrease={item.id} aria-label={`One fewer ${item.name}`} onClick={() => setQuantity(item.quantity - 1)}>
          −
        </button>
        <output data-quantity={item.id} aria-live="polite">
          {item.quantity}
        </output>
        <button type="button" data-quantity-increase={item.id} aria-label={`One more ${item.name}`} onClick={() => setQuantity(item.quantity + 1)}>
          +
        </button>
      </div>
      <span class="cart-line__total price">{formatPrice(lineTotal, cart.currency)}</span>
      <button class="link-button" type="button" data-remove={item.id} aria-label={`Remove ${item.name}`} onClick={() => cartback.cart.remove(item.id)}>
        Remove
      </button>
    </li>
  );
}
