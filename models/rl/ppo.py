"""PPO with GAE on CartPole-v1.

Proximal Policy Optimization: Schulman, Wolski, Dhariwal, Radford and
Klimov, 'Proximal Policy Optimization Algorithms', arXiv:1707.06347 (2017):
the clipped surrogate objective L^CLIP (Eq. 7), a value-function loss and
an entropy bonus (Eq. 9), K epochs of minibatch Adam on each batch of
N x T steps collected by N parallel actors (Algorithm 1).
Generalized Advantage Estimation: Schulman, Moritz, Levine, Jordan and
Abbeel, 'High-Dimensional Continuous Control Using Generalized Advantage
Estimation', arXiv:1506.02438 (2016), Eq. 16, cut at the end of each
rollout as in PPO's Eqs. 11-12.

Actor and critic are separate 64-64 tanh MLPs. The actor gives two logits
(action 0 = push left, 1 = push right) and samples from their softmax.
"""

import time

import numpy as np
import torch
import torch.nn as nn

import common
import envs

HYPER = {
    # The tuned CartPole-v1 values of the rl-baselines3-zoo (8 actors x 32
    # steps, 20 epochs of one 256-sample minibatch, lr 1e-3 annealed,
    # gamma 0.98, lambda 0.8); the entropy bonus of Eq. 9 is kept.
    "gamma": 0.98,
    "lambda": 0.8,
    "clipEpsilon": 0.2,
    "numEnvs": 8,
    "stepsPerEnv": 32,
    "epochs": 20,
    "minibatches": 1,
    "learningRate": 1e-3,
    "learningRateSchedule": "linear to 0 over training",
    "adamEpsilon": 1e-5,
    "valueCoefficient": 0.5,
    "entropyCoefficient": 0.01,
    "maxGradNorm": 0.5,
    "gradClipping": "global norm per network (actor, critic)",
    "advantageNormalization": "per minibatch (mean 0, std 1)",
    "hidden": [64, 64],
    "activation": "tanh",
    "totalEnvSteps": 102400,
    "truncationBootstrap": ("at the 500-step time limit the last reward "
                            "gets + gamma * V(final observation), since "
                            "the episode was cut, not ended"),
}


class Actor(nn.Module):
    """obs [N,4] -> logits [N,2], probs [N,2]."""

    def __init__(self, hidden):
        super().__init__()
        self.net = common.mlp([4, *hidden, 2], nn.Tanh)

    def forward(self, obs):
        logits = self.net(obs)
        return logits, torch.softmax(logits, dim=-1)


class Critic(nn.Module):
    """obs [N,4] -> value [N,1]."""

    def __init__(self, hidden):
        super().__init__()
        self.net = common.mlp([4, *hidden, 1], nn.Tanh)

    def forward(self, obs):
        return self.net(obs)


def init_layers(module, last_gain):
    """Orthogonal init (gain sqrt 2, last layer `last_gain`), zero bias,
    as in the PPO baselines implementation."""
    linears = [m for m in module.modules() if isinstance(m, nn.Linear)]
    for i, lin in enumerate(linears):
        gain = last_gain if i == len(linears) - 1 else np.sqrt(2)
        nn.init.orthogonal_(lin.weight, gain)
        nn.init.zeros_(lin.bias)


