"""SAC with automatic temperature on Pendulum-v1.

Soft Actor-Critic: Haarnoja, Zhou, Abbeel and Levine, 'Soft Actor-Critic:
Off-Policy Maximum Entropy Deep Reinforcement Learning with a Stochastic
Actor', ICML 2018, arXiv:1801.01290 (soft Q loss Eq. 5 with a target
network, reparameterised policy loss Eq. 12, tanh squashing and its
log-likelihood correction, Appendix C Eq. 21), and Haarnoja et al., 'Soft
Actor-Critic Algorithms and Applications', arXiv:1812.05905: twin
critics (the clipped double Q of TD3) and the automatic temperature
J(alpha) = E[-alpha (log pi(a|s) + target entropy)] (Sec. 5, Eq. 18),
with target entropy -|A| = -1.

The actor outputs the mean and log std of a Gaussian over u; the action
is a = 2 tanh(u), so
  log pi(a|s) = log N(u; mean, std) - log 2 - log(1 - tanh(u)^2).
For evaluation the action is deterministic: 2 tanh(mean).
"""

import copy
import math
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import common
import envs
from offpolicy import MAX_TORQUE, Replay, TwinCritics, eval_point, polyak

LOG_STD_MIN, LOG_STD_MAX = -20.0, 2.0

HYPER = {
    "gamma": 0.99,
    "tau": 0.005,
    "targetEntropy": -1.0,
    "initialAlpha": 1.0,
    "logStdClamp": [LOG_STD_MIN, LOG_STD_MAX],
    "randomStartSteps": 1000,
    "batchSize": 256,
    "actorLearningRate": 1e-3,
    "criticLearningRate": 1e-3,
    "alphaLearningRate": 1e-3,
    "replayCapacity": 100000,
    "hidden": [64, 64],
    "activation": "relu",
    "totalEnvSteps": 15000,
    "evalEvery": 1000,
    "evalEpisodes": 10,
    "updatesPerEnvStep": 1,
}


class Actor(nn.Module):
    """obs [N,3] -> mean [N,1], log_std [N,1] (clamped to [-20, 2])."""

    def __init__(self, hidden):
        super().__init__()
        self.body = common.mlp([3, *hidden], nn.ReLU)
        self.relu = nn.ReLU()
        self.mean = nn.Linear(hidden[-1], 1)
        self.log_std = nn.Linear(hidden[-1], 1)

    def forward(self, obs):
        h = self.relu(self.body(obs))
        log_std = torch.clamp(self.log_std(h), LOG_STD_MIN, LOG_STD_MAX)
        return self.mean(h), log_std

    def sample(self, obs, gen):
        """Reparameterised action and its log-likelihood (Eq. 21)."""
        mean, log_std = self(obs)
        std = log_std.exp()
        eps = torch.randn(mean.shape, generator=gen)
        u = mean + std * eps
        log_n = (-0.5 * eps ** 2 - log_std - 0.5 * math.log(2 * math.pi))
        # log(1 - tanh(u)^2) = 2 (log 2 - u - softplus(-2u)), stable form
        log_det = 2 * (math.log(2) - u - F.softplus(-2 * u))
        logp = (log_n - log_det - math.log(MAX_TORQUE)).sum(-1, keepdim=True)
        return MAX_TORQUE * torch.tanh(u), logp


