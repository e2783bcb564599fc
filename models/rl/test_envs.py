"""envs.py against steps computed by hand, and the committed reference.

    /usr/bin/python3 models/rl/test_envs.py
"""

import json
import math
import os
import sys
import unittest

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import envs  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
REFERENCE = os.path.join(ROOT, "packages", "slices-rl", "data",
                         "env-reference.json")


class CartPoleByHand(unittest.TestCase):
    def test_push_right_from_rest(self):
        # theta = 0: sin 0 = 0, cos 0 = 1, total mass 1.1, m_p l = 0.05.
        # temp = 10 / 1.1 = 100/11
        # thetaacc = (0 - 100/11) / (0.5 (4/3 - 0.1/1.1)) = -(100/11)(66/41)
        #          = -600/41
        # xacc = 100/11 + 0.05 (600/41) / 1.1 = 4400/451
        # Euler: x' = 0, x_dot' = 0.02 xacc = 88/451,
        #        theta' = 0, theta_dot' = 0.02 thetaacc = -12/41
        s, term = envs.cartpole_step_state(np.zeros(4), 1)
        np.testing.assert_allclose(s, [0, 88 / 451, 0, -12 / 41],
                                   rtol=1e-14, atol=1e-16)
        self.assertFalse(term)

    def test_push_left_is_the_mirror(self):
        s, _ = envs.cartpole_step_state(np.zeros(4), 0)
        np.testing.assert_allclose(s, [0, -88 / 451, 0, 12 / 41], rtol=1e-14)

    def test_push_force_adds_to_the_action(self):
        # action 1 (+10 N) with pushForce -10 N: no force, nothing moves.
        s, _ = envs.cartpole_step_state(np.zeros(4), 1, -10.0)
        np.testing.assert_allclose(s, np.zeros(4), atol=1e-17)
        # action 0 (-10 N) with +30 N = +20 N: twice the first test.
        s, _ = envs.cartpole_step_state(np.zeros(4), 0, 30.0)
        np.testing.assert_allclose(s, [0, 176 / 451, 0, -24 / 41],
                                   rtol=1e-14)

    def test_positions_integrate_the_old_velocities(self):
        # Euler as in gym: x += tau x_dot with the velocity before the step.
        s, _ = envs.cartpole_step_state(np.array([0.0, 1.0, 0.0, 2.0]), 1)
        self.assertAlmostEqual(s[0], 0.02, places=15)
        self.assertAlmostEqual(s[2], 0.04, places=15)

    def test_termination_thresholds(self):
        limit = 12 * 2 * math.pi / 360
        # x moves by 0.02 * x_dot, theta by 0.02 * theta_dot
        for state, want in [([2.39, 1.0, 0, 0], True),     # x -> 2.41
                            ([2.37, 1.0, 0, 0], False),    # x -> 2.39
                            ([0, 0, limit - 0.001, 0.1], True),
                            ([0, 0, -limit + 0.003, -0.1], False),
                            ([-2.39, -1.0, 0, 0], True)]:
            _, term = envs.cartpole_step_state(np.array(state, float), 1)
            self.assertEqual(bool(term), want, state)

    def test_vector_env_rewards_resets_and_truncation(self):
        env = envs.CartPoleVec(2, seed=3)
        obs = env.reset()
        self.assertEqual(obs.dtype, np.float32)
        self.assertTrue((np.abs(obs) <= 0.05).all())
        # Always push right: the pole falls, every step rewards 1, the
        # copy resets itself; the finished return is the episode length.
        lengths = []
        for t in range(1, 100):
            obs, r, term, trunc, final = env.step(np.array([1, 1]))
            self.assertTrue((r == 1).all())
            if term.any():
                i = int(np.argmax(term))
                lengths.append(t)
                self.assertTrue((np.abs(obs[i]) <= 0.05).all())
                self.assertTrue(abs(final[i, 2]) > 0.2094
                                or abs(final[i, 0]) > 2.4)
                break
        self.assertEqual(env.finished_returns[0], lengths[0])
        self.assertEqual(env.steps[i], 0)
        # Truncation at 500 steps, not terminated.
        env = envs.CartPoleVec(1, seed=0)
        env.reset()
        env.state[:] = 0
        env.steps[:] = 499
        _, _, term, trunc, _ = env.step(np.array([0]))
        self.assertFalse(term[0])
        self.assertTrue(trunc[0])


