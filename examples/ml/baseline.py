"""A gradient-boosted baseline anyone can rerun on fingraph's AMLworld export.

    python baseline.py OUTPUT/amlworld [--json result.json]

Reads `transactions.csv` and `patterns.txt` as IBM's AMLworld files are read, builds transaction
features plus simple graph features (degrees; fan-out of the sender and fan-in of the receiver in
the past hour, day and week), splits by whole days 60/20/20 as IBM's Multi-GNN does, trains
LightGBM with its default settings (no class reweighting) until average precision on validation
stops improving, picks the decision threshold on validation, and prints the minority-class
(laundering) F1 on test, overall and per typology (each typology's transfers against the
background ones).
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
from pathlib import Path

import lightgbm as lgb
import numpy as np
import pandas as pd

BEGIN = re.compile(r"^BEGIN LAUNDERING ATTEMPT - ([A-Z-]+)")
WINDOWS = {"1h": 3_600, "24h": 86_400, "7d": 604_800}


def read(folder: Path) -> pd.DataFrame:
    lines = (folder / "transactions.csv").read_text().splitlines()
    df = pd.read_csv(folder / "transactions.csv", dtype=str)
    df.columns = ["ts", "from_bank", "from", "to_bank", "to", "received", "received_currency",
                  "paid", "paid_currency", "format", "y"]
    typology, current = {}, None
    for line in (folder / "patterns.txt").read_text().splitlines():
        match = BEGIN.match(line)
        if match:
            current = match.group(1)
        elif line.startswith("END") or not line:
            current = None
        elif current:
            typology[line] = current
    df["typology"] = [typology.get(line, "") for line in lines[1:]]
    df["ts"] = pd.to_datetime(df["ts"], format="%Y/%m/%d %H:%M")
    for column in ["received", "paid"]:
        df[column] = df[column].astype(float)
    df["y"] = df["y"].astype(int)
    return df


def features(df: pd.DataFrame) -> pd.DataFrame:
    x = pd.DataFrame(index=df.index)
    x["log_paid"] = np.log1p(df["paid"])
    x["log_received"] = np.log1p(df["received"])
    x["cross_currency"] = (df["paid_currency"] != df["received_currency"]).astype(int)
    x["same_bank"] = (df["from_bank"] == df["to_bank"]).astype(int)
    x["hour"] = df["ts"].dt.hour
    x["weekday"] = df["ts"].dt.weekday
    x["round"] = (df["paid"] % 100 == 0).astype(int)
    for column in ["paid_currency", "received_currency", "format"]:
        x[column] = df[column].astype("category")
    # Degrees over the whole graph (as the Graph Feature Preprocessor's static features).
    out_degree = df.groupby("from").size()
    in_degree = df.groupby("to").size()
    x["from_out_degree"] = df["from"].map(out_degree).fillna(0)
    x["from_in_degree"] = df["from"].map(in_degree).fillna(0)
    x["to_in_degree"] = df["to"].map(in_degree).fillna(0)
    x["to_out_degree"] = df["to"].map(out_degree).fillna(0)
    x["from_partners"] = df["from"].map(df.groupby("from")["to"].nunique())
    x["to_partners"] = df["to"].map(df.groupby("to")["from"].nunique())
    # Fan-out of the sender and fan-in of the receiver in the past window (this transfer included):
    # per account, the transfers in (t - window, t], by binary search on (account, time) keys.
    seconds = (df["ts"].astype("int64") // 10**9).to_numpy()
    span = int(seconds.max() - seconds.min()) + 10**7
    for side, feature in [("from", "fan_out"), ("to", "fan_in")]:
        codes = pd.factorize(df[side])[0].astype(np.int64)
        keys = codes * span + (seconds - seconds.min())
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        for name, window in WINDOWS.items():
            start = np.searchsorted(ordered, ordered - window, side="right")
            counts = np.empty(len(df))
            counts[order] = np.arange(len(df)) - start + 1
            x[f"{feature}_{name}"] = counts
    return x


def day_split(days: np.ndarray, targets=(0.6, 0.2, 0.2)) -> np.ndarray:
    """Multi-GNN's split: whole days, cut where the shares come closest to the targets."""
    daily = np.bincount(days)
    total, best, best_score = daily.sum(), (len(daily), len(daily)), np.inf
    for i, j in itertools.combinations(range(len(daily)), 2):
        shares = np.array([daily[:i].sum(), daily[i:j].sum(), daily[j:].sum()]) / total
        score = max(abs(s - t) / t for s, t in zip(shares, targets))
        if score < best_score:
            best, best_score = (i, j), score
    return np.where(days < best[0], 0, np.where(days < best[1], 1, 2))


