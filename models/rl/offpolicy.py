"""Pieces TD3 and SAC share: replay buffer, twin critics, Polyak update,
and the periodic evaluation on Pendulum-v1."""

import numpy as np
import torch
import torch.nn as nn

import common

MAX_TORQUE = 2.0


class Replay:
    """Uniform replay of (s, a, r, s'). Pendulum never terminates, and a
    cut at the 200-step limit is bootstrapped, so no done flag is kept."""

    def __init__(self, capacity, obs_dim, act_dim, seed):
        self.s = np.zeros((capacity, obs_dim), np.float32)
        self.a = np.zeros((capacity, act_dim), np.float32)
        self.r = np.zeros((capacity, 1), np.float32)
        self.s2 = np.zeros((capacity, obs_dim), np.float32)
        self.n, self.cap = 0, capacity
        self.rng = np.random.default_rng(seed)

    def add(self, s, a, r, s2):
        k = len(s)
        idx = (np.arange(k) + self.n) % self.cap
        self.s[idx], self.a[idx], self.r[idx, 0], self.s2[idx] = s, a, r, s2
        self.n += k

    def sample(self, batch):
        idx = self.rng.integers(0, min(self.n, self.cap), size=batch)
        return (torch.from_numpy(self.s[idx]), torch.from_numpy(self.a[idx]),
                torch.from_numpy(self.r[idx]), torch.from_numpy(self.s2[idx]))


class TwinCritics(nn.Module):
    """(obs [N,3], action [N,1]) -> q1 [N,1], q2 [N,1]; two independent
    MLPs on the concatenation [obs, action]."""

    def __init__(self, hidden, obs_dim=3, act_dim=1):
        super().__init__()
        self.q1 = common.mlp([obs_dim + act_dim, *hidden, 1], nn.ReLU)
        self.q2 = common.mlp([obs_dim + act_dim, *hidden, 1], nn.ReLU)

    def forward(self, obs, action):
        x = torch.cat([obs, action], dim=-1)
        return self.q1(x), self.q2(x)


@torch.no_grad()
def polyak(target, source, tau):
    """theta' <- tau theta + (1 - tau) theta'."""
    for tp, p in zip(target.parameters(), source.parameters()):
        tp.mul_(1 - tau).add_(p, alpha=tau)


def eval_point(act_fn, critics, seeds, gamma):
    """Deterministic episodes from fixed starts: undiscounted returns,
    measured discounted returns, and the critics' estimates Q(s0, pi(s0))
    at the start states."""
    returns, disc, _ = common.run_episodes("Pendulum-v1", act_fn, seeds,
                                           gamma=gamma)
    import envs
    s0 = envs.pendulum_obs(common.start_states("Pendulum-v1", seeds))
    s0 = torch.from_numpy(s0.astype(np.float32))
    with torch.no_grad():
        a0 = torch.from_numpy(act_fn(s0.numpy()).reshape(-1, 1)
                              .astype(np.float32))
        q1, q2 = critics(s0, a0)
    return returns, disc, q1[:, 0].numpy(), q2[:, 0].numpy()