class PendulumByHand(unittest.TestCase):
    def test_torque_from_the_bottom(self):
        # th = 0, thdot = 0, u = 2: cost 0.001 * 4 = 0.004;
        # newthdot = (15 sin 0 + 3 * 2) * 0.05 = 0.3; newth = 0.3 * 0.05
        s, r = envs.pendulum_step_state(np.array([0.0, 0.0]), 2.0)
        np.testing.assert_allclose(s, [0.015, 0.3], rtol=1e-15)
        self.assertAlmostEqual(r, -0.004, places=15)

    def test_gravity_at_horizontal(self):
        # th = pi/2: cost (pi/2)^2; newthdot = 15 * 0.05 = 0.75
        s, r = envs.pendulum_step_state(np.array([math.pi / 2, 0.0]), 0.0)
        np.testing.assert_allclose(s, [math.pi / 2 + 0.0375, 0.75],
                                   rtol=1e-15)
        self.assertAlmostEqual(r, -(math.pi / 2) ** 2, places=14)

    def test_torque_and_speed_are_clipped(self):
        # u = clip(5, -2, 2) = 2; 7.9 + (15 + 6) * 0.05 = 8.95 -> 8
        # cost (pi/2)^2 + 0.1 * 7.9^2 + 0.001 * 4
        s, r = envs.pendulum_step_state(np.array([math.pi / 2, 7.9]), 5.0)
        np.testing.assert_allclose(s, [math.pi / 2 + 0.4, 8.0], rtol=1e-15)
        self.assertAlmostEqual(
            r, -((math.pi / 2) ** 2 + 6.241 + 0.004), places=12)
        s, _ = envs.pendulum_step_state(np.array([-math.pi / 2, -7.9]), -5.0)
        self.assertEqual(s[1], -8.0)

    def test_angle_is_wrapped_in_the_cost_only(self):
        # th = 4: normalised 4 - 2 pi; th = -4: 2 pi - 4 (floor modulo)
        for th, wrapped in [(4.0, 4.0 - 2 * math.pi),
                            (-4.0, 2 * math.pi - 4.0),
                            (7.0, 7.0 - 2 * math.pi)]:
            s, r = envs.pendulum_step_state(np.array([th, 0.0]), 0.0)
            self.assertAlmostEqual(r, -wrapped ** 2, places=12)
            self.assertAlmostEqual(s[0], th + 15 * math.sin(th) * 0.05 ** 2,
                                   places=14)

    def test_observation_and_truncation(self):
        np.testing.assert_allclose(
            envs.pendulum_obs(np.array([math.pi / 3, -1.5])),
            [0.5, math.sqrt(3) / 2, -1.5], rtol=1e-15)
        env = envs.PendulumVec(3, seed=1)
        obs = env.reset()
        self.assertEqual(obs.shape, (3, 3))
        for t in range(200):
            obs, r, term, trunc, _ = env.step(np.zeros(3))
            self.assertFalse(term.any())
            self.assertEqual(bool(trunc.all()), t == 199)
        self.assertEqual(len(env.finished_returns), 3)


class Reference(unittest.TestCase):
    def test_committed_reference_is_current(self):
        with open(REFERENCE, encoding="utf-8") as f:
            ref = json.load(f)
        cart, pend = envs.reference_trajectories()
        self.assertEqual(ref["cartpole"]["trajectories"], cart)
        self.assertEqual(ref["pendulum"]["trajectories"], pend)
        # and it holds what the TypeScript tests need
        names = [t["name"] for t in cart]
        self.assertIn("cartpole-terminates", names)
        self.assertTrue(cart[2]["steps"][-1]["terminated"])
        self.assertTrue(any(s["pushForce"] for s in cart[1]["steps"]))
        self.assertTrue(any(s["state"][1] == 8.0 for s in pend[1]["steps"]))


if __name__ == "__main__":
    unittest.main()
