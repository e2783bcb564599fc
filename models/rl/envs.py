"""CartPole-v1 and Pendulum-v1, the Gymnasium equations in numpy.

Both classes are vectorised: they step B independent copies at once, as
arrays of shape [B, ...], in float64. Observations are handed out as
float32, as Gymnasium does. The same equations are implemented in
TypeScript by packages/environments; packages/slices-rl/data/
env-reference.json (written by `write_reference`) holds float64
trajectories both sides are tested against.

CartPole-v1: Barto, Sutton and Anderson (1983), as coded in Gymnasium's
classic_control/cartpole.py (Euler integration, "euler" integrator).
Pendulum-v1: Gymnasium's classic_control/pendulum.py.
"""

import math

import numpy as np

# ---------------------------------------------------------------- CartPole

CARTPOLE = {
    "gravity": 9.8,
    "masscart": 1.0,
    "masspole": 0.1,
    "length": 0.5,          # half the pole's length
    "forceMag": 10.0,
    "tau": 0.02,
    "xThreshold": 2.4,
    "thetaThresholdRadians": 12 * 2 * math.pi / 360,
    "maxSteps": 500,
    "resetRange": 0.05,
}


def cartpole_step_state(state, action, push_force=0.0):
    """One Euler step of the cart-pole. state [..., 4] float64.

    action 1 pushes right (+force_mag), 0 left; push_force (newtons) is
    added to the force for this step only.
    """
    c = CARTPOLE
    total_mass = c["masspole"] + c["masscart"]
    polemass_length = c["masspole"] * c["length"]
    x, x_dot, theta, theta_dot = (state[..., i] for i in range(4))
    force = np.where(np.asarray(action) == 1, c["forceMag"], -c["forceMag"])
    force = force + push_force
    costheta = np.cos(theta)
    sintheta = np.sin(theta)
    temp = (force + polemass_length * theta_dot ** 2 * sintheta) / total_mass
    thetaacc = (c["gravity"] * sintheta - costheta * temp) / (
        c["length"] * (4.0 / 3.0 - c["masspole"] * costheta ** 2 / total_mass))
    xacc = temp - polemass_length * thetaacc * costheta / total_mass
    x = x + c["tau"] * x_dot
    x_dot = x_dot + c["tau"] * xacc
    theta = theta + c["tau"] * theta_dot
    theta_dot = theta_dot + c["tau"] * thetaacc
    new = np.stack([x, x_dot, theta, theta_dot], axis=-1)
    terminated = ((x < -c["xThreshold"]) | (x > c["xThreshold"])
                  | (theta < -c["thetaThresholdRadians"])
                  | (theta > c["thetaThresholdRadians"]))
    return new, terminated


class CartPoleVec:
    """B copies of CartPole-v1 with automatic reset.

    reset() draws each state value from U(-0.05, 0.05) with the env's own
    numpy Generator (seeded once). step() returns (obs, reward, terminated,
    truncated, final_obs): obs is already the reset observation for copies
    that finished; final_obs is the last observation before that reset.
    Reward is 1 for every step, the terminating one included.
    """

    obs_dim = 4

    def __init__(self, num_envs, seed):
        self.num = num_envs
        self.rng = np.random.default_rng(seed)
        self.state = np.zeros((num_envs, 4))
        self.steps = np.zeros(num_envs, dtype=np.int64)
        self.ep_return = np.zeros(num_envs)
        self.finished_returns = []

    def _draw(self, n):
        r = CARTPOLE["resetRange"]
        return self.rng.uniform(-r, r, size=(n, 4))

    def reset(self):
        self.state = self._draw(self.num)
        self.steps[:] = 0
        self.ep_return[:] = 0
        return self.state.astype(np.float32)

    def step(self, actions, push_force=0.0):
        self.state, terminated = cartpole_step_state(
            self.state, actions, push_force)
        self.steps += 1
        reward = np.ones(self.num)
        self.ep_return += reward
        truncated = (self.steps >= CARTPOLE["maxSteps"]) & ~terminated
        final_obs = self.state.astype(np.float32)
        done = terminated | truncated
        if done.any():
            idx = np.nonzero(done)[0]
            self.finished_returns.extend(self.ep_return[idx].tolist())
            self.state[idx] = self._draw(len(idx))
            self.steps[idx] = 0
            self.ep_return[idx] = 0
        return (self.state.astype(np.float32), reward, terminated, truncated,
                final_obs)


