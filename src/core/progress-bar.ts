// The ten-cell bar a text message draws for a figure's progress towards its target. Pure.

import { formatPercentVi } from './reporting-rates.js';

/** A ten-cell text progress bar with its percentage: 0.52 → '▓▓▓▓▓░░░░░ 52%'; over 100% shows a full bar. */
export function progressBar(ratio: number, width = 10): string {
  const clamped = Math.min(1, Math.max(0, ratio));
  const filled = Math.min(width, Math.floor(clamped * width + 1e-9));
  return `${'▓'.repeat(filled)}${'░'.repeat(width - filled)} ${formatPercentVi(ratio, 0)}`;
}
