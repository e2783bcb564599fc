/** The slices this package ships. */
export type SliceName =
  | 'resnet50-stem'
  | 'bottleneck-projection'
  | 'bottleneck-identity'
  | 'deep-plain'
  | 'deep-residual';

/** Absolute URLs of one slice's ONNX graph and its manifest. */
export interface SliceUrls {
  readonly model: string;
  readonly manifest: string;
}

export type Slices = { readonly [K in SliceName]: SliceUrls };

export type DType = 'float32' | 'int64';

export interface TensorSpec {
  name: string;
  shape: number[];
  dtype: DType;
}

/** Golden statistics of one output for the golden input. */
export interface GoldenStats {
  shape: number[];
  sum: number;
  /** Sum of absolute values; the scale for the `sum` and `mean` tolerance. */
  l1: number;
  /** Square root of the sum of squares. */
  l2: number;
  mean: number;
  min: number;
  max: number;
  /** Values at fixed flat indices, see `golden.samplesRule`. */
  samples: Array<{ index: number; value: number }>;
}

export interface GoldenInput {
  name: string;
  shape: number[];
  /** The formula in words, over the flat NCHW index. */
  formula: string;
  /** The same formula as a JavaScript arrow function `(i) => number`. */
  js: string;
  index: string;
  /** "computed in float64, rounded to float32". */
  precision: string;
}

export interface GoldenTolerance {
  /** For samples, min and max: |got - want| <= atol * maxAbs + rtol * |want|. */
  values: { atol: number; rtol: number; rule: string };
  /** For l2 (scale l2), sum (scale l1) and mean (scale l1 / numel). */
  stats: { rtol: number; rule: string };
}

export interface Golden {
  input: GoldenInput;
  computedWith: string;
  samplesRule: string;
  tolerance: GoldenTolerance;
  outputs: Record<string, GoldenStats>;
}

export interface Weights {
  kind: 'seeded-init' | 'user-checkpoint';
  seed?: number;
  source: string;
  /** A plain-language sentence a figure can show. */
  note: string;
}

export interface BriefStats {
  l2: number;
  mean: number;
}

/** The cat photo through stem and projection block (bottleneck-projection). */
export interface ImageReference {
  image: string;
  preprocessing: string[];
  tolerance: { rtol: number };
  input: BriefStats;
  stem: { stem: BriefStats; pool: BriefStats };
  outputs: Record<string, BriefStats>;
}

/** Per-depth norms of the deep stacks (deep-plain, deep-residual). */
export interface DepthReference {
  what: string;
  epsilon: number;
  direction: { formula: string; index: string; l2: number };
  recipe: string;
  activationNorms: number[];
  jvpNorms: number[];
  jvpNormsExactFloat64: number[];
  finiteDifferenceMaxRelativeError: number;
  tolerance: { activationNorms: { rtol: number }; jvpNorms: { rtol: number } };
  init: string;
  torchvisionInitComparison: Record<
    'plain' | 'residual',
    { activationNorms: number[]; jvpNorms: number[] }
  >;
}

export interface SliceManifest {
  name: SliceName;
  /** File name of the graph, relative to the manifest. */
  file: string;
  sha256: string;
  bytes: number;
  /** float32 values stored in the graph's initializers. */
  parameters: number;
  parametersNote: string;
  /** PyTorch's count of trainable parameters of the same module. */
  trainableParameters: number;
  /** 2 x multiply-adds of the convolutions, one call. */
  flops: number;
  flopsNote: string;
  opset: number;
  operators: string[];
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  weights: Weights;
  architecture: string;
  paper: string;
  golden: Golden;
  imageReference?: ImageReference;
  reference?: DepthReference;
}

/** URLs of every slice, resolved against this module. */
export declare const slices: Slices;

/** The slice names, in a stable order. */
export declare const sliceNames: readonly SliceName[];

/** Fetch and parse one slice's manifest; `init` goes to fetch(). */
export declare function loadManifest(
  name: SliceName,
  init?: RequestInit,
): Promise<SliceManifest>;
