# Reference values for GaussianProcessTest and ExpectedImprovementTest, computed independently of the Java code:
# the Matérn kernel through scipy's modified Bessel function (the general formula, not the ν = 5/2 closed form),
# the posterior by numpy's dense solve, EI with scipy.stats.norm. Recompute with:
#   python3 src/test/java/io/shotcraft/learning/optimize/gp_reference.py
import numpy as np
from scipy.special import kv, gamma
from scipy.stats import norm

X = np.array([[0.1, 0.2], [0.4, 0.9], [0.5, 0.5], [0.8, 0.1], [0.9, 0.7], [0.2, 0.6]])
y = np.array([1.3, -0.4, 0.8, 2.1, -1.0, 0.2])
amplitude, lengths, noise, jitter = 1.7, np.array([0.3, 0.8]), 0.05, 1e-10
Xs = np.array([[0.3, 0.3], [0.7, 0.8], [0.5, 0.5], [0.95, 0.05]])

def matern(r, nu=2.5):
    r = np.asarray(r, dtype=float)
    out = np.ones_like(r)
    nz = r > 0
    s = np.sqrt(2 * nu) * r[nz]
    out[nz] = 2 ** (1 - nu) / gamma(nu) * s ** nu * kv(nu, s)
    return out

def k(A, B):
    d = (A[:, None, :] - B[None, :, :]) / lengths
    return amplitude * matern(np.sqrt((d ** 2).sum(-1)))

mu, sd = y.mean(), y.std()          # normalize_y=True: population std
yn = (y - mu) / sd
K = k(X, X) + (noise + jitter) * np.eye(len(X))
alpha = np.linalg.solve(K, yn)
Ks = k(Xs, X)
mean = mu + sd * Ks @ alpha
var = sd ** 2 * (amplitude - np.einsum('ij,ij->i', Ks, np.linalg.solve(K, Ks.T).T))   # noise-free, as skopt
sign, logdet = np.linalg.slogdet(K)
lml = -0.5 * yn @ alpha - 0.5 * logdet - 0.5 * len(X) * np.log(2 * np.pi)
np.set_printoptions(precision=17)
print("mean", repr(mean))
print("var", repr(var))
print("lml", repr(lml))

def ei(m, s, best, xi=0.01):
    z = (best - m - xi) / s
    return (best - m - xi) * norm.cdf(z) + s * norm.pdf(z)

for m, s, best in [(0.0, 1.0, 0.0), (1.2, 0.3, 1.0), (-0.5, 2.0, 0.1), (3.0, 0.5, 0.0)]:
    print("ei", m, s, best, repr(ei(m, s, best)))
