"""How far apart two colours look, to everyone and to the colour blind.

Colours are compared in CIELAB with CIEDE2000 (Sharma, Wu and Dalal 2005),
the CIE's measure of how different two colours look. Colour blindness is
simulated with the matrices of Machado, Oliveira and Fernandes (2009) at full
severity, which act on linear-light sRGB: protanopia and deuteranopia (the two
red–green kinds, together about 1 man in 40) and tritanopia (blue–yellow, rare)."""

from __future__ import annotations

import math
from typing import NamedTuple

Matrix = tuple[tuple[float, float, float], tuple[float, float, float],
               tuple[float, float, float]]
RGB = tuple[float, float, float]


class Vision(NamedTuple):
    key: str
    #: How a message names it: "deuteranopia (red–green colour blindness)".
    described: str
    matrix: Matrix | None  # None: typical colour vision


TYPICAL = Vision("typical", "typical colour vision", None)
PROTANOPIA = Vision("protanopia", "protanopia (red–green colour blindness)", (
    (0.152286, 1.052583, -0.204868),
    (0.114503, 0.786281, 0.099216),
    (-0.003882, -0.048116, 1.051998)))
DEUTERANOPIA = Vision("deuteranopia", "deuteranopia (red–green colour blindness)", (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881)))
TRITANOPIA = Vision("tritanopia", "tritanopia (blue–yellow colour blindness)", (
    (1.255528, -0.076749, -0.178779),
    (-0.078411, 0.930809, 0.147602),
    (0.004733, 0.691367, 0.303900)))
VISIONS = (TYPICAL, PROTANOPIA, DEUTERANOPIA, TRITANOPIA)

#: The D65 white of sRGB, in XYZ.
_WHITE = (0.95047, 1.0, 1.08883)


def linear_rgb(color: str) -> RGB:
    """``#rrggbb`` as linear-light sRGB, each channel from 0 to 1."""
    def linear(hex_pair: str) -> float:
        value = int(hex_pair, 16) / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    return linear(color[1:3]), linear(color[3:5]), linear(color[5:7])


def simulate(rgb: RGB, vision: Vision) -> RGB:
    """``rgb`` (linear) as seen with ``vision``, kept within the screen's gamut."""
    if vision.matrix is None:
        return rgb
    r, g, b = (min(1.0, max(0.0, row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]))
               for row in vision.matrix)
    return r, g, b


def lab(rgb: RGB) -> tuple[float, float, float]:
    """Linear sRGB as CIELAB (D65)."""
    r, g, b = rgb
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
           0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(value / white) for value, white in zip(xyz, _WHITE, strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(first: tuple[float, float, float], second: tuple[float, float, float]) -> float:
    """CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1)."""
    l1, a1, b1 = first
    l2, a2, b2 = second
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1, a2 = (1 + g) * a1, (1 + g) * a2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    h1 = math.degrees(math.atan2(b1, a1)) % 360 if c1 else 0.0
    h2 = math.degrees(math.atan2(b2, a2)) % 360 if c2 else 0.0

    dh = 0.0
    if c1 * c2:
        dh = h2 - h1
        dh = dh - 360 if dh > 180 else dh + 360 if dh < -180 else dh
    d_l = l2 - l1
    d_c = c2 - c1
    d_h = 2 * math.sqrt(c1 * c2) * math.sin(math.radians(dh / 2))

    l_mean = (l1 + l2) / 2
    c_mean = (c1 + c2) / 2
    if not c1 * c2:
        h_mean = h1 + h2
    elif abs(h1 - h2) <= 180:
        h_mean = (h1 + h2) / 2
    else:
        h_mean = (h1 + h2 + (360 if h1 + h2 < 360 else -360)) / 2
    t = (1 - 0.17 * math.cos(math.radians(h_mean - 30))
         + 0.24 * math.cos(math.radians(2 * h_mean))
         + 0.32 * math.cos(math.radians(3 * h_mean + 6))
         - 0.20 * math.cos(math.radians(4 * h_mean - 63)))
    rotation = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * rotation)) * r_c
    return math.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2
                     + r_t * (d_c / s_c) * (d_h / s_h))


def difference(first: str, second: str, vision: Vision = TYPICAL) -> float:
    """How different two ``#rrggbb`` colours look with ``vision`` (CIEDE2000)."""
    return ciede2000(lab(simulate(linear_rgb(first), vision)),
                     lab(simulate(linear_rgb(second), vision)))
