import { type Logger } from '../logging';
import { type EvidenceCheck } from './store/port';

export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The daily check of the evidence archive (the store notifies the office of a broken chain): first a minute after
 * start, then every `everyMs`. Returns the function that stops it. The timers never keep the process alive.
 */
export function watchEvidence(check: () => Promise<EvidenceCheck>, log: Logger, everyMs = DAY_MS, firstAfterMs = 60_000): () => void {
  const run = () => {
    check().then(
      (r) => (r.ok ? log.info({ checked: r.checked }, 'evidence chain intact') : log.error({ broken: r.broken, checked: r.checked }, 'evidence chain broken')),
      (err: unknown) => log.error({ err }, 'evidence chain check failed'),
    );
  };
  const first = setTimeout(run, firstAfterMs);
  const daily = setInterval(run, everyMs);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
