// The experiments page: one section per experiment, with its verdict, a chart of conversion per
// arm with its 95% interval (chart.js, loaded before this module runs), and the figures.
// Every value comes from the collector's API and is written with textContent only.
const refreshEveryMs = 10000;
const charts = new Map();

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

const percent = (x) => `${(x * 100).toFixed(1)}%`;
const signed = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}%`;
const money = (x) => x.toFixed(2);
const interval = ([low, high], format) => `${format(low)} – ${format(high)}`;

function table(result) {
  const head = ['Arm', 'Share', 'Visitors', 'Abandonments', 'Orders', 'Conversion (95% CI)', 'Revenue', 'Revenue per visitor (95% CI)', `Uplift per visitor vs ${result.baseline}`];
  const node = element('table');
  const tr = element('tr');
  for (const name of head) tr.append(element('th', name));
  node.append(element('thead'), element('tbody'));
  node.tHead.append(tr);
  for (const arm of result.arms) {
    const row = element('tr');
    const uplift = arm.revenueUplift ? `${signed(arm.revenueUplift.estimate)} (${interval([arm.revenueUplift.low, arm.revenueUplift.high], signed)})` : arm.arm === result.baseline ? 'baseline' : '–';
    for (const cell of [
      arm.arm,
      percent(arm.share),
      arm.visitors,
      arm.abandonments,
      arm.orders,
      `${percent(arm.conversionRate)} (${interval(arm.conversionInterval, percent)})`,
      money(arm.revenue),
      `${money(arm.revenuePerVisitor)} (${interval(arm.revenuePerVisitorInterval, money)})`,
      uplift,
    ])
      row.append(element('td', cell));
    node.tBodies[0].append(row);
  }
  return node;
}

function drawChart(canvas, result) {
  charts.get(result.id)?.destroy();
  const labels = result.arms.map((arm) => arm.arm);
  const chart = new window.Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          label: '95% interval',
          data: result.arms.map((arm) => arm.conversionInterval.map((x) => x * 100)),
          backgroundColor: 'rgba(37, 99, 235, 0.25)',
          borderColor: 'rgb(37, 99, 235)',
          borderWidth: 1,
          barPercentage: 0.4,
        },
        {
          type: 'line',
          label: 'Conversion',
          data: result.arms.map((arm) => arm.conversionRate * 100),
          showLine: false,
          pointRadius: 6,
          pointStyle: 'rectRot',
          backgroundColor: 'rgb(17, 24, 39)',
          borderColor: 'rgb(17, 24, 39)',
        },
      ],
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: 'Orders per exposed visitor (%)' } } },
      plugins: { legend: { position: 'bottom' } },
    },
  });
  charts.set(result.id, chart);
}

function section(result) {
  const node = element('section');
  node.dataset.experiment = result.id;
  node.append(element('h2', result.id));
  node.append(element('p', `${result.visitors} exposed visitors since ${new Date(result.firstExposure).toLocaleString()}.`, 'meta'));
  for (const line of result.verdict) node.append(element('p', line, line.startsWith('Warning') ? 'verdict warning' : 'verdict'));
  const box = element('div', undefined, 'chart');
  const canvas = element('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `Conversion per arm of ${result.id}, with 95% intervals`);
  box.append(canvas);
  node.append(box, table(result));
  const csv = element('a', 'Download CSV');
  csv.href = `/api/experiments/${encodeURIComponent(result.id)}?format=csv`;
  node.append(element('p'));
  node.lastChild.append(csv);
  return { node, canvas };
}

async function refresh() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('/api/experiments');
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { experiments } = await response.json();
    const main = document.getElementById('experiments');
    if (!experiments.length) main.replaceChildren(element('p', 'No exposures yet: configure experiments in cartback and wait for traffic.', 'empty'));
    else {
      const sections = experiments.map(section);
      main.replaceChildren(...sections.map((s) => s.node));
      sections.forEach((s, i) => drawChart(s.canvas, experiments[i]));
    }
    status.textContent = `Updated ${new Date().toLocaleTimeString()}`;
  } catch (error) {
    status.textContent = `Could not load the results (${error.message}); retrying.`;
  }
}

void refresh();
setInterval(refresh, refreshEveryMs);
