"""TD3 on Pendulum-v1.

Twin Delayed Deep Deterministic policy gradient: Fujimoto, van Hoof and
Meger, 'Addressing Function Approximation Error in Actor-Critic Methods',
ICML 2018, arXiv:1802.09477, Algorithm 1:
- twin critics and the clipped double-Q target
  y = r + gamma * min(Q1', Q2')(s', a~)          (Sec. 4.1, Eq. 10)
- target policy smoothing a~ = clip(pi'(s') + clip(eps, -c, c), -2, 2),
  eps ~ N(0, sigma^2)                              (Sec. 5.3, Eq. 15)
- delayed policy and target updates every d = 2 critic updates (Sec. 5.2)
- Polyak averaging of the targets with tau = 0.005.
The paper's noise values (sigma = 0.2, c = 0.5) are for actions in
[-1, 1]; like the authors' code we multiply them by the action bound
(max torque 2), so sigma = 0.4 and c = 1.0 in newton-metres.
"""

import copy
import time

import numpy as np
import torch
import torch.nn as nn

import common
import envs
from offpolicy import MAX_TORQUE, Replay, TwinCritics, eval_point, polyak

HYPER = {
    "gamma": 0.99,
    "tau": 0.005,
    "policyNoise": 0.2,
    "noiseClip": 0.5,
    "noiseScale": ("policyNoise and noiseClip are for actions in [-1, 1] "
                   "as in the paper and are multiplied by the max torque 2: "
                   "sigma = 0.4, clip = 1.0 N m"),
    "policyDelay": 2,
    "explorationNoise": 0.1,
    "explorationNoiseNote": "Gaussian, sigma = 0.1 x 2 N m, then clipped",
    "randomStartSteps": 1000,
    "batchSize": 256,
    "actorLearningRate": 1e-3,
    "criticLearningRate": 1e-3,
    "replayCapacity": 100000,
    "hidden": [64, 64],
    "activation": "relu",
    "totalEnvSteps": 20000,
    "evalEvery": 1000,
    "evalEpisodes": 10,
    "updatesPerEnvStep": 1,
}


class Actor(nn.Module):
    """obs [N,3] -> action [N,1] = 2 tanh(MLP(obs))."""

    def __init__(self, hidden):
        super().__init__()
        self.net = common.mlp([3, *hidden, 1], nn.ReLU)

    def forward(self, obs):
        return MAX_TORQUE * torch.tanh(self.net(obs))


