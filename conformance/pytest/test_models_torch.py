"""PyTorch cross-check of the model definitions (issue 20): each reduced model written again with
torch.nn.functional, from the papers' layouts (not from modelnet's graph), consuming the same
weights in the order the generator creates them, agrees with the NumPy oracle within the
model's derived tolerance. This catches a wrong model definition, which no WebNN vector can.

The float16 variants: PyTorch 1.13 (Debian's python3-torch) has no float16 CPU kernels for
conv2d, batch_norm, max_pool2d, matmul, softmax, layer_norm, gelu, clamp or leaky_relu ("not
implemented for 'Half'"), so they run in float32 with every WebNN op's output rounded to float16
(r() below, and the options alpha and epsilon cast to float16 as the builder casts them): the
float32-accumulation evaluation the float16 tolerance is derived from, by another implementation.
"""
import os
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="python3-torch (Debian) is not installed")
F = torch.nn.functional

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
sys.path.insert(0, os.path.join(ROOT, "vectors", "gen"))
import common as C  # noqa: E402
import models  # noqa: E402
from families import models as fam  # noqa: E402

F16 = [False]


def r(t):
    """One WebNN op's output: rounded to float16 in a float16 model."""
    return t.half().float() if F16[0] else t


def cast(v):
    """An option cast to the graph's type (alpha, epsilon)."""
    return float(np.float16(v)) if F16[0] else v


class Params:
    """The oracle's constants in creation order (operand names end in a creation counter)."""

    def __init__(self, net):
        names = sorted((n for n in net.inputs if n != "input1"), key=lambda n: int(n.lstrip("abcdefghijklmnopqrstuvwxyz")))
        self.v = [torch.from_numpy(np.asarray(net.val[n], dtype=np.float32)) for n in names]
        self.i = 0

    def __call__(self):
        t = self.v[self.i]
        self.i += 1
        return t


def bn(p, x):
    mean, var, scale, bias = p(), p(), p(), p()
    return r(F.batch_norm(x, mean, var, scale, bias, training=False, eps=cast(1e-5)))


def conv(p, x, stride=1, pad=None, groups=1, bias=False):
    w = p()
    k = w.shape[-1]
    pad = (k // 2,) * 4 if pad is None else pad
    x = F.pad(x, (pad[2], pad[3], pad[0], pad[1]))
    b = p() if bias else None
    return r(F.conv2d(x, w, b, stride=stride, groups=groups))


def dense(p, x):
    w, b = p(), p()
    return r(r(x @ w) + b)


def ch(c, wd):
    return max(1, int(round(c * wd)))


def t_resnet(p, x, wd=0.125):
    y = conv(p, x, 2, (3, 3, 3, 3))
    y = F.max_pool2d(F.pad(y, (1, 1, 1, 1), value=-float("inf")), 3, 2)
    for s, (m, n) in enumerate([(64, 3), (128, 4), (256, 6), (512, 3)]):
        for i in range(n):
            st = 2 if s and not i else 1
            pre = F.relu(bn(p, y))
            sc = conv(p, pre, st, (0,) * 4) if i == 0 else y
            t = F.relu(bn(p, conv(p, pre, 1, (0,) * 4)))
            t = F.relu(bn(p, conv(p, t, st)))
            y = r(conv(p, t, 1, (0,) * 4) + sc)
    y = r(F.relu(bn(p, y)).mean(dim=(2, 3)))
    return dense(p, y)


def t_mobilenet(p, x, wd=0.25):
    r6 = lambda t: F.hardtanh(t, 0.0, 6.0)  # noqa: E731
    y = r6(bn(p, conv(p, x, 2, (0, 1, 0, 1))))
    cin = ch(32, wd)
    for t, c, n, s in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1),
                       (6, 160, 3, 2), (6, 320, 1, 1)]:
        c = ch(c, wd)
        for i in range(n):
            st = s if i == 0 else 1
            h = y if t == 1 else r6(bn(p, conv(p, y, 1, (0,) * 4)))
            h = r6(bn(p, conv(p, h, st, (1,) * 4 if st == 1 else (0, 1, 0, 1), groups=cin * t)))
            h = bn(p, conv(p, h, 1, (0,) * 4))
            y = r(h + y) if st == 1 and cin == c else h
            cin = c
    y = r(r6(bn(p, conv(p, y, 1, (0,) * 4))).mean(dim=(2, 3)))
    return dense(p, y)


