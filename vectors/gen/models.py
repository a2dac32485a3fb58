"""The first-wave WebNN models (issue 20), written from their papers against modelnet.Net.

REDUCED variants keep each network's topology (every block, every operator kind) at a lower
resolution and width so the C reference runs each in well under a second; FULL variants are the
published sizes (for `make models`). Class counts stay at the papers' values.
"""
import functools


def _model(input_shape):
    def deco(f):
        f.INPUT = tuple(input_shape)
        return f
    return deco


def _ch(c, width):
    return max(1, int(round(c * width)))


# ResNet-50 v2: He, Zhang, Ren, Sun, "Identity Mappings in Deep Residual Networks", ECCV 2016
# (pre-activation: BN -> ReLU -> conv inside each unit, identity additions, a final BN-ReLU),
# the 50-layer bottleneck layout of "Deep Residual Learning for Image Recognition" (CVPR 2016,
# Table 1): conv 7x7/2 64, maxpool 3x3/2, stages of [3, 4, 6, 3] bottlenecks (1x1 m, 3x3 m,
# 1x1 4m; m = 64, 128, 256, 512), downsampling by stride 2 in the first unit of stages 2-4,
# projection shortcuts (1x1 conv on the pre-activation) where the shape changes.
def resnet50v2(width, res):
    @_model((1, 3, res, res))
    def net(b, x):
        y = b.conv(x, _ch(64, width), 7, stride=2, pad=(3, 3, 3, 3))
        y = b.maxpool(y, 3, 2, pad=(1, 1, 1, 1))
        cin = _ch(64, width)
        for stage, (m, n) in enumerate([(64, 3), (128, 4), (256, 6), (512, 3)]):
            m = _ch(m, width)
            for i in range(n):
                stride = 2 if stage > 0 and i == 0 else 1
                pre = b.relu(b.batchnorm(y))
                if i == 0:
                    sc = b.conv(pre, 4 * m, 1, stride=stride, pad=(0, 0, 0, 0))
                else:
                    sc = y
                t = b.conv(pre, m, 1, pad=(0, 0, 0, 0))
                t = b.relu(b.batchnorm(t))
                t = b.conv(t, m, 3, stride=stride)
                t = b.relu(b.batchnorm(t))
                t = b.conv(t, 4 * m, 1, pad=(0, 0, 0, 0))
                y = b.add(t, sc)
                cin = 4 * m
        y = b.relu(b.batchnorm(y))
        y = b.global_avg_pool(y)
        y = b.reshape(y, (1, cin))
        return b.dense(y, 1000)
    return net


# MobileNetV2: Sandler, Howard, Zhu, Zhmoginov, Chen, "MobileNetV2: Inverted Residuals and Linear
# Bottlenecks", CVPR 2018, Table 2: conv 3x3/2 32, then bottlenecks (t, c, n, s), each an
# expansion 1x1 (t x), a depthwise 3x3 (stride s in the first of n), a linear projection 1x1 c,
# BN after every conv, ReLU6 after the first two, a residual add when stride 1 and c unchanged;
# then conv 1x1 1280, global average pool, a 1000-way classifier.
def mobilenetv2(width, res):
    @_model((1, 3, res, res))
    def net(b, x):
        y = b.relu6(b.batchnorm(b.conv(x, _ch(32, width), 3, stride=2, pad=(0, 1, 0, 1))))
        cin = _ch(32, width)
        for t, c, n, s in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
                           (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]:
            c = _ch(c, width)
            for i in range(n):
                stride = s if i == 0 else 1
                h = y
                if t != 1:
                    h = b.relu6(b.batchnorm(b.conv(h, cin * t, 1, pad=(0, 0, 0, 0))))
                e = cin * t
                pad = (1, 1, 1, 1) if stride == 1 else (0, 1, 0, 1)
                h = b.relu6(b.batchnorm(b.conv(h, e, 3, stride=stride, pad=pad, groups=e)))
                h = b.batchnorm(b.conv(h, c, 1, pad=(0, 0, 0, 0)))
                y = b.add(h, y) if stride == 1 and cin == c else h
                cin = c
        last = max(1280, _ch(1280, width)) if width > 1 else _ch(1280, width)
        y = b.relu6(b.batchnorm(b.conv(y, last, 1, pad=(0, 0, 0, 0))))
        y = b.global_avg_pool(y)
        y = b.reshape(y, (1, last))
        return b.dense(y, 1000)
    return net


