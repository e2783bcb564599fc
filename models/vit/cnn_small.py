"""A small convolutional network, the baseline of the data-size experiment.

Four 3x3 conv stages (BatchNorm, ReLU, 2x2 max pool after the first three)
and global average pooling, sized to have about as many parameters as the
small ViT. Its built-in assumptions (locality, weight sharing over
positions, pooling) are what the ViT paper calls the CNN's inductive bias
(Dosovitskiy et al. 2021, Sec. 3.1 'Inductive bias').
"""

import torch.nn as nn


def _stage(c_in, c_out, pool):
    layers = [nn.Conv2d(c_in, c_out, 3, padding=1, bias=False),
              nn.BatchNorm2d(c_out), nn.ReLU(inplace=True)]
    if pool:
        layers.append(nn.MaxPool2d(2))
    return layers


class SmallCNN(nn.Module):
    def __init__(self, classes=5, widths=(16, 32, 64, 192)):
        super().__init__()
        layers, c_in = [], 3
        for i, c in enumerate(widths):
            layers += _stage(c_in, c, pool=i < len(widths) - 1)
            c_in = c
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Linear(c_in, classes)

    def forward(self, x):
        return self.head(self.pool(self.features(x)).flatten(1))
