#!/usr/bin/env python3
"""The comparison for `vtvl compute` at national scale: the same derivation in pandas.

Reads a plan exported with `vtvl export-csv PLAN DIR` and computes what `vtvl compute` does
for it: every position's required FTE (service hours over the calendar's available working
time, the support allowance factor, additional hours and norm staff), the required headcount
(rounding policy, then min/max), current staff, each unit's figures over its whole subtree and
the total. It prints the totals as JSON, to check them against `vtvl compute --format json`.

    vtvl generate --units 100000 -o nation.ron
    vtvl export-csv nation.ron nation-csv
    /usr/bin/time -v python3 benches/compute_pandas.py nation-csv
    /usr/bin/time -v vtvl compute --format json nation.ron > /dev/null
"""

import json
import math
import sys

import numpy as np
import pandas as pd

TOLERANCE = 1e-9


def main(folder):
    settings = pd.read_csv(f"{folder}/settings.csv", dtype=str).set_index("key")["value"]
    rounding = settings.get("rounding", "nearest")
    calendars = pd.read_csv(f"{folder}/calendars.csv")
    units = pd.read_csv(f"{folder}/units.csv", dtype={"id": str, "parent_id": str},
                        usecols=["id", "parent_id", "quota"])
    positions = pd.read_csv(
        f"{folder}/positions.csv",
        usecols=["id", "unit_id", "method", "count", "min", "max", "calendar", "proposed"],
        dtype={"id": str, "unit_id": str, "calendar": str},
    )
    duties = pd.read_csv(
        f"{folder}/duties.csv",
        usecols=["position_id", "kind", "volume", "minutes_per_item", "coefficient", "percent",
                 "minutes", "per", "staff", "ratio"],
        dtype={"position_id": str, "kind": "category", "per": "category"},
    )
    staff = pd.read_csv(f"{folder}/staff.csv", usecols=["unit_id", "position_id", "fte"],
                        dtype={"unit_id": str, "position_id": str})

    # Available working time of each calendar; a position without one takes the first.
    days = (calendars.days_per_week * calendars.weeks_per_year - calendars.public_holidays
            - calendars.annual_leave - calendars.sick_leave - calendars.other_leave)
    hours = calendars.available_hours.fillna(days * calendars.hours_per_day)
    calendars = calendars.assign(awt_days=days, awt_hours=hours).set_index("id")
    positions["calendar"] = positions.calendar.fillna(calendars.index[0])
    positions = positions.join(
        calendars[["awt_days", "awt_hours", "hours_per_day", "days_per_week"]], on="calendar")

    # Each component's contribution, in the units its kind adds up in.
    d = duties.merge(positions[["id", "awt_days", "awt_hours", "hours_per_day", "days_per_week"]],
                     left_on="position_id", right_on="id", how="left")
    per = d.per.astype(str)
    share_per_hour = np.select(
        [per == "day", per == "week", per == "month", per == "year"],
        [1 / d.hours_per_day, 1 / (d.hours_per_day * d.days_per_week), 12 / d.awt_hours,
         1 / d.awt_hours], 0.0)
    periods = np.select(
        [per == "day", per == "week", per == "month", per == "year"],
        [d.awt_days, d.awt_days / d.days_per_week, 12.0, 1.0], 0.0)
    kind = d.kind.astype(str)
    service = kind == "service"
    support = kind == "support"
    d["service_hours"] = np.where(
        service, d.volume * d.minutes_per_item * d.coefficient.fillna(1.0) / 60, 0.0)
    d["support_share"] = np.where(
        support, d.percent.fillna(0) / 100 + d.minutes.fillna(0) / 60 * share_per_hour, 0.0)
    d["additional_hours"] = np.where(
        kind == "additional", d.minutes * d.staff / 60 * periods, 0.0)
    d["norm_fte"] = np.where(kind == "norm", d.volume * d.ratio, 0.0)
    sums = d.groupby("position_id")[
        ["service_hours", "support_share", "additional_hours", "norm_fte"]].sum()
    current = staff.dropna(subset=["position_id"]).groupby("position_id").fte.sum()

    p = positions.join(sums, on="id").join(current.rename("current"), on="id")
    p[["service_hours", "support_share", "additional_hours", "norm_fte", "current"]] = p[
        ["service_hours", "support_share", "additional_hours", "norm_fte", "current"]].fillna(0)
    workload = (p.service_hours / p.awt_hours / (1 - p.support_share)
                + p.additional_hours / p.awt_hours + p.norm_fte)
    p["required_fte"] = np.where(p.method == "fixed", p["count"], workload)
    whole = np.sign(p.required_fte) * np.floor(np.abs(p.required_fte) + 0.5)
    snapped = np.where(np.abs(p.required_fte - whole) <= TOLERANCE, whole, p.required_fte)
    rounded = {"nearest": np.floor(snapped + 0.5), "up": np.ceil(snapped),
               "down": np.floor(snapped)}[rounding]
    rounded = np.where(p["min"].notna() & (rounded < p["min"]), p["min"], rounded)
    rounded = np.where(p["max"].notna() & (rounded > p["max"]), p["max"], rounded)
    p["required"] = rounded.astype(np.int64)
    p["proposed"] = p.proposed.fillna(p.required).astype(np.int64)
    p["difference"] = p.current - p.required

    # Units over their whole subtree: every unit's figures go to it and to all its ancestors.
    own = p.groupby("unit_id")[["required_fte", "required", "proposed"]].sum()
    own = own.join(staff.groupby("unit_id").fte.sum().rename("current"), how="outer").fillna(0)
    parent = units.set_index("id").parent_id
    rolled = own.copy()
    level = own.copy()
    while True:
        level.index = level.index.map(parent)
        level = level[level.index.notna()]
        if level.empty:
            break
        level = level.groupby(level.index).sum()
        rolled = rolled.add(level, fill_value=0)
    rolled = rolled.reindex(units.id).fillna(0)
    roots = units.id[units.parent_id.isna()]
    total = rolled.loc[roots].sum()
    print(json.dumps({
        "positions": len(p),
        "units": len(rolled),
        "total": {
            "required_fte": float(total.required_fte),
            "required": int(total.required),
            "current": float(total.current),
            "proposed": int(total.proposed),
            "difference": float(total.current - total.required),
        },
    }, indent=2))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: compute_pandas.py CSV_FOLDER")
    main(sys.argv[1])
