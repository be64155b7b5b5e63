"""Read fingraph's `--format pyg` export (the `pyg/` folder of an output directory).

    arrays = read_arrays("output/pyg")        # numpy only (plus pyarrow to read Parquet)
    data = to_data(arrays)                    # a torch_geometric.data.Data, if torch is installed

Nodes are accounts, edges transfers (src -> dst). Features: every `num_*` column (float, NaN for
null: fill before training) and every `cat_*` column (int codes into meta.json's vocabularies,
-1 for null). `y` is 1 for a transfer of an injected crime. Masks: the temporal split by whole
days (`train_mask`, ...), or `split="instance"` for the one that keeps each crime whole.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq


def read_arrays(folder: str | Path, split: str = "temporal") -> dict:
    folder = Path(folder)
    meta = json.loads((folder / "meta.json").read_text())
    nodes = pq.read_table(folder / "nodes.parquet")
    edges = pq.read_table(folder / "edges.parquet")
    prefix = "" if split == "temporal" else "instance_"

    def matrix(table, names):
        if not names:
            return np.zeros((table.num_rows, 0), dtype=np.float32)
        return np.column_stack([table.column(n).to_numpy() for n in names]).astype(np.float32)

    return {
        "meta": meta,
        "account_id": nodes.column("account_id").to_pylist(),
        "x": matrix(nodes, meta["node_features"]["numeric"]),
        "x_cat": matrix(nodes, meta["node_features"]["categorical"]).astype(np.int64),
        "edge_index": np.vstack(
            [edges.column("src").to_numpy(), edges.column("dst").to_numpy()]
        ).astype(np.int64),
        "edge_attr": matrix(edges, meta["edge_features"]["numeric"]),
        "edge_attr_cat": matrix(edges, meta["edge_features"]["categorical"]).astype(np.int64),
        "y": edges.column("y").to_numpy().astype(np.int64),
        "timestamp_ms": edges.column("timestamp_ms").to_numpy(),
        "day": edges.column("day").to_numpy(),
        "typology": edges.column("typology").to_pylist(),
        "train_mask": edges.column(f"{prefix}train_mask").to_numpy(zero_copy_only=False),
        "val_mask": edges.column(f"{prefix}val_mask").to_numpy(zero_copy_only=False),
        "test_mask": edges.column(f"{prefix}test_mask").to_numpy(zero_copy_only=False),
    }


def to_data(arrays: dict):
    """A torch_geometric.data.Data for edge classification (NaN features set to 0)."""
    import torch
    from torch_geometric.data import Data

    t = lambda a: torch.from_numpy(np.nan_to_num(a) if a.dtype.kind == "f" else a)  # noqa: E731
    return Data(
        x=t(arrays["x"]),
        edge_index=t(arrays["edge_index"]),
        edge_attr=t(arrays["edge_attr"]),
        y=t(arrays["y"]),
        train_mask=t(arrays["train_mask"]),
        val_mask=t(arrays["val_mask"]),
        test_mask=t(arrays["test_mask"]),
        num_nodes=arrays["x"].shape[0],
    )