# ---------------------------------------------------------------- Pendulum

PENDULUM = {
    "maxSpeed": 8.0,
    "maxTorque": 2.0,
    "dt": 0.05,
    "g": 10.0,
    "m": 1.0,
    "l": 1.0,
    "maxSteps": 200,
}


def angle_normalize(x):
    """Wrap to [-pi, pi) with a floor modulo (Python's %, not JS's %)."""
    return ((x + np.pi) % (2 * np.pi)) - np.pi


def pendulum_step_state(state, torque):
    """One step. state [..., 2] = (th, thdot) float64; torque [...]."""
    p = PENDULUM
    th, thdot = state[..., 0], state[..., 1]
    u = np.clip(np.asarray(torque, dtype=np.float64),
                -p["maxTorque"], p["maxTorque"])
    costs = angle_normalize(th) ** 2 + 0.1 * thdot ** 2 + 0.001 * u ** 2
    newthdot = thdot + (3 * p["g"] / (2 * p["l"]) * np.sin(th)
                        + 3.0 / (p["m"] * p["l"] ** 2) * u) * p["dt"]
    newthdot = np.clip(newthdot, -p["maxSpeed"], p["maxSpeed"])
    newth = th + newthdot * p["dt"]
    return np.stack([newth, newthdot], axis=-1), -costs


def pendulum_obs(state):
    th, thdot = state[..., 0], state[..., 1]
    return np.stack([np.cos(th), np.sin(th), thdot], axis=-1)


class PendulumVec:
    """B copies of Pendulum-v1 with automatic reset after 200 steps.

    reset() draws th ~ U(-pi, pi), thdot ~ U(-1, 1). Never terminated, only
    truncated. step() returns (obs, reward, terminated, truncated,
    final_obs) like CartPoleVec.
    """

    obs_dim = 3

    def __init__(self, num_envs, seed):
        self.num = num_envs
        self.rng = np.random.default_rng(seed)
        self.state = np.zeros((num_envs, 2))
        self.steps = np.zeros(num_envs, dtype=np.int64)
        self.ep_return = np.zeros(num_envs)
        self.finished_returns = []

    def _draw(self, n):
        return self.rng.uniform([-np.pi, -1.0], [np.pi, 1.0], size=(n, 2))

    def reset(self):
        self.state = self._draw(self.num)
        self.steps[:] = 0
        self.ep_return[:] = 0
        return pendulum_obs(self.state).astype(np.float32)

    def step(self, torque):
        self.state, reward = pendulum_step_state(
            self.state, np.reshape(torque, (self.num,)))
        self.steps += 1
        self.ep_return += reward
        terminated = np.zeros(self.num, dtype=bool)
        truncated = self.steps >= PENDULUM["maxSteps"]
        final_obs = pendulum_obs(self.state).astype(np.float32)
        if truncated.any():
            idx = np.nonzero(truncated)[0]
            self.finished_returns.extend(self.ep_return[idx].tolist())
            self.state[idx] = self._draw(len(idx))
            self.steps[idx] = 0
            self.ep_return[idx] = 0
        return (pendulum_obs(self.state).astype(np.float32), reward,
                terminated, truncated, final_obs)


# ------------------------------------------------------ reference trajectories

def _f32(v):
    """float32 values, written exactly (as the double equal to each)."""
    return [float(x) for x in np.asarray(v, np.float32)]


def _f64(v):
    return [float(repr(float(x))) for x in np.asarray(v, np.float64)]


def cartpole_trajectory(name, start, actions, push_forces=None):
    state = np.array(start, dtype=np.float64)
    push_forces = push_forces or [0.0] * len(actions)
    steps = []
    for t, (a, f) in enumerate(zip(actions, push_forces)):
        state, term = cartpole_step_state(state, a, f)
        steps.append({
            "step": t + 1,
            "action": int(a),
            "pushForce": float(f),
            "state": _f64(state),
            "observation": _f32(state),
            "reward": 1.0,
            "terminated": bool(term),
            "truncated": False,
        })
        if term:
            break
    return {"name": name, "start": _f64(start), "steps": steps}


