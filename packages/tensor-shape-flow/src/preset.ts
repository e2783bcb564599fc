/**
 * Architectures as data. A preset lists the stages an input passes through,
 * each as operators, a repeat count and the output shape the paper states;
 * `analysePreset()` walks the operators to infer every shape and count every
 * parameter, so a preset that disagrees with its own paper is caught by a
 * test rather than by a reader.
 *
 * Shapes are written the way papers draw them: H×W×C for feature maps,
 * N×D for token sequences (197×768 for ViT-B/16), D for a vector.
 */
import { resnet50 } from './presets/resnet50.js';
import { vitB16 } from './presets/vit-b16.js';

/** A 2-D convolution; `norm: 'batch'` adds BatchNorm (γ and β per channel). */
export interface ConvOperator {
  op: 'conv';
  kernel: number;
  out: number;
  /** Applies to the first repeat only, as in conv3_1, conv4_1, conv5_1. */
  stride?: number;
  /** Defaults to ⌊(kernel − 1) / 2⌋, the "same" padding of odd kernels. */
  padding?: number;
  bias?: boolean;
  norm?: 'batch';
}

export interface MaxPoolOperator {
  op: 'max-pool';
  kernel: number;
  stride: number;
  padding?: number;
}

/** Last axis → `out`, with weight and (by default) bias. */
export interface LinearOperator {
  op: 'linear';
  out: number;
  bias?: boolean;
}

/** Multi-head self-attention over tokens: Q, K, V and output projections. */
export interface AttentionOperator {
  op: 'attention';
  heads: number;
}

/** Transformer feed-forward: D → hidden → D, with biases. */
export interface MlpOperator {
  op: 'mlp';
  hidden: number;
  /** The non-linearity between the two layers, for the label only. */
  activation?: 'gelu' | 'relu';
}

/**
 * Operators without settings: `global-avg-pool` (H×W×C → 1×1×C),
 * `flatten-tokens` (H×W×C → HW×C), `flatten` (→ one vector), `cls-token`
 * (prepends a learned token), `position-embedding` (adds a learned N×D
 * table), `layer-norm`, `take-cls` (N×D → D, the CLS token), `softmax`.
 */
export interface PlainOperator {
  op:
    | 'global-avg-pool'
    | 'flatten-tokens'
    | 'flatten'
    | 'cls-token'
    | 'position-embedding'
    | 'layer-norm'
    | 'take-cls'
    | 'softmax';
}

export type Operator =
  ConvOperator | MaxPoolOperator | LinearOperator | AttentionOperator | MlpOperator | PlainOperator;

/** Shortcuts of a residual stage (He et al. 2016, Sec. 3.2 and 3.3). */
export interface ResidualSpec {
  /**
   * The first repeat's shortcut when the shape changes (option B): a 1×1
   * convolution. Without it every shortcut is the identity.
   */
  projection?: ConvOperator;
  /** Residual additions inside one repeat: 1 in a bottleneck, 2 in a transformer layer. */
  adds?: number;
  /**
   * Sub-blocks of one repeat that an identity shortcut goes around, by
   * operator index (inclusive): in a pre-norm transformer layer, LN and
   * attention, then LN and MLP (Dosovitskiy et al. 2021, Eq. 2 and 3).
   */
  around?: readonly Sublayer[];
}

/** Operators `from`..`to` of a repeat, with the shortcut added to their output. */
export interface Sublayer {
  from: number;
  to: number;
  /** The residual as an equation: "MSA(LN(z)) + z". */
  label: string;
}

/**
 * One call of a model slice that measures a stage. The slice's `input`
 * receives the tensor the previous stage produced (the image for the first
 * slice); consecutive runs with the same `name` share one inference.
 */
export interface SliceRun {
  name: string;
  input: string;
  output: string;
}

export interface Stage {
  /** Short id, also the `selected` attribute value: `conv2_x`. */
  id: string;
  /** The paper's name for it. */
  label: string;
  /** A few words: "bottleneck blocks", "encoder layers". */
  kind?: string;
  /** The operators of one repeat, in order. */
  ops: readonly Operator[];
  /** How many times the operators run: 3 blocks, 12 encoder layers. */
  repeat?: number;
  residual?: ResidualSpec;
  /** The output shape the paper states, H×W×C, N×D or D. */
  output: readonly number[];
  /** Slices that run this stage for real, in order; the last gives the shape. */
  slices?: readonly SliceRun[];
}

/** Where a slice's graph and manifest live. */
export interface SliceSource {
  model: string;
  manifest?: string;
}

export interface Preset {
  /** The `preset` attribute value. */
  id: string;
  /** "ResNet-50". */
  name: string;
  /** Where the shapes come from: "He et al. 2016, Table 1". */
  source: string;
  /** The input image, H×W×C. */
  input: readonly [number, number, number];
  stages: readonly Stage[];
  /** Slice names → URLs. */
  slices?: Readonly<Record<string, SliceSource>>;
  /** The slice a user's `src` replaces; its outputs are the contract. */
  userSlice?: string;
  /** Said when no manifest gives a weights note. */
  weightsNote?: string;
}

/** What the operators of a stage imply. */
export interface StageAnalysis {
  id: string;
  input: number[];
  /** The shape the operators produce; equals `stage.output` in a sound preset. */
  output: number[];
  params: number;
  /** Parameters of the first repeat alone (with its projection). */
  firstRepeatParams: number;
}

