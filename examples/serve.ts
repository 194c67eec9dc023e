// `npm start`: the demo storefront on http://127.0.0.1:4173, the collector on :4174 and the
// single-page shop on :4175. Override with PORT / COLLECTOR_PORT / SPA_PORT (and HOST).
import { startDemo } from './startDemo';

const port = readPort('PORT', 4173);
const collectorPort = readPort('COLLECTOR_PORT', 4174);
const spaPort = readPort('SPA_PORT', 4175);
const host = process.env.HOST || '127.0.0.1';

try {
  const demo = await startDemo({ port, collectorPort, spaPort, host });
  console.log(
    [
      '',
      '  cartback demo is running',
      '',
      `  Shop                 ${demo.shopUrl}/`,
      `  Single-page shop     ${demo.spaUrl}/   (Preact + cartback from npm)`,
      `  Collector dashboard  ${demo.collectorUrl}/`,
      `  Events endpoint      ${demo.endpoint}`,
      '',
      '  Add something to the cart, then move the pointer out through the top of the window:',
      '  the "really leave?" modal shows your cart. Close the tab: the dashboard shows the',
      '  abandonment as pending, and as abandoned 30 s later (returnGrace); reopen the shop before',
      '  and it is cancelled (a reload is not leaving), after and the shop sends cart_returned. In',
      '  the single-page shop, moving between its routes sends nothing of it.',
      '',
      '  Recovery emails, with DEMO DELAYS (20 s / 40 s / 60 s for 1 h / 24 h / 72 h): on the cart page,',
      '  fill "Email me this cart", tick the marketing box, close the tab. The emails go to a local',
      '  mail catcher (logged here); the dashboard lists them with a preview, and the restore link',
      '  refills the cart in any browser. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const stop = () => {
    demo.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    console.error(`[cartback demo] A port is already in use (${(error as Error).message}). Set PORT=…, COLLECTOR_PORT=… or SPA_PORT=… to pick others.`);
  } else {
    console.error(`[cartback demo] ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(1);
}

function readPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`[cartback demo] ${name} must be a port number between 0 and 65535 (got "${raw}").`);
    process.exit(1);
  }
  return value;
}
