#!/usr/bin/python3
"""The analytics benchmark's reference: the same steps as `rapport analytics` in pandas/scipy.

Written the way a competent analyst would (vectorised groupby, identical summary rows fitted once
with weights as lifetimes does, scipy.optimize on log-parameters, vectorised scoring). Prints one
JSON object: wall and CPU seconds per step and a few result figures to compare with Rapport's.

Usage: analytics_reference.py FILE.csv [--period-days 7] [--horizon 52] [--calibration-end DATE]
The CSV has the columns gen_transactions writes: invoice,customer_id,date,product,quantity,unit_price.
"""
import argparse
import json
import time

import numpy as np
import pandas as pd
from scipy import optimize, special

# Rapport's R × FM grid (src/analytics/rfm.hpp), FM = ceil((F + M) / 2); rows FM 1..5, columns R 1..5.
SEGMENT_GRID = [
    ["lost", "hibernating", "about_to_sleep", "promising", "new"],
    ["hibernating", "hibernating", "about_to_sleep", "potential_loyalists", "potential_loyalists"],
    ["at_risk", "at_risk", "need_attention", "potential_loyalists", "potential_loyalists"],
    ["at_risk", "at_risk", "loyal", "loyal", "champions"],
    ["cant_lose", "cant_lose", "loyal", "loyal", "champions"],
]


def read(path):
    df = pd.read_csv(path, dtype={"invoice": "int64", "customer_id": "int64", "product": "category",
                                  "quantity": "int32", "unit_price": "float64"},
                     parse_dates=["date"])
    df["amount"] = df["quantity"] * df["unit_price"]
    return df


def rfm(df):
    snapshot = df["date"].max() + pd.Timedelta(days=1)
    g = df.groupby("customer_id").agg(last=("date", "max"), frequency=("invoice", "nunique"),
                                      monetary=("amount", "sum"))
    g["recency"] = (snapshot - g["last"]).dt.days
    # Quintiles on ranks (ties broken by order), R reversed so 5 = most recent.
    g["r_score"] = pd.qcut(g["recency"].rank(method="first", ascending=False), 5, labels=False) + 1
    g["f_score"] = pd.qcut(g["frequency"].rank(method="first"), 5, labels=False) + 1
    g["m_score"] = pd.qcut(g["monetary"].rank(method="first"), 5, labels=False) + 1
    fm = (g["f_score"] + g["m_score"] + 1) // 2
    grid = np.array(SEGMENT_GRID, dtype=object)
    g["segment"] = pd.Categorical(grid[fm.to_numpy() - 1, g["r_score"].to_numpy() - 1])
    sizes = g.groupby("segment").agg(customers=("monetary", "size"), revenue=("monetary", "sum"))
    return g, sizes


def concentration(monetary):
    m = np.sort(monetary.to_numpy())[::-1]
    total = m.sum()
    cum = np.cumsum(m)
    n = len(m)
    shares = {f"top_{k}": cum[max(int(np.floor(k / 100 * n)), 1) - 1] / total for k in (1, 5, 10, 20)}
    customers_for_80 = int(np.searchsorted(cum, 0.8 * total) + 1)
    lorenz_y = np.concatenate([[0.0], np.cumsum(m[::-1]) / total])
    gini = 1 - np.sum((lorenz_y[1:] + lorenz_y[:-1]) / n)
    points = np.linspace(0, n, 101).astype(int)
    lorenz = list(zip((points / n).tolist(), lorenz_y[points].tolist()))
    return shares, customers_for_80, gini, lorenz


def cohorts(df):
    month = df["date"].dt.to_period("M")
    first = month.groupby(df["customer_id"]).transform("min")
    period = (month.dt.year - first.dt.year) * 12 + (month.dt.month - first.dt.month)
    frame = pd.DataFrame({"cohort": first, "period": period, "customer_id": df["customer_id"],
                          "amount": df["amount"]})
    active = frame.groupby(["cohort", "period"])["customer_id"].nunique().unstack(fill_value=0)
    revenue = frame.groupby(["cohort", "period"])["amount"].sum().unstack(fill_value=0)
    retention = active.div(active[0], axis=0)
    return retention, revenue


def summaries(df, period_days, end):
    if end < df["date"].max():
        df = df[df["date"] <= end]
    daily = df.groupby(["customer_id", "date"], sort=False)["amount"].sum().reset_index()
    g = daily.groupby("customer_id")
    first = g["date"].transform("min")
    daily["repeat"] = daily["date"] > first
    s = g.agg(first=("date", "min"), last=("date", "max"), days=("date", "size"),
              total=("amount", "sum"))
    first_value = daily.loc[~daily["repeat"]].groupby("customer_id")["amount"].sum()
    s["x"] = (s["days"] - 1).astype(float)
    s["t_x"] = (s["last"] - s["first"]).dt.days / period_days
    s["T"] = (end - s["first"]).dt.days / period_days
    s["m"] = np.where(s["x"] > 0, (s["total"] - first_value) / s["x"].where(s["x"] > 0, 1), 0.0)
    return s