def t_squeezenet(p, x):
    def fire(y):
        sq = F.relu(conv(p, y, 1, (0,) * 4, bias=True))
        return torch.cat([F.relu(conv(p, sq, 1, (0,) * 4, bias=True)), F.relu(conv(p, sq, 1, None, bias=True))], 1)
    y = F.max_pool2d(F.relu(conv(p, x, 2, (0,) * 4, bias=True)), 3, 2)
    y = F.max_pool2d(fire(fire(y)), 3, 2)
    y = F.max_pool2d(fire(fire(y)), 3, 2)
    y = fire(fire(fire(fire(y))))
    return r(F.relu(conv(p, y, 1, (0,) * 4, bias=True)).mean(dim=(2, 3)))


def t_yolo(p, x):
    y = x
    for i in range(6):
        y = r(F.leaky_relu(bn(p, conv(p, y)), cast(0.1)))
        y = F.max_pool2d(y, 2, 2) if i < 5 else F.max_pool2d(F.pad(y, (0, 1, 0, 1), value=-float("inf")), 2, 1)
    for _ in range(2):
        y = r(F.leaky_relu(bn(p, conv(p, y)), cast(0.1)))
    return conv(p, y, 1, (0,) * 4, bias=True)


def t_bert(p, x, heads=4):
    s, h = x.shape
    d = h // heads
    q = dense(p, x).reshape(s, heads, d).permute(1, 0, 2)
    k = dense(p, x).reshape(s, heads, d).permute(1, 2, 0)
    v = dense(p, x).reshape(s, heads, d).permute(1, 0, 2)
    scale = p()
    a = r(torch.softmax(r(r(q @ k) * scale), -1))
    ctx = r(a @ v).permute(1, 0, 2).reshape(s, h)
    o = r(dense(p, ctx) + x)
    y = r(F.layer_norm(o, (h,), p(), p(), cast(1e-5)))
    f = r(dense(p, r(F.gelu(dense(p, y)))) + y)
    return r(F.layer_norm(f, (h,), p(), p(), cast(1e-5)))


TORCH = {"resnet50v2": t_resnet, "mobilenetv2": t_mobilenet, "squeezenet11": t_squeezenet,
         "tinyyolov2": t_yolo, "bert_layer": t_bert}


@pytest.mark.parametrize("dt", ["float32", "float16"])
@pytest.mark.parametrize("nm", sorted(models.REDUCED))
def test_torch_agrees_with_oracle(nm, dt):
    torch.set_num_threads(2)
    C.set_seed_base("webnn-cts/models")
    fn = (models.REDUCED if dt == "float32" else models.REDUCED_F16)[nm]()
    o, sp, atol = fam.derive(nm, fn, dt)
    p = Params(o)
    x = torch.from_numpy(np.asarray(o.val["input1"], dtype=np.float32))
    F16[0] = dt == "float16"
    try:
        with torch.no_grad():
            y = r(TORCH[nm](p, x)).numpy().astype(np.float64)
    finally:
        F16[0] = False
    assert p.i == len(p.v), "torch model used %d of %d constants" % (p.i, len(p.v))
    want = o.val[o.output]
    assert y.shape == want.shape
    dev = float(np.max(np.abs(y - want)))
    print("%s %s: torch max |dev| %.3g, tolerance %.3g" % (nm, dt, dev, atol))
    assert dev <= atol, (dev, atol)
