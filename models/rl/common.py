"""Helpers shared by the PPO, TD3 and SAC trainers and the export.

Seeding, small MLPs, batched evaluation episodes with fixed reset seeds,
compact numbers for the training logs, and the ONNX export with a dynamic
batch dimension N.
"""

import io
import math
import os
import random

import numpy as np
import torch
import torch.nn as nn

import envs

HERE = os.path.dirname(os.path.abspath(__file__))


def setup(seed):
    """One thread, deterministic kernels, every generator seeded."""
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    torch.manual_seed(seed)
    np.random.seed(seed)
    random.seed(seed)


def mlp(sizes, act):
    """Linear layers with `act` between them (none after the last)."""
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            layers.append(act())
    return nn.Sequential(*layers)


def rnd(v, digits=5):
    """A float with `digits` significant digits, for compact JSON logs."""
    v = float(v)
    if v == 0.0 or not math.isfinite(v):
        return 0.0 if v == 0.0 else v
    return float(f"{v:.{digits}g}")


# ------------------------------------------------------------- evaluation

def start_states(env_name, seeds):
    """The start state of each evaluation episode: reset seed s draws it
    with numpy.random.default_rng(s), exactly as envs.*Vec._draw does."""
    out = []
    for s in seeds:
        rng = np.random.default_rng(s)
        if env_name == "CartPole-v1":
            r = envs.CARTPOLE["resetRange"]
            out.append(rng.uniform(-r, r, size=4))
        else:
            out.append(rng.uniform([-np.pi, -1.0], [np.pi, 1.0]))
    return np.array(out)


def run_episodes(env_name, policy, seeds, gamma=None):
    """Run one episode per seed, all at once, until each ends.

    policy(obs float32 [B, d]) -> actions [B] (CartPole: 0/1; Pendulum:
    torque). Returns (returns, discounted returns or None, lengths).
    """
    state = start_states(env_name, seeds)
    b = len(seeds)
    alive = np.ones(b, dtype=bool)
    ret = np.zeros(b)
    disc = np.zeros(b)
    length = np.zeros(b, dtype=np.int64)
    if env_name == "CartPole-v1":
        max_steps = envs.CARTPOLE["maxSteps"]
    else:
        max_steps = envs.PENDULUM["maxSteps"]
    for t in range(max_steps):
        if env_name == "CartPole-v1":
            obs = state.astype(np.float32)
            a = policy(obs)
            new, term = envs.cartpole_step_state(state, a)
            r = np.ones(b)
        else:
            obs = envs.pendulum_obs(state).astype(np.float32)
            a = policy(obs)
            new, r = envs.pendulum_step_state(state, np.reshape(a, (b,)))
            term = np.zeros(b, dtype=bool)
        ret += r * alive
        if gamma is not None:
            disc += (gamma ** t) * r * alive
        length += alive
        state = np.where(alive[:, None], new, state)
        alive &= ~term
        if not alive.any():
            break
    return ret, (disc if gamma is not None else None), length


def summary(returns, seeds, policy_words):
    r = np.asarray(returns, dtype=np.float64)
    return {
        "episodes": int(len(r)),
        "meanReturn": rnd(r.mean(), 6),
        "stdReturn": rnd(r.std(), 6),
        "minReturn": rnd(r.min(), 6),
        "maxReturn": rnd(r.max(), 6),
        "seed": int(seeds[0]),
        "seeds": [int(s) for s in seeds],
        "seedRule": ("episode i starts from the state drawn by "
                     "numpy.random.default_rng(seeds[i]) as in "
                     "models/rl/envs.py; the start states are listed in "
                     "startStates"),
        "policy": policy_words,
        "returns": [rnd(x, 6) for x in r],
    }


# ------------------------------------------------------------------ export

def export_onnx(module, inputs, output_names):
    """ONNX bytes, opset 17, every input and output batch-dynamic (N)."""
    module.eval()
    names = [n for n, _ in inputs]
    axes = {n: {0: "N"} for n in names + list(output_names)}
    buf = io.BytesIO()
    with torch.no_grad():
        torch.onnx.export(
            module, tuple(t for _, t in inputs), buf,
            input_names=names, output_names=list(output_names),
            dynamic_axes=axes, opset_version=17, do_constant_folding=True)
    return buf.getvalue()