# SqueezeNet 1.1: Iandola, Han, Moskewicz, Ashraf, Dally, Keutzer, "SqueezeNet: AlexNet-level
# accuracy with 50x fewer parameters and <0.5MB model size", 2016 (fire module: squeeze 1x1 s,
# expand 1x1 e and 3x3 e, concatenated; ReLU after each conv); version 1.1 as published in the
# authors' release notes: conv 3x3/2 64, maxpool 3x3/2, fire(16,64) x2, maxpool, fire(32,128) x2,
# maxpool, fire(48,192) x2, fire(64,256) x2, conv 1x1 1000 + ReLU, global average pool.
def squeezenet11(width, res):
    @_model((1, 3, res, res))
    def net(b, x):
        def fire(y, s, e):
            sq = b.relu(b.conv(y, _ch(s, width), 1, pad=(0, 0, 0, 0), bias=True))
            e1 = b.relu(b.conv(sq, _ch(e, width), 1, pad=(0, 0, 0, 0), bias=True))
            e3 = b.relu(b.conv(sq, _ch(e, width), 3, bias=True))
            return b.concat([e1, e3], 1)
        y = b.relu(b.conv(x, _ch(64, width), 3, stride=2, pad=(0, 0, 0, 0), bias=True))
        y = b.maxpool(y, 3, 2)
        y = fire(fire(y, 16, 64), 16, 64)
        y = b.maxpool(y, 3, 2)
        y = fire(fire(y, 32, 128), 32, 128)
        y = b.maxpool(y, 3, 2)
        y = fire(fire(y, 48, 192), 48, 192)
        y = fire(fire(y, 64, 256), 64, 256)
        y = b.relu(b.conv(y, 1000, 1, pad=(0, 0, 0, 0), bias=True))
        y = b.global_avg_pool(y)
        return b.reshape(y, (1, 1000))
    return net


# Tiny YOLOv2 (VOC): Redmon, Farhadi, "YOLO9000: Better, Faster, Stronger", CVPR 2017, the
# "tiny" configuration of the darknet release: conv 3x3 (16, 32, 64, 128, 256, 512) each with
# BN and leaky ReLU 0.1 and a maxpool 2x2/2 after it (the 6th pool stride 1, padded to keep the
# size), conv 3x3 1024 x2 (BN, leaky), conv 1x1 125 with bias (5 anchors x (20 classes + 5)).
def tinyyolov2(width, res):
    @_model((1, 3, res, res))
    def net(b, x):
        y = x
        for i, c in enumerate([16, 32, 64, 128, 256, 512]):
            y = b.leaky(b.batchnorm(b.conv(y, _ch(c, width), 3)))
            y = b.maxpool(y, 2, 2) if i < 5 else b.maxpool(y, 2, 1, pad=(0, 1, 0, 1))
        for _ in range(2):
            y = b.leaky(b.batchnorm(b.conv(y, _ch(1024, width), 3)))
        return b.conv(y, 125, 1, pad=(0, 0, 0, 0), bias=True)
    return net


# One BERT-base encoder layer: Devlin, Chang, Lee, Toutanova, "BERT", NAACL 2019 (base: hidden
# 768, 12 heads, intermediate 3072) on the post-LN Transformer layer of Vaswani et al.,
# "Attention Is All You Need", NeurIPS 2017: multi-head scaled dot-product self-attention,
# residual add + layerNorm, a GELU feed-forward, residual add + layerNorm.
def bert_layer(seq, hidden, heads, inter):
    @_model((seq, hidden))
    def net(b, x):
        d = hidden // heads

        def split(t):                                   # [seq, hidden] -> [heads, seq, d]
            return b.transpose(b.reshape(t, (seq, heads, d)), (1, 0, 2))
        q = split(b.dense(x, hidden))
        k = b.transpose(b.reshape(b.dense(x, hidden), (seq, heads, d)), (1, 2, 0))
        v = split(b.dense(x, hidden))
        s = b.mul(b.matmul(q, k), b.literal("scale", [1.0 / d ** 0.5]))
        p = b.softmax(s, -1)
        ctx = b.reshape(b.transpose(b.matmul(p, v), (1, 0, 2)), (seq, hidden))
        h = b.layernorm(b.add(b.dense(ctx, hidden), x))
        f = b.dense(b.gelu(b.dense(h, inter)), hidden)
        return b.layernorm(b.add(f, h))
    return net


REDUCED = {
    "resnet50v2": functools.partial(resnet50v2, 0.125, 64),
    "mobilenetv2": functools.partial(mobilenetv2, 0.25, 64),
    "squeezenet11": functools.partial(squeezenet11, 0.25, 64),
    "tinyyolov2": functools.partial(tinyyolov2, 0.125, 64),
    "bert_layer": functools.partial(bert_layer, 16, 64, 4, 256),
}
FULL = {
    "resnet50v2": functools.partial(resnet50v2, 1.0, 224),
    "mobilenetv2": functools.partial(mobilenetv2, 1.0, 224),
    "squeezenet11": functools.partial(squeezenet11, 1.0, 224),
    "tinyyolov2": functools.partial(tinyyolov2, 1.0, 416),
    "bert_layer": functools.partial(bert_layer, 128, 768, 12, 3072),
}
# float16 variants: the same graphs in float16. ResNet-50 v2 and MobileNetV2 at 128x128 instead of
# 64x64: at 64x64 their last stages run on 2x2 maps, where the per-layer statistics amplify a
# rounding error about 2000-fold (vectors/models/README.md), which float32 absorbs (1e-4 relative)
# but float16 does not (a float16 output then deviates by up to 50% of its magnitude).
REDUCED_F16 = dict(REDUCED, resnet50v2=functools.partial(resnet50v2, 0.125, 128),
                   mobilenetv2=functools.partial(mobilenetv2, 0.25, 128))
CLASSIFIERS = {"resnet50v2", "mobilenetv2", "squeezenet11"}