def train(seed=0, total_steps=None, log=print, eval_seeds=None):
    hp = dict(HYPER)
    if total_steps:
        hp["totalEnvSteps"] = total_steps
    common.setup(seed)
    actor = Actor(hp["hidden"])
    critics = TwinCritics(hp["hidden"])
    critics_t = copy.deepcopy(critics)
    log_alpha = torch.tensor([math.log(hp["initialAlpha"])],
                             requires_grad=True)
    opt_a = torch.optim.Adam(actor.parameters(), lr=hp["actorLearningRate"])
    opt_c = torch.optim.Adam(critics.parameters(),
                             lr=hp["criticLearningRate"])
    opt_t = torch.optim.Adam([log_alpha], lr=hp["alphaLearningRate"])
    env = envs.PendulumVec(1, seed)
    buf = Replay(hp["replayCapacity"], 3, 1, seed + 1)
    rng = np.random.default_rng(seed + 2)
    gen = torch.Generator().manual_seed(seed + 3)
    gamma, tau = hp["gamma"], hp["tau"]
    eval_seeds = eval_seeds or list(range(2000, 2000 + hp["evalEpisodes"]))

    def act_det(obs):
        with torch.no_grad():
            mean, _ = actor(torch.from_numpy(obs))
        return (MAX_TORQUE * torch.tanh(mean)).numpy()[:, 0]

    curve, estimates = [], []
    last = {"alpha": hp["initialAlpha"], "entropy": None}
    obs = env.reset()
    t0 = time.time()

    def record(step):
        ret, disc, q1, q2 = eval_point(act_det, critics, eval_seeds, gamma)
        ent = last["entropy"]
        if ent is None:   # before any update: estimate on the first obs
            with torch.no_grad():
                _, lp = actor.sample(torch.from_numpy(obs), gen)
            ent = -lp.mean().item()
        curve.append({"envSteps": step, "meanReturn": common.rnd(ret.mean()),
                      "alpha": common.rnd(last["alpha"]),
                      "entropy": common.rnd(ent)})
        estimates.append({
            "envSteps": step,
            "q1": common.rnd(q1.mean()), "q2": common.rnd(q2.mean()),
            "minQ": common.rnd(np.minimum(q1, q2).mean()),
            "discountedReturn": common.rnd(disc.mean()),
        })
        log(f"sac step {step} return {ret.mean():.1f} alpha "
            f"{last['alpha']:.4f} entropy {ent:.3f} ({time.time() - t0:.0f} s)")

    record(0)
    for step in range(1, hp["totalEnvSteps"] + 1):
        if step <= hp["randomStartSteps"]:
            a = rng.uniform(-MAX_TORQUE, MAX_TORQUE, size=(1,))
        else:
            with torch.no_grad():
                a, _ = actor.sample(torch.from_numpy(obs), gen)
            a = a.numpy()[0]
        nobs, r, _, trunc, final_obs = env.step(a)
        buf.add(obs, a[None, :], r, final_obs)
        obs = nobs

        if step > hp["randomStartSteps"]:
            s, a_b, r_b, s2 = buf.sample(hp["batchSize"])
            alpha = log_alpha.exp().detach()
            with torch.no_grad():
                a2, logp2 = actor.sample(s2, gen)
                t1, t2 = critics_t(s2, a2)
                # soft target with the twin minimum
                y = r_b + gamma * (torch.min(t1, t2) - alpha * logp2)
            q1, q2 = critics(s, a_b)
            c_loss = ((q1 - y) ** 2).mean() + ((q2 - y) ** 2).mean()
            opt_c.zero_grad()
            c_loss.backward()
            opt_c.step()

            # policy: minimise E[alpha log pi(a|s) - min Q(s, a)] (Eq. 12)
            a_new, logp = actor.sample(s, gen)
            qn1, qn2 = critics(s, a_new)
            a_loss = (alpha * logp - torch.min(qn1, qn2)).mean()
            opt_a.zero_grad()
            a_loss.backward()
            opt_a.step()

            # temperature (arXiv:1812.05905, Eq. 18)
            t_loss = -(log_alpha * (logp.detach()
                                    + hp["targetEntropy"])).mean()
            opt_t.zero_grad()
            t_loss.backward()
            opt_t.step()

            polyak(critics_t, critics, tau)
            last["alpha"] = log_alpha.exp().item()
            last["entropy"] = -logp.mean().item()
        if step % hp["evalEvery"] == 0:
            record(step)

    training = {
        "algorithm": "SAC (twin critics, automatic temperature)",
        "environment": "Pendulum-v1",
        "seed": seed,
        "hyperparameters": hp,
        "curveRule": ("meanReturn: mean undiscounted return of "
                      "deterministic episodes (a = 2 tanh(mean)) from the "
                      "fixed starts of evalSeeds, every evalEvery steps; "
                      "alpha: the temperature after the latest update; "
                      "entropy: -mean log pi(a|s) of the actions sampled on "
                      "the latest update's batch (nats, of the squashed "
                      "action in N m)"),
        "criticEstimatesRule": ("as in td3-training.json: mean Q(s0, "
                                "2 tanh(mean(s0))) at the start states vs "
                                "the measured discounted return (soft Q "
                                "values also count the entropy bonus)"),
        "evalSeeds": eval_seeds,
        "wallSeconds": round(time.time() - t0, 1),
        "curve": curve,
        "criticEstimates": estimates,
    }
    return actor.eval(), critics.eval(), training


def evaluate(actor, seeds):
    def act(obs):
        with torch.no_grad():
            mean, _ = actor(torch.from_numpy(obs))
        return (MAX_TORQUE * torch.tanh(mean)).numpy()[:, 0]
    returns, _, _ = common.run_episodes("Pendulum-v1", act, seeds)
    return returns
