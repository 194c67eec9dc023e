import type { CartbackApi } from 'cartback';
import { lazy, LocationProvider, Route, Router } from 'preact-iso';
import { CartPage } from './CartPage.js';
import { CataloguePage } from './CataloguePage.js';
import { Header } from './Header.js';
import { NotFoundPage } from './NotFoundPage.js';
import { ProductPage } from './ProductPage.js';
import { CartbackContext } from './useCartback.js';

// Most visits never reach the checkout: it is a chunk of its own.
const CheckoutPage = lazy(() => import('./CheckoutPage.js'));

/**
 * The shop. preact-iso's router turns same-origin link clicks into `history.pushState` and
 * follows `popstate` (back and forward): the page never unloads, and cartback tells these
 * route changes from the shopper leaving.
 */
export function App({ cartback }: { cartback: CartbackApi }) {
  return (
    <CartbackContext.Provider value={cartback}>
      <LocationProvider>
        <a class="skip-link" href="#main">
          Skip to content
        </a>
        <Header />
        <main id="main" class="container">
          <Router>
            <Route path="/" component={CataloguePage} />
            <Route path="/product/:id" component={ProductPage} />
            <Route path="/cart" component={CartPage} />
            <Route path="/checkout" component={CheckoutPage} />
            <Route default component={NotFoundPage} />
          </Router>
        </main>
        <footer class="site-footer">
          <div class="container site-footer__inner">
            <p>
              <strong>Fernhill Coffee Roasters</strong> · the single-page edition.
            </p>
            <p class="muted">A demo shop for cartback's npm package: nothing here is for sale. Cart events go to the reference collector.</p>
          </div>
        </footer>
      </LocationProvider>
    </CartbackContext.Provider>
  );
}