def bgnbd_ll(log_params, x, tx, T, w):
    r, alpha, a, b = np.exp(log_params)
    A1 = special.gammaln(r + x) - special.gammaln(r) + r * np.log(alpha)
    A2 = special.betaln(a, b + x) - special.betaln(a, b)
    A3 = -(r + x) * np.log(alpha + T)
    # The second term exists only for repeat buyers; b + x − 1 is clamped so x = 0 rows stay finite.
    A4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300))
                  - (r + x) * np.log(alpha + tx), -np.inf)
    return -np.sum(w * (A1 + A2 + np.logaddexp(A3, A4)))


def fit_bgnbd(s):
    rows = s.groupby(["x", "t_x", "T"]).size().reset_index(name="w")
    x, tx, T, w = (rows[c].to_numpy() for c in ("x", "t_x", "T", "w"))
    res = optimize.minimize(bgnbd_ll, np.log([1.0, 1.0, 1.0, 1.0]), args=(x, tx, T, w),
                            method="Nelder-Mead", options={"maxiter": 4000, "xatol": 1e-8, "fatol": 1e-8})
    res = optimize.minimize(bgnbd_ll, res.x, args=(x, tx, T, w), method="BFGS")
    return np.exp(res.x), -res.fun, len(rows)


def gg_ll(log_params, x, m):
    p, q, v = np.exp(log_params)
    return -np.sum(special.gammaln(p * x + q) - special.gammaln(p * x) - special.gammaln(q)
                   + q * np.log(v) + (p * x - 1) * np.log(m) + p * x * np.log(x)
                   - (p * x + q) * np.log(v + m * x))


def fit_gamma_gamma(s):
    rep = s[s["x"] > 0]
    x, m = rep["x"].to_numpy(), rep["m"].to_numpy()
    res = optimize.minimize(gg_ll, np.log([1.0, 1.0, 1.0]), args=(x, m), method="Nelder-Mead",
                            options={"maxiter": 4000, "xatol": 1e-8, "fatol": 1e-8})
    res = optimize.minimize(gg_ll, res.x, args=(x, m), method="BFGS")
    return np.exp(res.x), -res.fun


def score(s, bg, gg, horizon, period_days):
    r, alpha, a, b = bg
    p, q, v = gg
    x, tx, T = s["x"].to_numpy(), s["t_x"].to_numpy(), s["T"].to_numpy()
    ratio = np.where(x > 0, a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x), 0.0)
    p_alive = 1.0 / (1.0 + ratio)

    def expected(t):
        hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t))
        return (a + b + x - 1) / (a - 1) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp) * p_alive

    purchases = expected(horizon)
    spend = (v + s["m"].to_numpy() * x) * p / (p * x + q - 1)
    step = 365.25 / 12 / period_days
    clv = np.zeros(len(x))
    previous = np.zeros(len(x))
    for i in range(1, 13):
        current = expected(step * i)
        clv += spend * (current - previous) / 1.01 ** i
        previous = current
    return pd.DataFrame({"p_alive": p_alive, "expected_purchases": purchases,
                         "expected_spend": spend, "clv": clv}, index=s.index)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--period-days", type=float, default=7.0)
    ap.add_argument("--horizon", type=float, default=52.0)
    ap.add_argument("--calibration-end", default=None,
                    help="YYYY-MM-DD (default: the last date in the file)")
    args = ap.parse_args()
    seconds, cpu_seconds, figures = {}, {}, {}

    def step(name, fn, *a):
        start, start_cpu = time.perf_counter(), time.process_time()
        out = fn(*a)
        seconds[name] = round(time.perf_counter() - start, 3)
        cpu_seconds[name] = round(time.process_time() - start_cpu, 3)
        return out

    df = step("read", read, args.csv)
    table, sizes = step("rfm", rfm, df)
    shares, n80, gini, _ = step("pareto", concentration, table["monetary"])
    step("cohorts", cohorts, df)
    end = pd.Timestamp(args.calibration_end) if args.calibration_end else df["date"].max()
    s = step("summaries", summaries, df, args.period_days, end)
    bg, bg_ll, distinct = step("fit_bgnbd", fit_bgnbd, s)
    gg, gg_ll_value = step("fit_gamma_gamma", fit_gamma_gamma, s)
    scores = step("score", score, s, bg, gg, args.horizon, args.period_days)
    seconds["total"] = round(sum(seconds.values()), 3)
    cpu_seconds["total"] = round(sum(cpu_seconds.values()), 3)
    figures.update({
        "rows": int(len(df)), "customers": int(len(table)), "revenue": float(table["monetary"].sum()),
        "top_20_share": float(shares["top_20"]), "customers_for_80": n80, "gini": float(gini),
        "bgnbd": dict(zip(("r", "alpha", "a", "b"), map(float, bg)), log_likelihood=float(bg_ll),
                      distinct_rows=int(distinct)),
        "gamma_gamma": dict(zip(("p", "q", "v"), map(float, gg)), log_likelihood=float(gg_ll_value)),
        "sum_expected_purchases": float(scores["expected_purchases"].sum()),
        "sum_clv": float(scores["clv"].sum()),
    })
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "figures": figures}))


if __name__ == "__main__":
    main()
