import { useLocation } from 'preact-iso';
import logo from '../../storefront/images/logo.svg';
import { useCartback } from './useCartback.js';

/** The shop's header: plain links, which the router turns into in-app navigations. */
export function Header() {
  const { path } = useLocation();
  const { cart } = useCartback();
  const current = (href: string) => (path == href ? 'page' : undefined);
  return (
    <header class="site-header">
      <div class="container site-header__inner">
        <a class="brand" href="/">
          <img src={logo} alt="" width={40} height={40} />
          <span class="brand__name">
            Fernhill <span class="brand__tag">Coffee Roasters</span>
          </span>
        </a>
        <nav class="site-nav" aria-label="Main">
          <a href="/" aria-current={current('/')}>
            Shop
          </a>
          <a href="/product/fernhill-espresso" aria-current={current('/product/fernhill-espresso')}>
            Espresso
          </a>
          <a class="cart-link" href="/cart" aria-current={current('/cart')}>
            <span>Cart</span>
            {cart.count > 0 && (
              <span class="cart-badge" data-cart-badge>
                <span data-cart-count>{cart.count}</span>
                <span class="visually-hidden"> items</span>
              </span>
            )}
          </a>
        </nav>
      </div>
    </header>
  );
}
