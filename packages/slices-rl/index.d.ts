/** The slices this package ships. */
export type SliceName =
  | 'ppo-actor'
  | 'ppo-critic'
  | 'td3-actor'
  | 'td3-critics'
  | 'sac-actor'
  | 'sac-critics';

export type Algorithm = 'ppo' | 'td3' | 'sac';

/** Absolute URLs of one slice's ONNX graph and its manifest. */
export interface SliceUrls {
  readonly model: string;
  readonly manifest: string;
}

export type Slices = { readonly [K in SliceName]: SliceUrls };
export type Logs = { readonly [K in Algorithm]: string };

/** Shape with the dynamic batch dimension as the string 'N'. */
export interface TensorSpec {
  name: string;
  shape: Array<number | 'N'>;
  dtype: 'float32';
}

export interface Weights {
  kind: 'trained';
  seed: number;
  source: string;
  /** True for weights from a short `--quick` run. */
  provisional: boolean;
  /** A plain-language sentence a figure can show. */
  note: string;
}

export interface ReturnSummary {
  meanReturn: number;
  stdReturn: number;
  minReturn: number;
  maxReturn: number;
  /** Undiscounted return of each episode, in seed order. */
  returns: number[];
  /** How actions were chosen. */
  policy: string;
}

export interface Evaluation extends ReturnSummary {
  episodes: 20;
  /** Reset seed of the first episode; episode i uses seeds[i]. */
  seed: number;
  seeds: number[];
  seedRule: string;
  /** The float64 start state of each episode, rounded to float32. */
  startStates: number[][];
  /** PPO only: why `policy` was chosen, and both variants. */
  policyChoice?: string;
  sampled?: ReturnSummary;
  greedy?: ReturnSummary;
}

export interface GoldenTensor {
  /** [8, features] */
  shape: number[];
  /** Row-major rows, float32 values. */
  values: number[][];
}

export interface Golden {
  computedWith: string;
  /** The fixed batch fed to the slice, by input name. */
  inputs: Record<string, GoldenTensor>;
  outputs: Record<string, GoldenTensor>;
  /** |got - want| <= atol + rtol * |want| for every value. */
  tolerance: { atol: number; rtol: number; rule: string };
}

export interface Environment {
  name: 'CartPole-v1' | 'Pendulum-v1';
  definition: string;
  constants: Record<string, number>;
  observation: string[];
  reward: string;
  episodeEnd: string;
  actions?: Record<string, string>;
  action?: string;
}

export interface SliceManifest {
  name: SliceName;
  /** File name of the graph, relative to the manifest. */
  file: string;
  sha256: string;
  bytes: number;
  /** float32 values stored in the graph's initializers. */
  parameters: number;
  opset: number;
  operators: string[];
  inputs: TensorSpec[];
  outputs: TensorSpec[];
  weights: Weights;
  algorithm: string;
  architecture: string;
  paper: string;
  hyperparameters: Record<string, unknown>;
  environment: Environment;
  evaluation: Evaluation;
  /** The training log, relative to the manifest. */
  trainingLog: string;
  golden: Golden;
}

export interface PpoIteration {
  iteration: number;
  envSteps: number;
  meanReturn: number;
  clipFraction: number;
  approxKl: number;
  entropy: number;
  valueLoss: number;
}

export interface PpoLog {
  algorithm: string;
  environment: 'CartPole-v1';
  seed: number;
  provisional: boolean;
  hyperparameters: { gamma: number; lambda: number; clipEpsilon: number } & Record<
    string,
    unknown
  >;
  meanReturnRule: string;
  statsRule: string;
  iterations: PpoIteration[];
  ratioBatch: {
    iteration: number;
    /** 1-based epoch of the update the minibatch comes from. */
    epoch: number;
    epochs: number;
    clipEpsilon: number;
    note: string;
    samples: Array<{ ratio: number; advantage: number }>;
    clipFraction: number;
  };
}

export interface CriticEstimate {
  envSteps: number;
  q1: number;
  q2: number;
  minQ: number;
  discountedReturn: number;
}

export interface Td3Log {
  algorithm: string;
  environment: 'Pendulum-v1';
  seed: number;
  provisional: boolean;
  hyperparameters: {
    gamma: number;
    tau: number;
    policyNoise: number;
    noiseClip: number;
    policyDelay: number;
  } & Record<string, unknown>;
  curveRule: string;
  criticEstimatesRule: string;
  evalSeeds: number[];
  curve: Array<{ envSteps: number; meanReturn: number }>;
  criticEstimates: CriticEstimate[];
  updates: Array<{
    update: number;
    envSteps: number;
    criticUpdated: true;
    actorUpdated: boolean;
    targetsUpdated: boolean;
    criticLoss: number;
    /** Present when the actor was updated. */
    actorLoss?: number;
  }>;
}

export interface SacLog {
  algorithm: string;
  environment: 'Pendulum-v1';
  seed: number;
  provisional: boolean;
  hyperparameters: { gamma: number; tau: number; targetEntropy: number; initialAlpha: number } & Record<
    string,
    unknown
  >;
  curveRule: string;
  criticEstimatesRule: string;
  evalSeeds: number[];
  curve: Array<{ envSteps: number; meanReturn: number; alpha: number; entropy: number }>;
  criticEstimates: CriticEstimate[];
}

export interface TrainingLogs {
  ppo: PpoLog;
  td3: Td3Log;
  sac: SacLog;
}

/** URLs of every slice, resolved against this module. */
export declare const slices: Slices;

/** The slice names, in a stable order. */
export declare const sliceNames: readonly SliceName[];

/** URLs of data/<algo>-training.json. */
export declare const logs: Logs;

/** URL of data/env-reference.json (float64 trajectories of models/rl/envs.py). */
export declare const envReference: string;

/** Fetch and parse one slice's manifest; `init` goes to fetch(). */
export declare function loadManifest(name: SliceName, init?: RequestInit): Promise<SliceManifest>;

/** Fetch and parse one algorithm's training log; `init` goes to fetch(). */
export declare function loadLog<A extends Algorithm>(
  algo: A,
  init?: RequestInit,
): Promise<TrainingLogs[A]>;