def pendulum_trajectory(name, start, torques):
    state = np.array(start, dtype=np.float64)
    steps = []
    for t, u in enumerate(torques):
        state, reward = pendulum_step_state(state, u)
        steps.append({
            "step": t + 1,
            "torque": float(u),
            "state": _f64(state),
            "observation": _f32(pendulum_obs(state)),
            "reward": float(repr(float(reward))),
            "terminated": False,
            "truncated": False,
        })
    return {"name": name, "start": _f64(start),
            "startObservation": _f32(pendulum_obs(np.array(start))),
            "steps": steps}


def reference_trajectories():
    """Fixed starts and fixed actions, float64 throughout."""
    cart = [
        cartpole_trajectory("cartpole-alternating",
                            [0.01, -0.02, 0.03, 0.04],
                            [t % 2 for t in range(20)]),
        cartpole_trajectory("cartpole-push",
                            [0.0, 0.0, 0.0, 0.0],
                            [1 if t % 2 else 0 for t in range(20)],
                            [5.0 if t < 5 else (-3.0 if t < 10 else 0.0)
                             for t in range(20)]),
        # Always pushing right from a pole tilted left: terminates
        # (|theta| > 12 degrees) before 20 steps; the last step has
        # terminated true and reward 1.
        cartpole_trajectory("cartpole-terminates",
                            [0.0, 0.0, -0.1, -0.2], [1] * 20),
    ]
    pend = [
        pendulum_trajectory("pendulum-mixed-torques", [2.5, -0.5],
                            [2.0, -2.0, 0.5, 3.0, -2.5, 0.0, 1.0, -1.0, 1.5,
                             -0.25, 2.0, 2.0, -2.0, -2.0, 0.75, -0.75, 0.0,
                             0.3, -0.3, 1.9]),
        # Starts fast near the top: speed is clipped at 8 and the angle
        # leaves [-pi, pi) (angle_normalize uses a floor modulo).
        pendulum_trajectory("pendulum-fast-wrap", [3.0, 7.9], [2.0] * 20),
    ]
    return cart, pend


def write_reference(path):
    import json
    cart, pend = reference_trajectories()
    obj = {
        "about": ("Reference trajectories computed in float64 by "
                  "models/rl/envs.py (/usr/bin/python3 models/rl/envs.py). "
                  "`state` is the full float64 state after each step "
                  "(CartPole: x, x_dot, theta, theta_dot; Pendulum: th, "
                  "thdot, th not wrapped); `observation` is the float32 "
                  "observation, written exactly (Math.fround(v) === v). Rewards "
                  "are float64."),
        "tolerance": {"state": {"atol": 1e-12, "rtol": 1e-12},
                      "reward": {"atol": 1e-12, "rtol": 1e-12},
                      "observation": {"atol": 1e-6, "rtol": 0,
                                      "rule": "CartPole: Math.fround(state) "
                                              "equals the stored value "
                                              "exactly; Pendulum: within "
                                              "atol (Math.cos/Math.sin may "
                                              "differ from C's libm in the "
                                              "last bit)"}},
        "cartpole": {"constants": CARTPOLE, "trajectories": cart,
                     "notes": "action 1 pushes right with +forceMag, 0 left; "
                              "pushForce is added to the force of that step. "
                              "Terminated when |x| > 2.4 or |theta| > "
                              "12*2*pi/360; reward 1 on every step including "
                              "the terminating one."},
        "pendulum": {"constants": PENDULUM, "trajectories": pend,
                     "notes": "u = clip(torque, -2, 2); reward = "
                              "-(angle_normalize(th)^2 + 0.1*thdot^2 + "
                              "0.001*u^2) with the state before the step; "
                              "angle_normalize(x) = ((x + pi) mod 2pi) - pi "
                              "with a floor modulo: in JavaScript "
                              "a - b*Math.floor(a/b) or ((a % b) + b) % b, "
                              "not a bare %, which keeps the sign of a."},
    }
    text = json.dumps(obj, indent=1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    import os
    root = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    out = os.path.join(root, "packages", "slices-rl", "data",
                       "env-reference.json")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    write_reference(out)
    print("wrote", out)
