#!/usr/bin/env python3
"""Parameter counts of xresnet1d101/50/18 in PyTorch, for XResNet1dTest to compare with.

    (cd ../shared/peers && /usr/bin/python3 ../../main/src/bench/xresnet1d-parameters.py)   # any python3 with torch

A transcription of the fastai XResNet in one dimension as the PTB-XL benchmark (Strodthoff et al.
2020) configures it: 12 input leads, a stem of three convolutions (32, 32, 64 filters, kernel 5, the
first with stride 2) and max pooling (3, stride 2, padding 1); stages of widths 64, 128, 256, 512
(bottleneck blocks with expansion 4 for 50/101, basic blocks for 18), kernel 5, the first block of
every stage after the first with stride 2; shortcuts of AvgPool1d(2, ceil_mode=True) and a 1x1
convolution + batch norm where the width changes; a head of concatenated max and average pooling,
BatchNorm, Dropout(0.25), Linear(->128), ReLU, BatchNorm, Dropout(0.5), Linear(->classes).
"""
import torch
import torch.nn as nn


def conv_bn(ni, nf, ks, stride=1, act=True):
    layers = [nn.Conv1d(ni, nf, ks, stride=stride, padding=(ks - 1) // 2, bias=False), nn.BatchNorm1d(nf)]
    if act:
        layers.append(nn.ReLU())
    return nn.Sequential(*layers)


class Block(nn.Module):
    def __init__(self, expansion, ni, nf, stride, ks):
        super().__init__()
        nh, nf, ni = nf, nf * expansion, ni * expansion
        if expansion == 1:
            self.convs = nn.Sequential(conv_bn(ni, nh, ks, stride), conv_bn(nh, nf, ks, act=False))
        else:
            self.convs = nn.Sequential(conv_bn(ni, nh, 1), conv_bn(nh, nh, ks, stride), conv_bn(nh, nf, 1, act=False))
        shortcut = []
        if ni != nf:
            shortcut.append(conv_bn(ni, nf, 1, act=False))
        if stride != 1:
            shortcut.insert(0, nn.AvgPool1d(2, ceil_mode=True))
        self.shortcut = nn.Sequential(*shortcut)

    def forward(self, x):
        return torch.relu(self.convs(x) + self.shortcut(x))


class ConcatPool(nn.Module):
    def forward(self, x):
        return torch.cat([x.max(-1)[0], x.mean(-1)], 1)


def xresnet1d(expansion, layers, classes, leads=12):
    stem = [conv_bn(leads, 32, 5, 2), conv_bn(32, 32, 5), conv_bn(32, 64, 5), nn.MaxPool1d(3, 2, 1)]
    sizes = [64 // expansion, 64, 128, 256, 512]
    blocks = []
    for stage, count in enumerate(layers):
        for block in range(count):
            blocks.append(Block(expansion, sizes[stage] if block == 0 else sizes[stage + 1], sizes[stage + 1],
                                (1 if stage == 0 else 2) if block == 0 else 1, 5))
    features = 2 * sizes[-1] * expansion
    head = [ConcatPool(), nn.BatchNorm1d(features), nn.Dropout(0.25), nn.Linear(features, 128), nn.ReLU(),
            nn.BatchNorm1d(128), nn.Dropout(0.5), nn.Linear(128, classes)]
    return nn.Sequential(*stem, *blocks, *head)


for name, expansion, layers in [("xresnet1d101", 4, [3, 4, 23, 3]), ("xresnet1d50", 4, [3, 4, 6, 3]),
                                ("xresnet1d18", 1, [2, 2, 2, 2])]:
    model = xresnet1d(expansion, layers, 5).eval()
    out = model(torch.randn(2, 12, 250))
    print(name, sum(p.numel() for p in model.parameters()), "parameters, output", tuple(out.shape))
