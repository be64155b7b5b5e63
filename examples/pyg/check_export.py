"""Checks a `--format pyg` export with numpy/pyarrow only: shapes, dtypes, masks, labels.
Exits 1 with the failed check. Run by test/unit/pyg-python.test.ts:
    python check_export.py OUTPUT/pyg EXPECTED.json
"""

import json
import sys

import numpy as np

from load_fingraph_pyg import read_arrays


def main(folder: str, expected_path: str) -> None:
    expected = json.loads(open(expected_path).read())
    a = read_arrays(folder)
    n, e = len(a["account_id"]), a["edge_index"].shape[1]
    assert n == expected["accounts"], f"{n} nodes, expected {expected['accounts']}"
    assert e == expected["transfers"], f"{e} edges, expected {expected['transfers']}"
    assert a["edge_index"].dtype == np.int64 and a["edge_index"].shape == (2, e)
    assert a["edge_index"].min() >= 0 and a["edge_index"].max() < n, "edge_index out of range"
    assert a["x"].dtype == np.float32 and a["x"].shape[0] == n and a["x"].shape[1] > 0
    assert a["edge_attr"].dtype == np.float32 and a["edge_attr"].shape[0] == e
    assert a["x_cat"].min() >= -1 and a["edge_attr_cat"].min() >= -1
    assert int(a["y"].sum()) == expected["labelled_transfers"], "y differs from the ground truth"
    masks = np.stack([a["train_mask"], a["val_mask"], a["test_mask"]])
    assert masks.dtype == bool and (masks.sum(axis=0) == 1).all(), "masks must partition the edges"
    last_train = a["day"][a["train_mask"]].max()
    assert last_train < a["day"][a["val_mask"]].min() <= a["day"][a["val_mask"]].max() < a["day"][a["test_mask"]].min()
    assert 0.5 < a["train_mask"].mean() < 0.7, f"train share {a['train_mask'].mean():.2f}"
    inst = read_arrays(folder, split="instance")
    assert (np.stack([inst["train_mask"], inst["val_mask"], inst["test_mask"]]).sum(axis=0) == 1).all()
    print(json.dumps({"nodes": n, "edges": e, "positives": int(a["y"].sum())}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