/** Walks every stage's operators: inferred shapes and parameter counts. */
export function analysePreset(preset: Preset): StageAnalysis[] {
  let shape: number[] = [...preset.input];
  return preset.stages.map((stage) => {
    const input = shape;
    let params = 0;
    let firstRepeatParams = 0;

    for (let r = 0; r < (stage.repeat ?? 1); r++) {
      const before = shape;
      let block = 0;
      for (const op of stage.ops) {
        const step = applyOperator(shape, op, r === 0);
        shape = step.shape;
        block += step.params;
      }
      if (r === 0 && stage.residual?.projection) {
        block += applyOperator(before, stage.residual.projection, true).params;
      }
      if (r === 0) firstRepeatParams = block;
      params += block;
    }
    return { id: stage.id, input, output: shape, params, firstRepeatParams };
  });
}

/** The shape after one operator and the parameters it holds. */
export function applyOperator(
  shape: readonly number[],
  op: Operator,
  first = true,
): { shape: number[]; params: number } {
  const last = shape[shape.length - 1]!;
  switch (op.op) {
    case 'conv': {
      const [h, w, c] = shape as [number, number, number];
      const stride = first ? (op.stride ?? 1) : 1;
      const pad = op.padding ?? Math.floor((op.kernel - 1) / 2);
      const size = (n: number) => Math.floor((n + 2 * pad - op.kernel) / stride) + 1;
      const params =
        op.kernel * op.kernel * c * op.out +
        (op.bias ? op.out : 0) +
        (op.norm === 'batch' ? 2 * op.out : 0);
      return { shape: [size(h), size(w), op.out], params };
    }
    case 'max-pool': {
      const [h, w, c] = shape as [number, number, number];
      const pad = op.padding ?? Math.floor((op.kernel - 1) / 2);
      const size = (n: number) => Math.floor((n + 2 * pad - op.kernel) / op.stride) + 1;
      return { shape: [size(h), size(w), c], params: 0 };
    }
    case 'global-avg-pool':
      return { shape: [1, 1, last], params: 0 };
    case 'flatten-tokens':
      return { shape: [shape[0]! * shape[1]!, last], params: 0 };
    case 'flatten':
      return { shape: [shape.reduce((a, b) => a * b, 1)], params: 0 };
    case 'linear':
      return {
        shape: [...shape.slice(0, -1), op.out],
        params: last * op.out + (op.bias === false ? 0 : op.out),
      };
    case 'cls-token':
      return { shape: [shape[0]! + 1, last], params: last };
    case 'position-embedding':
      return { shape: [...shape], params: shape[0]! * last };
    case 'layer-norm':
      return { shape: [...shape], params: 2 * last };
    // Q, K, V and the output projection: four D×D weights and four biases.
    case 'attention':
      return { shape: [...shape], params: 4 * last * last + 4 * last };
    case 'mlp':
      return { shape: [...shape], params: 2 * last * op.hidden + op.hidden + last };
    case 'take-cls':
      return { shape: [last], params: 0 };
    case 'softmax':
      return { shape: [...shape], params: 0 };
  }
}

/**
 * An operator in words close to the paper's: "3×3 conv, 128, stride 2".
 * With its input shape, attention and MLP say their widths too.
 */
export function describeOperator(op: Operator, first = true, input?: readonly number[]): string {
  const d = input?.[input.length - 1];
  switch (op.op) {
    case 'conv': {
      const stride = first && (op.stride ?? 1) > 1 ? `, stride ${op.stride}` : '';
      return `${op.kernel}×${op.kernel} conv, ${op.out}${stride}`;
    }
    case 'max-pool':
      return `${op.kernel}×${op.kernel} max pool, stride ${op.stride}`;
    case 'linear':
      return `fc ${op.out}`;
    case 'attention':
      return d
        ? `self-attention, ${op.heads} heads of ${d / op.heads}`
        : `self-attention, ${op.heads} heads`;
    case 'mlp': {
      const act = op.activation ? `, ${op.activation.toUpperCase()}` : '';
      return d ? `MLP ${d}→${op.hidden}→${d}${act}` : `MLP ${op.hidden}${act}`;
    }
    case 'flatten-tokens':
      return 'flatten to tokens';
    case 'cls-token':
      return 'prepend [CLS]';
    case 'position-embedding':
      return '+ position embeddings';
    case 'layer-norm':
      return 'LayerNorm';
    case 'take-cls':
      return 'take [CLS]';
    default:
      return op.op.replace(/-/g, ' ');
  }
}

/** Each operator of a stage described with the shape it receives. */
export function describeOps(ops: readonly Operator[], input: readonly number[]): string[] {
  let shape = [...input];
  return ops.map((op) => {
    const text = describeOperator(op, true, shape);
    shape = applyOperator(shape, op).shape;
    return text;
  });
}

/** A shape as papers write it: 56×56×256. */
export function formatShape(shape: readonly number[]): string {
  return shape.join('×');
}

/**
 * An NCHW (or N×tokens×D) runtime shape in the paper's order: the batch
 * axis dropped and channels moved last for feature maps.
 */
export function paperShape(dims: readonly number[]): number[] {
  const rest = dims[0] === 1 && dims.length > 1 ? dims.slice(1) : [...dims];
  if (rest.length !== 3) return rest;
  const [c, h, w] = rest as [number, number, number];
  return [h, w, c];
}

/** The registered presets by id; `registerPreset()` adds to it. */
export const presets = new Map<string, Preset>([
  [resnet50.id, resnet50],
  [vitB16.id, vitB16],
]);

/** Adds (or replaces) a preset; the `preset` attribute can then name it. */
export function registerPreset(preset: Preset): void {
  presets.set(preset.id, preset);
}
