import type { CartbackApi, CartSnapshot } from 'cartback';
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';

/** The API `init()` returned, for every component below <App>. */
export const CartbackContext = createContext<CartbackApi | undefined>(undefined);

type Cart = Pick<CartSnapshot, 'items' | 'value' | 'count' | 'currency'>;

/**
 * cartback as the shop's cart store: the API to change the cart, and the cart itself, which
 * re-renders the component on every change (a click here, the saved cart loading, another tab).
 */
export function useCartback(): { cartback: CartbackApi; cart: Cart } {
  const cartback = useContext(CartbackContext);
  if (!cartback) throw new Error('useCartback() is used outside <App>.');
  const read = (): Cart => {
    const { items, value, count, currency } = cartback.cart;
    return { items, value, count, currency };
  };
  const [cart, setCart] = useState(read);
  useEffect(() => {
    setCart(read()); // a change between the first render and this effect
    return cartback.cart.subscribe(setCart);
  }, [cartback]);
  return { cartback, cart };
}
