// The collector's dashboard. Every value comes from shoppers' browsers, so it is written
// with textContent only, never parsed as HTML.
const refreshEveryMs = 3000;

const statLabels = {
  events: 'Events',
  cartsTracked: 'Carts tracked',
  abandoned: 'Abandoned',
  pending: 'Pending',
  returned: 'Returned',
  recovered: 'Recovered',
};

// Abandoned and Pending differ only by the grace the SDK gives a shopper to come back.
const statHints = {
  abandoned: 'Carts whose latest abandonment is confirmed: its grace passed without a cancel.',
  pending: 'Carts whose abandonment is still in its grace: the shopper may yet come back.',
};

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function row(cells) {
  const tr = element('tr');
  for (const cell of cells) tr.append(element('td', cell ?? ''));
  return tr;
}

function fillTable(id, rows, columns, emptyText) {
  const body = document.getElementById(id);
  if (rows.length === 0) {
    const empty = element('td', emptyText, 'empty');
    empty.colSpan = columns;
    const tr = element('tr');
    tr.append(empty);
    body.replaceChildren(tr);
  } else {
    body.replaceChildren(...rows);
  }
}

function formatMoney(value, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}

function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

function renderStats(stats) {
  const list = document.getElementById('stats');
  list.replaceChildren(
    ...Object.entries(statLabels).map(([key, label]) => {
      const group = element('div');
      if (statHints[key]) group.title = statHints[key];
      group.append(element('dt', label), element('dd', stats[key]));
      return group;
    }),
  );
}

function renderCarts(carts) {
  const rows = carts.map((cart) =>
    row([
      formatTime(cart.abandonedAt),
      cart.cartId,
      cart.reason,
      cart.items.map((item) => `${item.quantity} × ${item.name}`).join(', '),
      formatMoney(cart.value, cart.currency),
      cart.returned ? 'yes' : 'no',
      cart.recovered ? 'yes' : 'no',
    ]),
  );
  fillTable('carts', rows, 7, 'No abandoned carts yet.');
}

function renderEvents(events) {
  const rows = events.map(({ receivedAt, event }) =>
    row([
      formatTime(receivedAt),
      event.type,
      event.userId ?? event.anonymousId,
      event.cart ? `${event.cart.count} item(s), ${formatMoney(event.cart.value, event.cart.currency)}` : '',
      event.page?.path,
    ]),
  );
  fillTable('events', rows, 5, 'No events yet. POST a batch to /events.');
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const [stats, carts, events] = await Promise.all([
      getJson('/api/stats'),
      getJson('/api/carts/abandoned?limit=20'),
      getJson('/api/events?limit=50'),
    ]);
    renderStats(stats);
    renderCarts(carts.carts);
    renderEvents(events.events);
    status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    status.textContent = `Could not refresh: ${error.message}`;
  }
}

// A module script runs after the document is parsed, so the elements exist.
refresh();
setInterval(refresh, refreshEveryMs);
