// The widget gallery (examples/gallery). One script for both pages, since they allow no
// inline script: on index.html it lays out a frame per preset, widget and locale; on
// preview.html it configures cartback from the query and opens one widget over a sample cart.
(function () {
  // `auto` (the default: the widget takes the page's look) and the presets of
  // packages/widget/src/theme/themes.ts (takeScreenshots.ts checks they match).
  var PRESETS = ['auto', 'light', 'dark', 'minimal', 'espresso'];
  // The stores `auto` is shown on (stores/<name>.css): the demo shop's look, a dark store, and
  // a store with a hostile stylesheet. The presets are shown on the first.
  var STORES = ['fernhill', 'night', 'hostile'];
  var LOCALES = ['en', 'de'];
  var WIDGETS = ['modal', 'banner'];

  if (document.currentScript.dataset.page == 'overview') whenParsed(showOverview);
  else startPreview();

  function showOverview() {
    var main = document.getElementById('gallery');
    PRESETS.forEach(function (preset) {
      var section = document.createElement('section');
      var heading = document.createElement('h2');
      heading.textContent = preset;
      var row = document.createElement('div');
      row.className = 'row';
      WIDGETS.forEach(function (widget) {
        (preset == 'auto' ? STORES : LOCALES).forEach(function (variant) {
          var query = preset == 'auto' ? { preset: preset, locale: 'en', widget: widget, store: variant } : { preset: preset, locale: variant, widget: widget };
          var url = 'preview.html?' + new URLSearchParams(query);
          var figure = document.createElement('figure');
          var caption = document.createElement('figcaption');
          var link = document.createElement('a');
          link.href = url;
          link.textContent = widget + ', ' + variant;
          caption.append(link);
          var frame = document.createElement('iframe');
          frame.src = url;
          frame.title = preset + ' ' + widget + ', ' + variant;
          frame.loading = 'lazy';
          figure.append(caption, frame);
          row.append(figure);
        });
      });
      section.append(heading, row);
      main.append(section);
    });
  }

  function startPreview() {
    var query = new URLSearchParams(location.search);
    var widget = query.get('widget') || 'modal';
    var config = {
      currency: 'EUR',
      locale: query.get('locale') || 'en',
      theme: query.get('preset') || 'auto',
      privacyUrl: '/privacy.html',
      debug: true,
      // A preview stores nothing and sends nothing: no endpoint, and no consent asked for.
      requireConsent: true,
      exitIntent: { enabled: false, collectEmail: true },
      offer: { code: 'WELCOME10', percentOff: 10 },
    };
    if (widget == 'banner') config.banner = { position: query.get('position') || 'bottom' };
    window.cartbackConfig = config;
    var items = [
      { id: 'ethiopia-guji', name: 'Ethiopia Guji', price: 14.5, quantity: 2, image: '/images/ethiopia-guji.svg' },
      { id: 'gooseneck-kettle', name: 'Gooseneck Kettle 0.8 L', price: 49.9, quantity: 1, image: '/images/gooseneck-kettle.svg' },
    ];
    // The store's own stylesheet, loaded before the widget reads the page (`auto`).
    var store = document.createElement('link');
    store.rel = 'stylesheet';
    store.href = '/stores/' + (query.get('store') || 'fernhill') + '.css';
    document.head.append(store);
    // Queued: runs once cartback.js has loaded and started, and the store's styles have.
    window.cartback = window.cartback || [];
    store.addEventListener('load', function () {
      window.cartback.push(showWidget);
    });
    function showWidget(api) {
      api.cart.set(items);
      var show = widget == 'banner' ? api.showBanner : api.showExitIntent;
      if (typeof show != 'function') return showNote('This build of cartback has no ' + widget + ' to show.');
      show.call(api).then(function () {
        document.documentElement.dataset.shown = widget; // for takeScreenshots.ts
      });
    }
  }

  function showNote(text) {
    whenParsed(function () {
      var note = document.getElementById('note');
      note.textContent = text;
      note.hidden = false;
      document.documentElement.dataset.shown = 'none';
    });
  }

  function whenParsed(fn) {
    if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', fn);
    else fn();
  }
})();
