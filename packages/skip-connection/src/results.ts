/** What a <skip-connection> run produces, shared by its modules. */
import type { PlainTensor, ResolvedBackend } from '@model-walkthroughs/core';
import type { DepthNorms } from './signal-propagation.js';

/** The two shortcuts of He et al. 2016: identity (Eq. 1) or projection (Eq. 2). */
export type Shortcut = 'projection' | 'identity';

export const SHORTCUTS: readonly Shortcut[] = ['projection', 'identity'];

/** The block's tensors from the last run, as the runtime returned them. */
export interface BlockTensors {
  /** The block's input: the stem's pool (projection) or layer1[0]'s output. */
  x: PlainTensor;
  /** F(x), the residual branch before the add. */
  residual: PlainTensor;
  /** W_s x for the projection shortcut, x itself for the identity. */
  shortcut: PlainTensor;
  /** relu(F(x) + shortcut). */
  output: PlainTensor;
  /** The channels drawn in every panel: the output's most energetic. */
  channels: number[];
  /** The backend that computed these tensors. */
  backend: ResolvedBackend;
}

/** Per-depth norms of both deep stacks for the figure's photo. */
export interface SignalPropagation {
  plain: DepthNorms;
  residual: DepthNorms;
  /** Step length ε of the probe x₀ ± εv; v has unit length. */
  epsilon: number;
}