def train(seed=0, total_steps=None, log=print, eval_seeds=None):
    hp = dict(HYPER)
    if total_steps:
        hp["totalEnvSteps"] = total_steps
    common.setup(seed)
    actor = Actor(hp["hidden"])
    critics = TwinCritics(hp["hidden"])
    actor_t, critics_t = copy.deepcopy(actor), copy.deepcopy(critics)
    opt_a = torch.optim.Adam(actor.parameters(), lr=hp["actorLearningRate"])
    opt_c = torch.optim.Adam(critics.parameters(),
                             lr=hp["criticLearningRate"])
    env = envs.PendulumVec(1, seed)
    buf = Replay(hp["replayCapacity"], 3, 1, seed + 1)
    rng = np.random.default_rng(seed + 2)
    gen = torch.Generator().manual_seed(seed + 3)
    gamma, tau = hp["gamma"], hp["tau"]
    sigma = hp["policyNoise"] * MAX_TORQUE
    c = hp["noiseClip"] * MAX_TORQUE
    eval_seeds = eval_seeds or list(range(2000, 2000 + hp["evalEpisodes"]))

    def act(obs):
        with torch.no_grad():
            return actor(torch.from_numpy(obs)).numpy()[:, 0]

    curve, estimates, updates = [], [], []
    n_updates = 0
    obs = env.reset()
    t0 = time.time()

    def record(step):
        ret, disc, q1, q2 = eval_point(act, critics, eval_seeds, gamma)
        curve.append({"envSteps": step, "meanReturn": common.rnd(ret.mean())})
        estimates.append({
            "envSteps": step,
            "q1": common.rnd(q1.mean()), "q2": common.rnd(q2.mean()),
            "minQ": common.rnd(np.minimum(q1, q2).mean()),
            "discountedReturn": common.rnd(disc.mean()),
        })
        log(f"td3 step {step} return {ret.mean():.1f} q1 {q1.mean():.1f} "
            f"disc {disc.mean():.1f} ({time.time() - t0:.0f} s)")

    record(0)
    for step in range(1, hp["totalEnvSteps"] + 1):
        if step <= hp["randomStartSteps"]:
            a = rng.uniform(-MAX_TORQUE, MAX_TORQUE, size=(1,))
        else:
            a = act(obs) + rng.normal(0, hp["explorationNoise"] * MAX_TORQUE,
                                      size=(1,))
            a = np.clip(a, -MAX_TORQUE, MAX_TORQUE)
        nobs, r, _, trunc, final_obs = env.step(a)
        buf.add(obs, a[:, None], r, final_obs)
        obs = nobs

        if step > hp["randomStartSteps"]:
            n_updates += 1
            s, a_b, r_b, s2 = buf.sample(hp["batchSize"])
            with torch.no_grad():
                # target policy smoothing (Eq. 15)
                noise = (torch.randn(a_b.shape, generator=gen) * sigma
                         ).clamp(-c, c)
                a2 = (actor_t(s2) + noise).clamp(-MAX_TORQUE, MAX_TORQUE)
                t1, t2 = critics_t(s2, a2)
                y = r_b + gamma * torch.min(t1, t2)      # clipped double Q
            q1, q2 = critics(s, a_b)
            c_loss = ((q1 - y) ** 2).mean() + ((q2 - y) ** 2).mean()
            opt_c.zero_grad()
            c_loss.backward()
            opt_c.step()
            actor_updated = n_updates % hp["policyDelay"] == 0
            a_loss = None
            if actor_updated:
                # deterministic policy gradient through Q1 only
                a_loss = -critics(s, actor(s))[0].mean()
                opt_a.zero_grad()
                a_loss.backward()
                opt_a.step()
                polyak(actor_t, actor, tau)
                polyak(critics_t, critics, tau)
            if n_updates <= 40:
                u = {"update": n_updates, "envSteps": step,
                     "criticUpdated": True, "actorUpdated": actor_updated,
                     "targetsUpdated": actor_updated,
                     "criticLoss": common.rnd(c_loss.item(), 4)}
                if a_loss is not None:
                    u["actorLoss"] = common.rnd(a_loss.item(), 4)
                updates.append(u)
        if step % hp["evalEvery"] == 0:
            record(step)

    training = {
        "algorithm": "TD3",
        "environment": "Pendulum-v1",
        "seed": seed,
        "hyperparameters": hp,
        "curveRule": ("mean undiscounted return of deterministic episodes "
                      "(no exploration noise) from the fixed starts of "
                      "evalSeeds, every evalEvery environment steps"),
        "criticEstimatesRule": ("q1, q2, minQ: the critics' mean estimate "
                                "Q(s0, pi(s0)) over the start states of "
                                "those episodes; discountedReturn: the mean "
                                "measured sum of gamma^t r_t of the same "
                                "episodes (200 steps, so it ignores the "
                                "gamma^200 ~ 0.13 tail the critic also "
                                "counts)"),
        "evalSeeds": eval_seeds,
        "wallSeconds": round(time.time() - t0, 1),
        "curve": curve,
        "criticEstimates": estimates,
        "updates": updates,
    }
    return actor.eval(), critics.eval(), training


def evaluate(actor, seeds):
    def act(obs):
        with torch.no_grad():
            return actor(torch.from_numpy(obs)).numpy()[:, 0]
    returns, _, _ = common.run_episodes("Pendulum-v1", act, seeds)
    return returns
