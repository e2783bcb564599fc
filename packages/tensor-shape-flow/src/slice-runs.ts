/** Which model slices a preset runs, and what it reads from each. */
import type { Preset } from './preset.js';

/** Whether any stage of the preset runs as a slice. */
export function runsSlices(preset: Preset): boolean {
  return preset.stages.some((s) => s.slices?.length);
}

/** The output names a preset reads from one slice, in stage order. */
export function sliceOutputs(preset: Preset, name: string): string[] {
  const names = preset.stages.flatMap((s) => s.slices ?? []).filter((r) => r.name === name);
  return [...new Set(names.map((r) => r.output))];
}
