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

const charts = new Map();

/** Draws or updates a chart.js chart (window.Chart, served from the collector's node_modules). */
function drawChart(id, config) {
  if (!window.Chart) return;
  const existing = charts.get(id);
  if (existing) {
    existing.data = config.data;
    existing.update('none');
  } else {
    charts.set(id, new window.Chart(document.getElementById(id), { ...config, options: { maintainAspectRatio: false, animation: false, ...config.options } }));
  }
}

function renderFunnel(funnel) {
  const revenue = Object.entries(funnel.recoveredRevenue).map(([currency, value]) => formatMoney(value, currency)).join(' + ') || '0';
  const steps = [
    ['Abandoned', funnel.abandoned],
    ['With an email', funnel.withEmail],
    ...funnel.emailed.map((count, step) => [`Email ${step + 1} sent`, count]),
    ['Link opened', funnel.clicked],
    ['Recovered orders', funnel.recoveredOrders],
  ];
  const list = document.getElementById('funnel');
  list.replaceChildren(
    ...[...steps, ['Recovered revenue', revenue]].map(([label, value]) => {
      const group = element('div');
      group.append(element('dt', label), element('dd', value));
      return group;
    }),
  );
  drawChart('funnel-chart', {
    type: 'bar',
    data: { labels: steps.map(([label]) => label), datasets: [{ label: 'Carts', data: steps.map(([, value]) => value) }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } } },
  });
  drawChart('daily-chart', {
    type: 'bar',
    data: {
      labels: funnel.daily.map((day) => day.day),
      datasets: [
        { label: 'Emails sent', data: funnel.daily.map((day) => day.sent) },
        { label: 'Links opened', data: funnel.daily.map((day) => day.clicked) },
        { label: 'Recovered orders', data: funnel.daily.map((day) => day.recovered) },
      ],
    },
  });
}

function renderEmails(emails) {
  const rows = emails.map((email) => {
    const tr = row([
      formatTime(email.dueAt),
      `${email.sequence === 'winback' ? 'Win-back' : 'Recovery'} ${email.step + 1}`,
      email.email,
      email.detail ? `${email.status} (${email.detail})` : email.status,
      email.sentAt ? formatTime(email.sentAt) : '',
      email.clickedAt ? formatTime(email.clickedAt) : '',
    ]);
    const cell = element('td');
    const link = element('a', 'Preview');
    link.href = `/api/email-preview?id=${encodeURIComponent(email.id)}`;
    link.target = '_blank';
    cell.append(link);
    tr.append(cell);
    return tr;
  });
  fillTable('emails', rows, 7, 'No recovery emails (start the collector with --config to send them).');
}

function renderWebhooks(webhooks) {
  const counts = Object.entries(webhooks.counts).map(([status, count]) => `${count} ${status}`).join(', ');
  document.getElementById('webhook-counts').textContent = counts ? `Deliveries: ${counts}.` : 'No webhook deliveries.';
  const rows = webhooks.failed.map((failure) =>
    row([formatTime(failure.created_at), failure.url, `${failure.event_type} ${failure.event_id}`, failure.attempts, failure.last_error]),
  );
  fillTable('webhooks', rows, 5, 'No failed deliveries.');
}

async function getJson(path) {
  const response = await fetch(path, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const [stats, carts, events, funnel, emails, webhooks] = await Promise.all([
      getJson('/api/stats'),
      getJson('/api/carts/abandoned?limit=20'),
      getJson('/api/events?limit=50'),
      getJson('/api/funnel'),
      getJson('/api/emails?limit=50'),
      getJson('/api/webhooks'),
    ]);
    renderStats(stats);
    renderFunnel(funnel);
    renderEmails(emails.emails);
    renderWebhooks(webhooks);
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
