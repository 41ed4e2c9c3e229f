"""The Vega-Lite specs of st.line_chart, st.bar_chart, st.area_chart, st.scatter_chart.

Mirrors: streamlit/elements/lib/built_in_chart_utils.py (generate_chart and its
helpers). 1.67 builds these charts with Altair and sends ``chart.to_dict()``; minilit
writes the same dictionary itself, key for key in Altair's order, so Altair stays
optional. The data is reshaped as in 1.67:

- no ``x``: the index becomes a column named ``"index -- streamlit-generated"``
  (titled "index"), the x of the chart;
- several y columns: the frame is melted to long form, the values in
  ``"value -- streamlit-generated"`` and the former column names in
  ``"color -- streamlit-generated"``, which colours the series.

The " -- streamlit-generated" suffix keeps those names from clashing with the user's
columns. The reshaped frame travels as one named Arrow dataset, named by the hash of
its bytes. Simplified: no ``size`` column legends beyond 1.67's defaults, no column
aliasing of names with Vega-Lite's special characters (``.``, ``[``, ``]``, ``\\``),
no colours given as RGB tuples, no ``sort`` by column.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from minilit import dataframe_util
from minilit.errors import MinilitAPIException

if TYPE_CHECKING:
    import pandas as pd

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.4.1.json"
"""The ``$schema`` Altair 6 writes (the Altair 1.67's environment runs with)."""

_SUFFIX = " -- streamlit-generated"
SEPARATED_INDEX_COLUMN_TITLE = "index"
MELTED_Y_COLUMN_TITLE = "value"
MELTED_COLOR_COLUMN_TITLE = "color"
SEPARATED_INDEX_COLUMN_NAME = SEPARATED_INDEX_COLUMN_TITLE + _SUFFIX
MELTED_Y_COLUMN_NAME = MELTED_Y_COLUMN_TITLE + _SUFFIX
MELTED_COLOR_COLUMN_NAME = MELTED_COLOR_COLUMN_TITLE + _SUFFIX
_NON_EXISTENT_COLUMN_NAME = "DOES_NOT_EXIST" + _SUFFIX

_COLOR_LEGEND_SETTINGS = {"titlePadding": 5, "offset": 5, "orient": "bottom"}
_SIZE_LEGEND_SETTINGS = {"titlePadding": 0.5, "offset": 5, "orient": "bottom"}
_LARGE_DATASET_POINT_THRESHOLD = 1000


class ChartType(Enum):
    AREA = "area"
    VERTICAL_BAR = "bar"
    HORIZONTAL_BAR = "horizontal_bar"
    LINE = "line"
    SCATTER = "circle"

    @property
    def mark_type(self) -> str:
        return "bar" if self is ChartType.HORIZONTAL_BAR else self.value


@dataclass
class Chart:
    """A generated chart: its spec (data referred to by name) and that named dataset."""

    spec: dict[str, Any]
    dataset_name: str
    dataset: bytes


def calc_hash(data: bytes) -> str:
    """1.67's fast content hash (BLAKE2b, 16 bytes), the name of a chart's dataset."""
    return hashlib.blake2b(data, digest_size=16, usedforsecurity=False).hexdigest()


def _sorted(mapping: dict[str, Any]) -> dict[str, Any]:
    # Altair writes a schema object's properties in alphabetical order.
    return dict(sorted(mapping.items()))


def _column_not_found(df: pd.DataFrame, name: object) -> MinilitAPIException:
    available = ", ".join(str(c) for c in list(df.columns))
    return MinilitAPIException(
        f"Data does not have a column named `{name}`. Available columns are `{available}`"
    )


def _infer_vegalite_type(series: pd.Series) -> str:
    from pandas.api.types import infer_dtype

    kind = infer_dtype(series)
    if kind in {"floating", "mixed-integer-float", "integer", "mixed-integer", "complex"}:
        return "quantitative"
    if kind == "categorical" and series.cat.ordered:
        return "ordinal"
    if kind in {"string", "bytes", "categorical", "boolean", "mixed", "unicode"}:
        return "nominal"
    if kind in {"datetime", "datetime64", "timedelta", "timedelta64", "date", "time", "period"}:
        return "temporal"
    return "nominal"


def _is_date_column(df: pd.DataFrame, name: str | None) -> bool:
    from datetime import date

    if name is None or df[name].size == 0:
        return False
    return isinstance(df[name].iat[0], date)


def _axis(df: pd.DataFrame, column: str | None, grid: bool) -> dict[str, Any]:
    from pandas.api.types import is_integer_dtype

    if column is not None and is_integer_dtype(df[column]):
        return {"grid": grid, "tickMinStep": 1}
    return {"grid": grid}


def _parse_y_columns(df: pd.DataFrame, y: str | Sequence[str] | None, x: str | None) -> list[str]:
    if y is None:
        columns = [str(c) for c in df.columns]
    elif isinstance(y, str):
        columns = [y]
    else:
        columns = [str(c) for c in y]
    for column in columns:
        if column not in df.columns:
            raise _column_not_found(df, column)
    if x in columns and (not y or x not in y):
        columns.remove(x)
    return columns


def _x_encoding(
    df: pd.DataFrame, chart_type: ChartType, column: str | None, user: object, label: str | None
) -> dict[str, Any]:
    if column is None:
        field, title, kind = _NON_EXISTENT_COLUMN_NAME, "", "quantitative"
    else:
        field = column
        title = "" if column == SEPARATED_INDEX_COLUMN_NAME or user is None else column
        if chart_type is ChartType.VERTICAL_BAR and not _is_date_column(df, column):
            kind = "ordinal"
        else:
            kind = _infer_vegalite_type(df[column])
    if label is not None:
        title = label
    grid = chart_type is ChartType.HORIZONTAL_BAR
    return {
        "axis": _axis(df, column, grid),
        "field": field,
        "scale": {},
        "title": title,
        "type": kind,
    }


def _y_encoding(
    df: pd.DataFrame, chart_type: ChartType, column: str | None, user: object, label: str | None
) -> dict[str, Any]:
    if column is None:
        field, title = _NON_EXISTENT_COLUMN_NAME, ""
    else:
        field = column
        title = "" if column == MELTED_Y_COLUMN_NAME or user is None else column
    if label is not None:
        title = label
    if chart_type is ChartType.HORIZONTAL_BAR and not _is_date_column(df, column):
        kind = "ordinal"
    elif column:
        kind = _infer_vegalite_type(df[column])
    else:
        kind = "quantitative"
    grid = chart_type is not ChartType.HORIZONTAL_BAR
    return {
        "axis": _axis(df, column, grid),
        "field": field,
        "scale": {},
        "title": title,
        "type": kind,
    }


def _is_color_value(value: object) -> bool:
    return isinstance(value, str) and value.startswith("#") and len(value) in (4, 5, 7, 9)


def _color_encoding(
    df: pd.DataFrame, value: object, column: str | None, y_columns: list[str]
) -> dict[str, Any] | None:
    if value not in (None, [], ()):
        if _is_color_value(value):
            if len(y_columns) != 1:
                raise _color_mismatch([value], y_columns)
            return {"value": value}
        if isinstance(value, list | tuple):
            if len(value) != len(y_columns):
                raise _color_mismatch(list(value), y_columns)
            if len(value) == 1:
                return {"value": value[0]}
            return _sorted(
                {
                    "field": column,
                    "legend": _COLOR_LEGEND_SETTINGS,
                    "scale": {"domain": y_columns, "range": list(value)},
                    "title": " ",
                    "type": "nominal",
                }
            )
        raise MinilitAPIException(f"This does not look like a valid color argument: `{value}`.")
    if column is None:
        return None
    if column == MELTED_COLOR_COLUMN_NAME:
        return {"field": column, "legend": _COLOR_LEGEND_SETTINGS, "title": " ", "type": "nominal"}
    return {
        "field": column,
        "legend": _COLOR_LEGEND_SETTINGS,
        "type": _infer_vegalite_type(df[column]),
    }


def _color_mismatch(colors: list[Any], y_columns: list[str]) -> MinilitAPIException:
    return MinilitAPIException(
        f"The list of colors `{colors}` must have the same length as the list of columns "
        f"to be colored `{y_columns}`."
    )


def _tooltip(
    df: pd.DataFrame, x: str, y: str, color: str | None, size: str | None
) -> list[dict[str, Any]]:
    # Altair adds the type it infers from the data to every field without one.
    def tip(field: str, title: str | None = None, kind: str | None = None) -> dict[str, Any]:
        entry: dict[str, Any] = {"field": field}
        if title is not None:
            entry["title"] = title
        entry["type"] = kind or _infer_vegalite_type(df[field])
        return entry

    tips = [tip(x, SEPARATED_INDEX_COLUMN_TITLE if x == SEPARATED_INDEX_COLUMN_NAME else None)]
    if y == MELTED_Y_COLUMN_NAME:
        tips.append(tip(y, MELTED_Y_COLUMN_TITLE, "quantitative"))
    else:
        tips.append(tip(y))
    if color == MELTED_COLOR_COLUMN_NAME:
        tips.append(tip(color, MELTED_COLOR_COLUMN_TITLE, "nominal"))
    elif color:
        tips.append(tip(color))
    if size:
        tips.append(tip(size))
    return tips


def generate_chart(
    chart_type: ChartType,
    data: object,
    *,
    x: str | None = None,
    y: str | Sequence[str] | None = None,
    x_label: str | None = None,
    y_label: str | None = None,
    color: object = None,
    size: object = None,
    width: object = None,
    height: object = None,
    stack: bool | str | None = None,
) -> Chart:
    """The spec and Arrow dataset of a built-in chart (1.67's generate_chart)."""
    import pandas as pd

    df = dataframe_util.convert_anything_to_pandas_df(data, ensure_copy=True)
    if x is not None and not isinstance(x, str):
        raise MinilitAPIException(
            f"Invalid `x` type. Expected one of: str, None. Provided type: {type(x).__name__}."
        )
    if x is not None and x not in df.columns:
        raise _column_not_found(df, x)
    y_columns = _parse_y_columns(df, y, x)
    color_column = color if isinstance(color, str) and color in df.columns else None
    color_value = None if color_column else color
    size_column = size if isinstance(size, str) and size in df.columns else None
    size_value = None if size_column else size

    # The index becomes the x column when the chart has none.
    x_column = x
    if x_column is None and y_columns:
        x_column = SEPARATED_INDEX_COLUMN_NAME if df.index.name is None else str(df.index.name)
        df.index.name = x_column
        df = df.reset_index()
    keep: list[str] = []
    for name in (x_column, color_column, size_column, *y_columns):
        if name is not None and name not in keep:
            keep.append(name)
    df = df[keep]
    df.columns = pd.Index([str(c) for c in df.columns])

    y_column: str | None = y_columns[0] if len(y_columns) == 1 else None
    if len(y_columns) > 1 and x_column is not None:
        y_column, color_column = MELTED_Y_COLUMN_NAME, MELTED_COLOR_COLUMN_NAME
        leave = [x_column] + ([size_column] if size_column and size_column != x_column else [])
        df = pd.melt(
            df,
            id_vars=leave,
            value_vars=y_columns,
            var_name=MELTED_COLOR_COLUMN_NAME,
            value_name=MELTED_Y_COLUMN_NAME,
        )
        df = dataframe_util.fix_arrow_incompatible_column_types(df, include_index=False)

    if chart_type is ChartType.HORIZONTAL_BAR:
        x_enc = _x_encoding(df, chart_type, y_column, y, y_label)
        y_enc = _y_encoding(df, chart_type, x_column, x, x_label)
        stacked = x_enc
    else:
        x_enc = _x_encoding(df, chart_type, x_column, x, x_label)
        y_enc = _y_encoding(df, chart_type, y_column, y, y_label)
        stacked = y_enc
    if stack is not None:
        stacked["stack"] = False if stack == "layered" else stack
    encoding: dict[str, Any] = {"x": _sorted(x_enc), "y": _sorted(y_enc)}
    if stack is False and color_column is not None:
        # Grouped bars: 1.67 sets both offsets, the unused one empty.
        vertical = chart_type is ChartType.VERTICAL_BAR
        horizontal = chart_type is ChartType.HORIZONTAL_BAR
        encoding["xOffset"] = {"field": color_column} if vertical else {}
        encoding["yOffset"] = {"field": color_column} if horizontal else {}
    if color_column and (chart_type is ChartType.AREA or stack == "layered"):
        encoding["opacity"] = {"value": 0.7}
    color_enc = _color_encoding(df, color_value, color_column, y_columns)
    if color_enc is not None:
        encoding["color"] = color_enc
    if chart_type is ChartType.SCATTER:
        if size_column is not None:
            encoding["size"] = {
                "field": size_column,
                "legend": _SIZE_LEGEND_SETTINGS,
                "title": size_column,
                "type": _infer_vegalite_type(df[size_column]),
            }
        elif isinstance(size_value, int | float):
            encoding["size"] = {"value": size_value}
        elif size_value is None:
            encoding["size"] = {"value": 100}
    if x_column is not None and y_column is not None:
        tip_color = color_column if color_enc is not None and "field" in color_enc else None
        encoding["tooltip"] = _tooltip(df, x_column, y_column, tip_color, size_column)
    encoding = _sorted(encoding)

    dataset = dataframe_util.convert_pandas_df_to_arrow_bytes(df)
    name = calc_hash(dataset)
    chart_width = width if isinstance(width, int) else 0
    chart_height = height if isinstance(height, int) else 0
    zoom = {"select": {"type": "interval", "encodings": ["x", "y"]}, "bind": "scales"}

    spec: dict[str, Any]
    if chart_type is ChartType.LINE and x_column is not None:
        hover = "mousemove{16}" if len(df) > _LARGE_DATASET_POINT_THRESHOLD else "mousemove"
        spec = {
            "layer": [
                {"mark": {"type": "line"}, "encoding": encoding, "name": "view_1"},
                {"mark": {"type": "point", "opacity": 0}, "encoding": encoding, "name": "view_2"},
                {
                    "mark": {"type": "point", "filled": True, "size": 65},
                    "encoding": encoding,
                    "transform": [{"filter": {"param": "param_1", "empty": False}}],
                },
            ],
            "config": {"legend": {"symbolType": "stroke"}},
            "data": {"name": name},
            "height": chart_height,
            "params": [
                {
                    "name": "param_1",
                    "select": {
                        "type": "point",
                        "clear": "mouseleave",
                        "fields": [x_column],
                        "nearest": True,
                        "on": hover,
                    },
                    "views": ["view_2"],
                },
                {"name": "param_2", **zoom, "views": ["view_1"]},
            ],
            "width": chart_width,
        }
    else:
        spec = {
            "data": {"name": name},
            "mark": {"type": chart_type.mark_type},
            "encoding": encoding,
            "height": chart_height,
            "params": [{"name": "param_1", **zoom}],
            "width": chart_width,
        }
    spec["$schema"] = VEGA_LITE_SCHEMA
    return Chart(spec=spec, dataset_name=name, dataset=dataset)