def f1(y: np.ndarray, p: np.ndarray) -> tuple[float, float, float]:
    tp = int(((p == 1) & (y == 1)).sum())
    precision = tp / max(1, int(p.sum()))
    recall = tp / max(1, int(y.sum()))
    return (2 * precision * recall / (precision + recall) if tp else 0.0), precision, recall


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", type=Path)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    df = read(args.folder)
    x = features(df)
    days = ((df["ts"] - df["ts"].min().normalize()).dt.days).to_numpy()
    split = day_split(days)
    y = df["y"].to_numpy()
    train, val, test = (split == 0), (split == 1), (split == 2)
    # Weighting the positives by the class ratio (about 800 here) made the trees collapse: the
    # model ranked the training set itself no better than chance (average precision 0.009) and
    # test F1 fell to 1 %. Unweighted, stopped on validation, it learns.
    params = {
        "objective": "binary", "metric": "average_precision", "learning_rate": 0.05,
        "num_leaves": 31, "min_data_in_leaf": 20, "bagging_fraction": 0.8, "bagging_freq": 1,
        "feature_fraction": 0.8, "seed": 7, "deterministic": True, "force_row_wise": True,
        "num_threads": 2, "verbose": -1,
    }
    model = lgb.train(
        params, lgb.Dataset(x[train], y[train]), num_boost_round=1000,
        valid_sets=[lgb.Dataset(x[val], y[val])],
        callbacks=[lgb.early_stopping(50, verbose=False)],
    )
    val_score = model.predict(x[val])
    thresholds = np.unique(np.quantile(val_score, np.linspace(0.5, 0.9999, 400)))
    threshold = max(thresholds, key=lambda t: f1(y[val], (val_score >= t).astype(int))[0])
    test_pred = (model.predict(x[test]) >= threshold).astype(int)
    overall = f1(y[test], test_pred)
    rows = [{"typology": "all", "positives": int(y[test].sum()), "f1": overall[0],
             "precision": overall[1], "recall": overall[2]}]
    typ = df["typology"].to_numpy()[test]
    for name in sorted(set(typ) - {""}):
        keep = (typ == name) | (y[test] == 0)
        score = f1(y[test][keep], test_pred[keep])
        rows.append({"typology": name, "positives": int(((typ == name)).sum()), "f1": score[0],
                     "precision": score[1], "recall": score[2]})
    summary = {
        "transfers": int(len(df)), "laundering": int(y.sum()),
        "split_edges": [int(train.sum()), int(val.sum()), int(test.sum())],
        "split_positives": [int(y[train].sum()), int(y[val].sum()), int(y[test].sum())],
        "threshold": float(threshold), "rounds": int(model.best_iteration), "rows": rows,
    }
    print(f"transfers {len(df):,}, laundering {int(y.sum()):,} ({y.mean():.2%}); "
          f"train/val/test {train.sum():,}/{val.sum():,}/{test.sum():,} transfers, "
          f"{y[train].sum()}/{y[val].sum()}/{y[test].sum()} laundering")
    print("| typology | test positives | minority-class F1 | precision | recall |")
    print("|---|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['typology']} | {r['positives']} | {r['f1']:.1%} | {r['precision']:.1%} | {r['recall']:.1%} |")
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n")


if __name__ == "__main__":
    main()
