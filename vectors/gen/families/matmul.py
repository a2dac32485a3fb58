"""matmul and gemm (spec: matmul, gemm)."""

import numpy as np


def matmul_ref(a, b):
    return np.matmul(a, b)


def gemm_ref(a, b, c=None, alpha=1.0, beta=1.0, a_t=False, b_t=False):
    A = a.T if a_t else a
    B = b.T if b_t else b
    y = alpha * (A @ B)
    if c is not None:
        y = y + beta * np.broadcast_to(c, y.shape)
    return y
