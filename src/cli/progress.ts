import cliProgress from 'cli-progress';
import type { Progress } from '../orchestration/generate.js';

const BAR_WIDTH = 30;

/** 75 → "1m15s", 8.6 → "9s": short enough for one line. */
function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * The progress line: elements written, rate, time so far and — only when the total is known in
 * advance (a load from files) — a bar, the share done and an ETA. A generation run does not know
 * its total (population links are drawn as it goes), so it shows no bar rather than a false one.
 */
export function progressLine(progress: Progress): string {
  const rate = progress.elapsedMs > 0 ? (progress.elements / progress.elapsedMs) * 1000 : 0;
  const parts = [
    `${progress.elements.toLocaleString('en-US')} elements`,
    `${Math.round(rate).toLocaleString('en-US')} elements/s`,
    `${(progress.elapsedMs / 1000).toFixed(1)}s`,
  ];
  const total = progress.totalElements;
  if (total === undefined || total <= 0) return parts.join(' | ');
  const share = Math.min(1, progress.elements / total);
  const filled = Math.round(share * BAR_WIDTH);
  const bar = '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
  const eta = rate > 0 ? duration((total - progress.elements) / rate) : '?';
  return [`${bar} ${Math.floor(share * 100)}%`, ...parts, `ETA ${eta}`].join(' | ');
}

/** The stream the line is drawn on: stderr, or a fake terminal in a test. */
export type ProgressStream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * A live line on a terminal, redrawn in place by cli-progress. The whole line is ours
 * (`progressLine`): none of cli-progress's own placeholders, which would overwrite values we pass.
 */
export function createProgress(stream: ProgressStream = process.stderr) {
  const bar = new cliProgress.SingleBar({
    format: (_options, _params, payload: { line?: string }) => payload.line ?? '',
    stream,
    clearOnComplete: true,
    hideCursor: true,
  });
  let started = false;
  return {
    update(progress: Progress) {
      const payload = { line: progressLine(progress) };
      if (!started) {
        bar.start(progress.totalElements ?? 0, progress.elements, payload);
        started = true;
      } else bar.update(progress.elements, payload);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
