#!/usr/bin/env python3
"""Train PPO, TD3 and SAC here and export their actors and critics.

    /usr/bin/python3 models/rl/export_rl.py              # all three
    /usr/bin/python3 models/rl/export_rl.py --only ppo   # or td3, sac
    /usr/bin/python3 models/rl/export_rl.py --quick      # short runs

Writes packages/slices-rl/onnx/<slice>.onnx + <slice>.json and
packages/slices-rl/data/<algo>-training.json. Seeded, one thread: a rerun
writes the same files. The export fails if a policy misses its bar
(CartPole >= 475, Pendulum >= -200 over 20 episodes) unless --quick, which
marks the weights as provisional.
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))

import numpy as np  # noqa: E402
import torch  # noqa: E402

import common  # noqa: E402
import envs  # noqa: E402
import manifest as mf  # noqa: E402  (models/manifest.py)
import ppo  # noqa: E402
import sac  # noqa: E402
import td3  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(HERE))
PKG = os.path.join(ROOT, "packages", "slices-rl")
ONNX_DIR = os.path.join(PKG, "onnx")
DATA_DIR = os.path.join(PKG, "data")
SEED = 0
EVAL_SEEDS = list(range(1000, 1020))
SAMPLING_SEED = 7          # torch generator of PPO's sampled evaluation
QUICK_STEPS = {"ppo": 32768, "td3": 3000, "sac": 3000}
BAR = {"CartPole-v1": 475.0, "Pendulum-v1": -200.0}

PAPERS = {
    "ppo": ("Schulman, Wolski, Dhariwal, Radford and Klimov, 'Proximal "
            "Policy Optimization Algorithms', arXiv:1707.06347 (2017); "
            "advantages by Generalized Advantage Estimation, Schulman, "
            "Moritz, Levine, Jordan and Abbeel, arXiv:1506.02438 (2016)"),
    "td3": ("Fujimoto, van Hoof and Meger, 'Addressing Function "
            "Approximation Error in Actor-Critic Methods', ICML 2018, "
            "arXiv:1802.09477"),
    "sac": ("Haarnoja, Zhou, Abbeel and Levine, 'Soft Actor-Critic: "
            "Off-Policy Maximum Entropy Deep Reinforcement Learning with a "
            "Stochastic Actor', ICML 2018, arXiv:1801.01290; automatic "
            "temperature from Haarnoja et al., 'Soft Actor-Critic "
            "Algorithms and Applications', arXiv:1812.05905"),
}

ENVIRONMENTS = {
    "CartPole-v1": {
        "name": "CartPole-v1",
        "definition": ("Gymnasium CartPole-v1 equations (Euler, tau 0.02 s), "
                       "reimplemented in numpy in models/rl/envs.py and in "
                       "TypeScript in @model-walkthroughs/environments"),
        "constants": envs.CARTPOLE,
        "observation": ["x", "x_dot", "theta", "theta_dot"],
        "actions": {"0": "push left (-10 N)", "1": "push right (+10 N)"},
        "reward": "1 per step, including the terminating one",
        "episodeEnd": ("terminated when |x| > 2.4 or |theta| > 12 degrees; "
                       "truncated at 500 steps"),
    },
    "Pendulum-v1": {
        "name": "Pendulum-v1",
        "definition": ("Gymnasium Pendulum-v1 equations, reimplemented in "
                       "numpy in models/rl/envs.py and in TypeScript in "
                       "@model-walkthroughs/environments"),
        "constants": envs.PENDULUM,
        "observation": ["cos(theta)", "sin(theta)", "theta_dot"],
        "action": "torque in N m, clipped to [-2, 2]",
        "reward": ("-(angle_normalize(theta)^2 + 0.1 theta_dot^2 + "
                   "0.001 u^2)"),
        "episodeEnd": "never terminated; truncated at 200 steps",
    },
}

# Golden batches: listed here and in every manifest, float32.
CARTPOLE_OBS = [
    [0.0, 0.0, 0.0, 0.0],
    [0.02, -0.1, 0.03, 0.2],
    [-0.5, 0.3, -0.05, -0.4],
    [1.0, -0.5, 0.1, 0.5],
    [-1.5, 1.0, -0.15, 0.8],
    [0.1, 0.05, 0.18, -1.0],
    [2.0, -1.2, -0.19, 1.5],
    [-0.3, 0.0, 0.01, -0.05],
]
PENDULUM_TH = [-3.0, -2.2, -1.4, -0.6, 0.0, 0.6, 1.5, 2.8]
PENDULUM_THDOT = [0.0, 1.5, -3.0, 6.0, 0.0, -1.0, 4.5, -7.5]
PENDULUM_ACTIONS = [-2.0, -1.5, -0.75, 0.0, 0.5, 1.0, 1.8, 2.0]
GOLDEN_TOLERANCE = {
    "atol": 1e-5, "rtol": 1e-4,
    "rule": "|got - want| <= atol + rtol * |want| for every value",
}


def f32(rows):
    """Rows of float32 values, each written exactly (the double equal to
    it), so Math.fround(v) === v and a Float32Array gets the same bits."""
    a = np.asarray(rows, dtype=np.float32)
    return [[float(v) for v in row] for row in a.reshape(len(a), -1)]


def golden_inputs(env_name, with_action):
    if env_name == "CartPole-v1":
        obs = f32(CARTPOLE_OBS)
    else:
        th = np.array(PENDULUM_TH)
        obs = f32(np.stack([np.cos(th), np.sin(th),
                            np.array(PENDULUM_THDOT)], -1))
    out = {"obs": obs}
    if with_action:
        out["action"] = f32(np.array(PENDULUM_ACTIONS)[:, None])
    return out


def signature(model_bytes):
    """Inputs and outputs with the dynamic batch as the string 'N'."""
    import onnx
    m = onnx.load_from_string(model_bytes)
    onnx.checker.check_model(m)
    names = {onnx.TensorProto.FLOAT: "float32"}

    def sig(values):
        return [{
            "name": v.name,
            "shape": [d.dim_param if d.dim_param else d.dim_value
                      for d in v.type.tensor_type.shape.dim],
            "dtype": names[v.type.tensor_type.elem_type],
        } for v in values]

    init = {t.name for t in m.graph.initializer}
    params = sum(int(np.prod(t.dims)) for t in m.graph.initializer
                 if t.data_type == onnx.TensorProto.FLOAT)
    opset = [o.version for o in m.opset_import if o.domain in ("", "ai.onnx")]
    return {
        "parameters": params,
        "opset": opset[0],
        "operators": sorted({n.op_type for n in m.graph.node}),
        "inputs": sig([v for v in m.graph.input if v.name not in init]),
        "outputs": sig(m.graph.output),
    }


def export_slice(name, module, in_specs, out_names, env_name, info):
    """in_specs: [(input name, feature size)]. Returns (bytes, manifest)."""
    golden_in = golden_inputs(env_name, len(in_specs) == 2)
    tensors = [(n, torch.tensor(golden_in[n], dtype=torch.float32))
               for n, _ in in_specs]
    data = common.export_onnx(module, tensors, out_names)
    facts = signature(data)
    want_in = [{"name": n, "shape": ["N", d], "dtype": "float32"}
               for n, d in in_specs]
    if facts["inputs"] != want_in:
        raise AssertionError(f"{name}: inputs {facts['inputs']}")
    for o in facts["outputs"]:
        if o["shape"][0] != "N" or o["dtype"] != "float32":
            raise AssertionError(f"{name}: output {o}")
    if facts["opset"] != 17:
        raise AssertionError(f"{name}: opset {facts['opset']}")
    with torch.no_grad():
        outs = module(*[t for _, t in tensors])
    outs = outs if isinstance(outs, tuple) else (outs,)
    trainable = sum(p.numel() for p in module.parameters())
    if facts["parameters"] != trainable:
        raise AssertionError(f"{name}: {facts['parameters']} parameters "
                             f"in the file, {trainable} in PyTorch")
    return data, {
        "name": name,
        "file": f"{name}.onnx",
        "sha256": mf.sha256(data),
        "bytes": len(data),
        "parameters": facts["parameters"],
        "opset": facts["opset"],
        "operators": facts["operators"],
        "inputs": facts["inputs"],
        "outputs": facts["outputs"],
        "weights": info["weights"],
        "algorithm": info["algorithm"],
        "architecture": info["architecture"][name],
        "paper": info["paper"],
        "hyperparameters": info["hyperparameters"],
        "environment": ENVIRONMENTS[env_name],
        "evaluation": info["evaluation"],
        "trainingLog": info["trainingLog"],
        "golden": {
            "computedWith": "pytorch 1.13 float32 (CPU, one thread)",
            "inputs": {k: {"shape": [len(v), len(v[0])], "values": v}
                       for k, v in golden_in.items() if
                       k in [n for n, _ in in_specs]},
            "outputs": {n: {"shape": list(t.shape), "values": f32(t.numpy())}
                        for n, t in zip(out_names, outs)},
            "tolerance": GOLDEN_TOLERANCE,
        },
    }


def weights(algo, env_name, evaluation, quick, policy_words):
    upper = algo.upper()
    mean = evaluation["meanReturn"]
    note = (f"Trained here with {upper} on {env_name}, seed {SEED}; "
            f"{mean:.1f} average return over 20 episodes "
            f"({policy_words}).")
    if quick:
        note = ("Provisional weights from a short training run: "
                + note[0].lower() + note[1:])
    return {
        "kind": "trained",
        "seed": SEED,
        "source": (f"trained by models/rl/{algo}.py through "
                   f"models/rl/export_rl.py{' --quick' if quick else ''}, "
                   "no downloaded weights"),
        "provisional": quick,
        "note": note,
    }


def check_bar(env_name, evaluation, quick, algo):
    ok = evaluation["meanReturn"] >= BAR[env_name]
    print(f"{algo}: mean return {evaluation['meanReturn']} "
          f"({'meets' if ok else 'MISSES'} the bar {BAR[env_name]})")
    if not ok and not quick:
        raise SystemExit(f"{algo} missed the bar; nothing written")


def start_states_list(env_name):
    return f32(common.start_states(env_name, EVAL_SEEDS))


def run_ppo(quick, steps):
    actor, critic, log = ppo.train(SEED, steps or (QUICK_STEPS["ppo"]
                                                   if quick else None))
    r_s, r_g = ppo.evaluate(actor, EVAL_SEEDS, SAMPLING_SEED)
    sampled = common.summary(r_s, EVAL_SEEDS, (
        "actions sampled from the softmax probabilities, torch generator "
        f"seed {SAMPLING_SEED}"))
    greedy = common.summary(r_g, EVAL_SEEDS,
                            "greedy: the action with the larger logit")
    if sampled["meanReturn"] >= BAR["CartPole-v1"]:
        primary, words = sampled, "sampled actions"
    else:
        primary, words = greedy, "greedy actions"
    evaluation = dict(primary)
    evaluation["policyChoice"] = ("sampled if it meets the bar of 475, "
                                  "else greedy; both are recorded")
    evaluation["sampled"] = {k: sampled[k] for k in (
        "meanReturn", "stdReturn", "minReturn", "maxReturn", "returns",
        "policy")}
    evaluation["greedy"] = {k: greedy[k] for k in (
        "meanReturn", "stdReturn", "minReturn", "maxReturn", "returns",
        "policy")}
    evaluation["startStates"] = start_states_list("CartPole-v1")
    check_bar("CartPole-v1", evaluation, quick, "ppo")
    hidden = log["hyperparameters"]["hidden"]
    info = {
        "weights": weights("ppo", "CartPole-v1", evaluation, quick, words),
        "algorithm": "PPO (clipped surrogate objective) with GAE",
        "paper": PAPERS["ppo"],
        "hyperparameters": log["hyperparameters"],
        "evaluation": evaluation,
        "trainingLog": "../data/ppo-training.json",
        "architecture": {
            "ppo-actor": (f"MLP 4 -> {hidden[0]} -> {hidden[1]} -> 2 with "
                          "tanh; outputs the logits and their softmax "
                          "(action 0 = push left, 1 = push right)"),
            "ppo-critic": (f"MLP 4 -> {hidden[0]} -> {hidden[1]} -> 1 with "
                           "tanh; the state value V(s) used by GAE"),
        },
    }
    slices = [
        export_slice("ppo-actor", actor, [("obs", 4)], ["logits", "probs"],
                     "CartPole-v1", info),
        export_slice("ppo-critic", critic, [("obs", 4)], ["value"],
                     "CartPole-v1", info),
    ]
    return slices, log


def run_offpolicy(algo, quick, steps):
    module = td3 if algo == "td3" else sac
    actor, critics, log = module.train(
        SEED, steps or (QUICK_STEPS[algo] if quick else None))
    returns = module.evaluate(actor, EVAL_SEEDS)
    words = ("deterministic actions" if algo == "td3"
             else "deterministic actions 2 tanh(mean)")
    evaluation = common.summary(returns, EVAL_SEEDS, (
        "deterministic: the actor's action, no exploration noise"
        if algo == "td3" else
        "deterministic: a = 2 tanh(mean), no sampling"))
    evaluation["startStates"] = start_states_list("Pendulum-v1")
    check_bar("Pendulum-v1", evaluation, quick, algo)
    hidden = log["hyperparameters"]["hidden"]
    h = f"{hidden[0]} -> {hidden[1]}"
    arch = {
        "td3-actor": (f"MLP 3 -> {h} -> 1 with ReLU, then 2 tanh(.): the "
                      "deterministic torque in [-2, 2] N m"),
        "sac-actor": (f"MLP 3 -> {h} with ReLU, two linear heads: mean and "
                      "log_std (clamped to [-20, 2]) of the Gaussian over "
                      "the pre-tanh action u; action = 2 tanh(u)"),
    }
    crit = (f"two independent MLPs 4 -> {h} -> 1 with ReLU on the "
            "concatenation [obs, action]: q1 and q2")
    info = {
        "weights": weights(algo, "Pendulum-v1", evaluation, quick, words),
        "algorithm": log["algorithm"],
        "paper": PAPERS[algo],
        "hyperparameters": log["hyperparameters"],
        "evaluation": evaluation,
        "trainingLog": f"../data/{algo}-training.json",
        "architecture": {f"{algo}-actor": arch[f"{algo}-actor"],
                         f"{algo}-critics": crit},
    }
    outs = ["action"] if algo == "td3" else ["mean", "log_std"]
    slices = [
        export_slice(f"{algo}-actor", actor, [("obs", 3)], outs,
                     "Pendulum-v1", info),
        export_slice(f"{algo}-critics", critics, [("obs", 3), ("action", 1)],
                     ["q1", "q2"], "Pendulum-v1", info),
    ]
    return slices, log


def dump(v, indent=0):
    """JSON with every flat object or list of numbers on one line."""
    import json
    pad = " " * indent

    def flat(x):
        if isinstance(x, dict):
            return all(not isinstance(y, (dict, list)) or
                       (isinstance(y, list) and all(
                           not isinstance(z, (dict, list)) for z in y))
                       for y in x.values())
        if isinstance(x, list):
            return all(not isinstance(y, (dict, list)) for y in x)
        return True

    if flat(v):
        return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))
    if isinstance(v, dict):
        items = [f'{pad} {json.dumps(k)}: {dump(x, indent + 1).lstrip()}'
                 for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    items = [pad + " " + dump(x, indent + 1).lstrip() for x in v]
    return "[\n" + ",\n".join(items) + "\n" + pad + "]"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--only", action="append",
                    choices=["ppo", "td3", "sac"])
    ap.add_argument("--quick", action="store_true",
                    help="short runs; weights marked provisional")
    ap.add_argument("--steps", type=int, help="override total env steps")
    args = ap.parse_args()
    os.makedirs(ONNX_DIR, exist_ok=True)
    os.makedirs(DATA_DIR, exist_ok=True)
    for algo in args.only or ["ppo", "td3", "sac"]:
        t0 = time.time()
        if algo == "ppo":
            slices, log = run_ppo(args.quick, args.steps)
        else:
            slices, log = run_offpolicy(algo, args.quick, args.steps)
        seconds = log.pop("wallSeconds")
        for data, m in slices:
            with open(os.path.join(ONNX_DIR, m["file"]), "wb") as f:
                f.write(data)
            mf.write_json(os.path.join(ONNX_DIR, f"{m['name']}.json"), m)
            print(f"{m['name']}: {m['bytes']} bytes, {m['parameters']} "
                  f"parameters, ops {', '.join(m['operators'])}")
        log["provisional"] = args.quick
        path = os.path.join(DATA_DIR, f"{algo}-training.json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(dump(log) + "\n")
        print(f"{algo}: training {seconds:.0f} s, total "
              f"{time.time() - t0:.0f} s, log {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
