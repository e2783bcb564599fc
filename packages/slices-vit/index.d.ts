/** The slices this package ships. */
export type SliceName = 'vit-b16-embed' | 'vit-tiny-scenes';

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
  kind: 'seeded-init' | 'trained' | 'user-checkpoint';
  seed?: number;
  source: string;
  /** A plain-language sentence a figure can show. */
  note: string;
  /** True while the weights come from a short training run. */
  provisional?: boolean;
}

/** Normalisation: x = (pixel / 255 - mean[c]) / std[c] at size × size. */
export interface Preprocessing {
  size: number;
  mean: [number, number, number];
  std: [number, number, number];
  rule: string;
}

/** Fields every manifest of this package has. */
export interface ManifestBase {
  name: SliceName;
  /** File name of the graph, relative to the manifest. */
  file: string;
  sha256: string;
  bytes: number;
  /** Size of the .onnx after gzip -9. */
  gzipBytes: number;
  gzipNote: string;
  /** Values stored in the graph's initializers (all dtypes). */
  parameters: number;
  parametersNote: string;
  /** PyTorch's count of the module's parameters. */
  trainableParameters: number;
  /** 2 x multiply-adds of one call, see `flopsNote`. */
  flops: number;
  flopsNote: string;
  opset: number;
  operators: string[];
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  weights: Weights;
  preprocessing: Preprocessing;
  paper: string;
  golden: Golden;
}

/** ViT-B/16's patch embedding (seeded, int8 weights). */
export interface B16EmbedManifest extends ManifestBase {
  name: 'vit-b16-embed';
  initializerValues: { int8: number; float32: number };
  quantization: {
    scheme: string;
    /** The dequantized values are the model's weights. */
    weightsAreDequantized: true;
    convProjMaxAbsError: number;
    convProjRelativeL2Error: number;
    posEmbeddingMaxAbsError: number;
    posEmbeddingRelativeL2Error: number;
  };
  architecture: {
    model: 'ViT-B/16';
    image: 224;
    patch: 16;
    grid: 14;
    patches: 196;
    tokens: 197;
    dim: 768;
    channels: 3;
    description: string;
  };
  /** How a patch becomes a vector: index = c * 256 + y * 16 + x. */
  flattenOrder: { patch: string; vector: string; token: string };
}

/** One reading of where [CLS] attends, over the test scenes. */
export interface AttentionShare {
  what: string;
  /** Mean share of [CLS] patch attention on object patches. */
  clsMassOnObjectPatches: number;
  /** Mean share of patches that are object patches. */
  objectPatchShare: number;
  /** clsMassOnObjectPatches / objectPatchShare. */
  ratio: number;
  medianPerSceneRatio: number;
  /** Fraction of scenes whose mass exceeds their own patch share. */
  scenesAboveShare: number;
}

/** Reference outputs of one shipped scene PNG, computed from its pixels. */
export interface SceneReference {
  name: string;
  /** PNG file name, relative to the package's scenes/ folder. */
  file: string;
  /** The true class (one of `classes`). */
  label: string;
  generator: { seed: number; index: number };
  /** Patch indices p = row * 8 + col covered by the shape. */
  objectPatches: number[];
  /** softmax(logits), one per class. */
  probabilities: number[];
  /** The class with the highest probability. */
  predicted: string;
  /** attention[0, L-1, :, 0, 1 + p] averaged over heads, p = 0..63. */
  clsAttentionLastLayerMeanHeads: number[];
  /** The [CLS] row of the attention rollout over patches, p = 0..63. */
  clsAttentionRollout: number[];
}

/** The small ViT trained on generated scenes. */
export interface TinyScenesManifest extends ManifestBase {
  name: 'vit-tiny-scenes';
  architecture: {
    image: number;
    patch: number;
    grid: number;
    tokens: number;
    dim: number;
    depth: number;
    heads: number;
    mlp: number;
    classes: number;
    headDim: number;
    parameters: number;
    description: string;
    tokenOrder: string;
  };
  classes: string[];
  dataset: {
    description: string;
    generator: string;
    trainSeed: number;
    testSeed: number;
    objectPatchRule: string;
  };
  training: {
    seed: number;
    epochs: number;
    steps: number;
    trainImages: number;
    testImages: number;
    optimizer: Record<string, unknown> & { name: string; lr: number; batch: number };
    augmentation: string;
    init: string;
  };
  /** Top-1 accuracy on the test scenes, 0..1. */
  testAccuracy: number;
  attentionOnObjects: {
    scenes: number;
    objectPatchRule: string;
    measure: string;
    used: 'lastLayer' | 'rollout';
    minimumRatio: number;
    clsMassOnObjectPatches: number;
    objectPatchShare: number;
    lastLayer: AttentionShare;
    rollout: AttentionShare;
  };
  sceneTolerance: {
    probabilities: { atol: number };
    attention: { atol: number };
    rule: string;
  };
  scenes: SceneReference[];
}

export type SliceManifest = B16EmbedManifest | TinyScenesManifest;

export interface ManifestOf {
  'vit-b16-embed': B16EmbedManifest;
  'vit-tiny-scenes': TinyScenesManifest;
}

/** A shipped test scene. */
export interface Scene {
  readonly name: string;
  /** Absolute URL of the 64×64 PNG. */
  readonly url: string;
  /** The true class. */
  readonly label: string;
}

/** One training run of the data-size experiment. */
export interface DataSizeRun {
  model: 'vit' | 'cnn';
  /** Fraction of the full training set used. */
  fraction: number;
  trainImages: number;
  /** Top-1 accuracy on the test scenes, 0..1. */
  testAccuracy: number;
  seed: number;
}

/** data/data-size.json: test accuracy against training-set size. */
export interface DataSize {
  dataset: {
    description: string;
    imageSize: number;
    classes: string[];
    testImages: number;
    [key: string]: unknown;
  };
  models: {
    vit: { description: string; parameters: number };
    cnn: { description: string; parameters: number };
  };
  fractions: number[];
  runs: DataSizeRun[];
  [key: string]: unknown;
}

/** URLs of every slice, resolved against this module. */
export declare const slices: Slices;

/** The slice names, in a stable order. */
export declare const sliceNames: readonly SliceName[];

/** The eight shipped test scenes, in order. */
export declare const scenes: readonly Scene[];

/** URL of data/data-size.json. */
export declare const dataSizeUrl: string;

/** Fetch and parse one slice's manifest; `init` goes to fetch(). */
export declare function loadManifest<K extends SliceName>(
  name: K,
  init?: RequestInit,
): Promise<ManifestOf[K]>;

/** Fetch and parse data/data-size.json; `init` goes to fetch(). */
export declare function loadDataSize(init?: RequestInit): Promise<DataSize>;