def train(seed=0, total_steps=None, log=print):
    hp = dict(HYPER)
    if total_steps:
        hp["totalEnvSteps"] = total_steps
    common.setup(seed)
    actor, critic = Actor(hp["hidden"]), Critic(hp["hidden"])
    init_layers(actor, 0.01)
    init_layers(critic, 1.0)
    params = list(actor.parameters()) + list(critic.parameters())
    opt = torch.optim.Adam(params, lr=hp["learningRate"],
                           eps=hp["adamEpsilon"])

    n_env, n_t = hp["numEnvs"], hp["stepsPerEnv"]
    batch = n_env * n_t
    mb = batch // hp["minibatches"]
    iterations = hp["totalEnvSteps"] // batch
    env = envs.CartPoleVec(n_env, seed)
    obs = env.reset()
    gen = torch.Generator().manual_seed(seed)
    eps = hp["clipEpsilon"]

    records, ratio_batch, pending_ratio = [], None, None
    recent = []
    t0 = time.time()
    for it in range(1, iterations + 1):
        frac = 1.0 - (it - 1) / iterations
        for g in opt.param_groups:
            g["lr"] = frac * hp["learningRate"]

        # ---- rollout: T steps of N actors (Algorithm 1)
        b_obs = np.zeros((n_t, n_env, 4), np.float32)
        b_act = np.zeros((n_t, n_env), np.int64)
        b_logp = np.zeros((n_t, n_env), np.float32)
        b_val = np.zeros((n_t, n_env), np.float32)
        b_rew = np.zeros((n_t, n_env), np.float32)
        b_done = np.zeros((n_t, n_env), np.float32)
        n_before = len(env.finished_returns)
        for t in range(n_t):
            with torch.no_grad():
                o = torch.from_numpy(obs)
                logits, _ = actor(o)
                dist = torch.distributions.Categorical(logits=logits)
                u = torch.rand(n_env, generator=gen)
                # inverse-CDF sampling with our own generator
                a = (u[:, None] > torch.cumsum(dist.probs, -1)[:, :1]).long()[:, 0]
                v = critic(o)[:, 0]
            b_obs[t], b_act[t] = obs, a.numpy()
            b_logp[t] = dist.log_prob(a).numpy()
            b_val[t] = v.numpy()
            obs, rew, term, trunc, final_obs = env.step(a.numpy())
            rew = rew.astype(np.float32)
            if trunc.any():
                with torch.no_grad():
                    fv = critic(torch.from_numpy(final_obs))[:, 0].numpy()
                rew = rew + hp["gamma"] * fv * trunc
            b_rew[t] = rew
            b_done[t] = term | trunc
        recent.extend(env.finished_returns[n_before:])
        recent = recent[-20:]

        # ---- GAE (arXiv:1506.02438, Eq. 16), truncated at the rollout
        with torch.no_grad():
            next_v = critic(torch.from_numpy(obs))[:, 0].numpy()
        adv = np.zeros((n_t, n_env), np.float32)
        last = np.zeros(n_env, np.float32)
        for t in reversed(range(n_t)):
            nv = next_v if t == n_t - 1 else b_val[t + 1]
            nonterminal = 1.0 - b_done[t]
            delta = b_rew[t] + hp["gamma"] * nv * nonterminal - b_val[t]
            last = delta + hp["gamma"] * hp["lambda"] * nonterminal * last
            adv[t] = last
        ret = adv + b_val

        f_obs = torch.from_numpy(b_obs.reshape(batch, 4))
        f_act = torch.from_numpy(b_act.reshape(batch))
        f_logp = torch.from_numpy(b_logp.reshape(batch))
        f_adv = torch.from_numpy(adv.reshape(batch))
        f_ret = torch.from_numpy(ret.reshape(batch))

        # ---- K epochs of minibatch updates
        stats = {"clip": [], "kl": [], "ent": [], "vl": []}
        want_ratios = ratio_batch is None and it >= iterations // 2
        for epoch in range(hp["epochs"]):
            perm = torch.randperm(batch, generator=gen)
            for k in range(hp["minibatches"]):
                idx = perm[k * mb:(k + 1) * mb]
                logits, _ = actor(f_obs[idx])
                dist = torch.distributions.Categorical(logits=logits)
                new_logp = dist.log_prob(f_act[idx])
                log_ratio = new_logp - f_logp[idx]
                ratio = log_ratio.exp()
                a_mb = f_adv[idx]
                a_mb = (a_mb - a_mb.mean()) / (a_mb.std() + 1e-8)
                # L^CLIP (arXiv:1707.06347, Eq. 7), maximised
                surr = torch.min(ratio * a_mb,
                                 torch.clamp(ratio, 1 - eps, 1 + eps) * a_mb)
                v = critic(f_obs[idx])[:, 0]
                v_loss = ((v - f_ret[idx]) ** 2).mean()
                ent = dist.entropy().mean()
                # Eq. 9: maximise L^CLIP - c1 L^VF + c2 S
                loss = (-surr.mean() + hp["valueCoefficient"] * v_loss
                        - hp["entropyCoefficient"] * ent)
                opt.zero_grad()
                loss.backward()
                # Clipped per network: with separate actor and critic, one
                # global norm would let the critic's large value-loss
                # gradients shrink the actor's steps to nothing.
                nn.utils.clip_grad_norm_(actor.parameters(), hp["maxGradNorm"])
                nn.utils.clip_grad_norm_(critic.parameters(), hp["maxGradNorm"])
                opt.step()
                with torch.no_grad():
                    outside = ((ratio - 1).abs() > eps).float().mean()
                    stats["clip"].append(outside.item())
                    stats["kl"].append(((ratio - 1) - log_ratio).mean().item())
                    stats["ent"].append(ent.item())
                    stats["vl"].append(v_loss.item())
                if (want_ratios and epoch == hp["epochs"] - 1 and k == 0):
                    # The first minibatch of the last epoch, from the
                    # middle iteration on; kept once some ratio left
                    # [1 - eps, 1 + eps] (else the middle one stays).
                    r = ratio.detach().numpy()
                    clipped = bool(((r < 1 - eps) | (r > 1 + eps)).any())
                    if clipped or pending_ratio is None:
                        pending_ratio = {
                            "iteration": it,
                            "epoch": epoch + 1,
                            "epochs": hp["epochs"],
                            "clipEpsilon": eps,
                            "note": ("one real minibatch of the last update "
                                     "epoch: the probability ratio "
                                     "pi_new(a|s)/pi_old(a|s) after the "
                                     "earlier epochs moved the policy, and "
                                     "the normalised GAE advantage used in "
                                     "the loss"),
                            "samples": [
                                {"ratio": common.rnd(x), "advantage":
                                 common.rnd(y)}
                                for x, y in zip(r, a_mb.detach().numpy())],
                            "clipFraction": common.rnd(outside.item()),
                        }
                    if clipped:
                        ratio_batch = pending_ratio

        rec = {
            "iteration": it,
            "envSteps": it * batch,
            "meanReturn": common.rnd(np.mean(recent)) if recent else None,
            "clipFraction": common.rnd(np.mean(stats["clip"]), 4),
            "approxKl": common.rnd(np.mean(stats["kl"]), 4),
            "entropy": common.rnd(np.mean(stats["ent"]), 4),
            "valueLoss": common.rnd(np.mean(stats["vl"]), 4),
        }
        records.append(rec)
        if it % 25 == 0 or it == iterations:
            log(f"ppo it {it}/{iterations} steps {it * batch} "
                f"return {rec['meanReturn']} clip {rec['clipFraction']} "
                f"kl {rec['approxKl']} ent {rec['entropy']} "
                f"({time.time() - t0:.0f} s)")

    # meanReturn is null only before any episode finished; fill from the
    # first finished one so the curve has a number at every iteration.
    first = next((r["meanReturn"] for r in records
                  if r["meanReturn"] is not None), 0.0)
    for r in records:
        if r["meanReturn"] is None:
            r["meanReturn"] = first
    training = {
        "algorithm": "PPO (clipped surrogate) with GAE",
        "environment": "CartPole-v1",
        "seed": seed,
        "hyperparameters": hp,
        "meanReturnRule": ("mean undiscounted return of the last 20 "
                           "training episodes finished by the end of the "
                           "iteration's rollout (sampled actions)"),
        "statsRule": ("clipFraction (share of samples with |ratio - 1| > "
                      "clipEpsilon), approxKl (mean of (ratio - 1) - log "
                      "ratio), entropy and valueLoss are means over every "
                      "minibatch of every epoch of the iteration"),
        "wallSeconds": round(time.time() - t0, 1),
        "iterations": records,
        "ratioBatch": ratio_batch or pending_ratio,
    }
    return actor.eval(), critic.eval(), training


def evaluate(actor, seeds, seed):
    """20 episodes sampled from the policy and 20 greedy (argmax)."""
    gen = torch.Generator().manual_seed(seed)

    def sampled(obs):
        with torch.no_grad():
            _, p = actor(torch.from_numpy(obs))
        u = torch.rand(len(obs), generator=gen)
        return (u[:, None] > p[:, :1]).long()[:, 0].numpy()

    def greedy(obs):
        with torch.no_grad():
            logits, _ = actor(torch.from_numpy(obs))
        return logits.argmax(-1).numpy()

    r_s, _, _ = common.run_episodes("CartPole-v1", sampled, seeds)
    r_g, _, _ = common.run_episodes("CartPole-v1", greedy, seeds)
    return r_s, r_g
