"""Writes two small MATLAB v7.3-layout MAT-files with h5py (no MATLAB here).

Layout as MATLAB writes it: a 512-byte user block holding the 128-byte MATLAB header
(text, subsystem offset, version 0x0200, endian 'IM'), one HDF5 dataset per variable at
the root with a MATLAB_class attribute, and every array stored with its dimensions
reversed (MATLAB is column-major, HDF5 row-major), so an H x W x C array is a C x W x H
dataset.
"""
import h5py
import numpy as np

H, W, C = 4, 3, 5


def header(path):
    text = b"MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Wed Nov 25 00:00:00 2026 HDF5 schema 1.00 ."
    block = text.ljust(116, b" ") + b"\0" * 8 + b"\x00\x02" + b"IM"
    with open(path, "r+b") as f:
        f.write(block)


def matlab(f, name, array, cls, **kw):
    # array is given in MATLAB's order; HDF5 gets the transpose (reversed dimensions)
    d = f.create_dataset(name, data=np.ascontiguousarray(array.T), **kw)
    d.attrs.create("MATLAB_class", np.bytes_(cls))


r, c, b = np.meshgrid(np.arange(H), np.arange(W), np.arange(C), indexing="ij")
cube = (100 * r + 10 * c + b).astype(np.int16)            # H x W x C, value 100·row + 10·col + band
gt = (1 + r[:, :, 0] + H * c[:, :, 0]).astype(np.uint8)   # H x W, 1..12 in MATLAB column-major order

with h5py.File("cube_v73.mat", "w", userblock_size=512) as f:
    matlab(f, "cube", cube, "int16", chunks=(2, 3, 2), compression="gzip")
    matlab(f, "gt", gt, "uint8")
header("cube_v73.mat")

# bands x pixels, MATLAB column-major pixel order: pixel p = row + col·H
Y = np.zeros((C, H * W))
for col in range(W):
    for row in range(H):
        Y[:, row + col * H] = 100 * row + 10 * col + np.arange(C) + 0.5
with h5py.File("unmix_v73.mat", "w", userblock_size=512) as f:
    matlab(f, "Y", Y, "double")
    matlab(f, "nRow", np.array([[float(H)]]), "double")
    matlab(f, "nCol", np.array([[float(W)]]), "double")
header("unmix_v73.mat")
