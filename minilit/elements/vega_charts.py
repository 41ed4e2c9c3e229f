"""Charts: st.vega_lite_chart, st.altair_chart and the built-in charts.

Mirrors: streamlit/elements/vega_charts.py (VegaChartsMixin, _prepare_vega_lite_spec,
_marshall_chart_data, _convert_altair_to_vega_lite_spec, _stabilize_vega_json_spec).

Every chart is one VegaLiteChart message: ``spec`` is the Vega-Lite spec as JSON text,
its data never inline in it. Data given beside the spec (``st.vega_lite_chart(df,
spec)``) or as ``spec["data"]["values"]`` goes to ``data`` as Arrow bytes; named
datasets (``spec["datasets"]``, and all an Altair chart or a built-in chart has) go to
``datasets``, each Arrow bytes under its name. The browser hands them to Vega as named
data. ``theme`` is "streamlit" unless the app passes ``theme=None`` ("").

Simplified: no selections (``on_select``, ``key``, ``selection_mode``), no
GeoJSON/TopoJSON datasets kept in the spec, and 1.67's patch of null legend titles
is not applied. ``st.altair_chart`` needs Altair, which minilit does not depend on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

from minilit import dataframe_util
from minilit.elements.built_in_chart_utils import ChartType, calc_hash, generate_chart
from minilit.elements.layout_utils import (
    Height,
    InvalidValueError,
    Width,
    height_config,
    use_container_width_to_width,
    width_config,
)
from minilit.elements.mixin import DGMixin
from minilit.errors import MinilitAPIException
from minilit.proto.Arrow_pb2 import VegaLiteChart

if TYPE_CHECKING:
    from minilit.delta_generator import DeltaGenerator

_STACK_OPTIONS = (True, False, "layered", "normalize", "center", None)


def _has_nested_composition(spec: dict[str, Any]) -> bool:
    keys = ("vconcat", "hconcat", "concat", "layer", "facet", "repeat")
    for key in ("vconcat", "hconcat", "concat"):
        for child in spec.get(key, []) or []:
            if isinstance(child, dict) and any(k in child for k in keys):
                return True
    return False


def _is_facet(spec: dict[str, Any]) -> bool:
    encoding = spec.get("encoding")
    return "facet" in spec or (
        isinstance(encoding, dict) and any(k in encoding for k in ("row", "column", "facet"))
    )


def prepare_vega_lite_spec(spec: dict[str, Any], use_container_width: bool) -> dict[str, Any]:
    """A copy of ``spec`` with 1.67's ``autosize`` when it has none."""
    spec = dict(spec)
    if not spec:
        raise MinilitAPIException(
            "Missing required parameter `spec`. Vega-Lite charts require a non-empty spec dict."
        )
    if "autosize" not in spec:
        nested = _has_nested_composition(spec)
        if "vconcat" in spec and use_container_width:
            kind = "pad" if nested else "fit-x"
        elif _is_facet(spec) or (nested and not use_container_width):
            kind = "pad"
        else:
            kind = "fit"
        spec["autosize"] = {"type": kind, "contains": "padding"}
    return spec


def marshall_chart_data(proto: VegaLiteChart, spec: dict[str, Any], data: object) -> None:
    """Move the chart's data out of ``spec`` (in place) into ``proto`` as Arrow bytes."""
    if "datasets" in spec:
        for name, values in spec.pop("datasets").items():
            dataset = proto.datasets.add()
            dataset.name = str(name)
            dataset.has_name = True
            dataset.data.data = (
                values
                if isinstance(values, bytes)
                else dataframe_util.convert_anything_to_arrow_bytes(values)
            )
    if "data" in spec:
        data_spec = spec["data"]
        if isinstance(data_spec, dict):
            if "values" in data_spec:
                data = data_spec["values"]
                del spec["data"]
        else:
            data = data_spec
            del spec["data"]
    if data is not None:
        proto.data.data = dataframe_util.convert_anything_to_arrow_bytes(data)


def _reset_counter_pattern(prefix: str, spec_text: str) -> str:
    # Altair names unnamed params and views with a process-wide counter; renumbering
    # them from 1 keeps the spec the same on every rerun and in every session.
    pattern = re.compile(rf'"{prefix}[0-9a-f]+(?:_[0-9]+)?"')
    matches = list(dict.fromkeys(pattern.findall(spec_text)))
    placeholder = "__minilit_renumbered__"
    for counter, match in enumerate(matches, start=1):
        spec_text = spec_text.replace(match, f'"{placeholder}{prefix}{counter}"')
    return spec_text.replace(placeholder, "")


def stabilize_vega_json_spec(spec_text: str) -> str:
    """``spec_text`` with Altair's generated ``param_N`` and ``view_N`` renumbered."""
    if '"params"' in spec_text:
        spec_text = _reset_counter_pattern("param_", spec_text)
    if re.search(r'"(vconcat|hconcat|facet|layer|concat|repeat)"', spec_text):
        spec_text = _reset_counter_pattern("view_", spec_text)
    return spec_text


def altair_to_vega_lite_spec(chart: Any) -> dict[str, Any]:
    """An Altair chart's spec, its data turned into named Arrow datasets by hash."""
    import altair as alt

    datasets: dict[str, bytes] = {}

    def to_arrow_dataset(data: Any) -> dict[str, str]:
        payload = dataframe_util.convert_anything_to_arrow_bytes(data)
        name = calc_hash(payload)
        datasets[name] = payload
        return {"name": name}

    alt.data_transformers.register("minilit_arrow", to_arrow_dataset)
    theme = alt.theme.enable("none") if alt.theme.active == "default" else None
    try:
        with alt.data_transformers.enable("minilit_arrow"):
            spec: dict[str, Any] = chart.to_dict()
    finally:
        if theme is not None:
            alt.theme.enable("default")
    existing = spec.get("datasets")
    spec["datasets"] = {**existing, **datasets} if isinstance(existing, dict) else datasets
    return spec


class VegaChartsMixin(DGMixin):
    def vega_lite_chart(
        self,
        data: object = None,
        spec: dict[str, Any] | None = None,
        *,
        width: Width | None = None,
        height: Height = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
    ) -> DeltaGenerator:
        """Show a Vega-Lite chart from its spec (a dict) and optional data."""
        return self._vega_lite_chart(data, spec, width, height, use_container_width, theme)

    def altair_chart(
        self,
        altair_chart: Any,
        *,
        width: Width | None = None,
        height: Height = "content",
        use_container_width: bool | None = None,
        theme: Literal["streamlit"] | None = "streamlit",
    ) -> DeltaGenerator:
        """Show an Altair chart (needs the optional ``altair`` package)."""
        try:
            import altair  # noqa: F401
        except ImportError as ex:
            raise MinilitAPIException("st.altair_chart needs Altair: `pip install altair`.") from ex
        spec = altair_to_vega_lite_spec(altair_chart)
        return self._vega_lite_chart(None, spec, width, height, use_container_width, theme)

    def _vega_lite_chart(
        self,
        data: object,
        spec: dict[str, Any] | None,
        width: Width | None,
        height: Height,
        use_container_width: bool | None,
        theme: str | None,
    ) -> DeltaGenerator:
        if theme not in ("streamlit", None):
            raise InvalidValueError("theme", ["'streamlit'", "None"])
        if isinstance(data, dict) and spec is None:
            spec, data = data, None
        spec = dict(spec or {})
        if use_container_width is None and width is None:
            composite = (
                _is_facet(spec)
                or "hconcat" in spec
                or "repeat" in spec
                or _has_nested_composition(spec)
            )
            width = "content" if composite else "stretch"
        if use_container_width is not None:
            width = use_container_width_to_width(use_container_width, width or "stretch")
        assert width is not None
        width_cfg = width_config(width, allow_content=True)
        height_cfg = height_config(height, allow_content=True)

        proto = VegaLiteChart()
        fills = use_container_width if use_container_width is not None else width == "stretch"
        spec = prepare_vega_lite_spec(spec, fills)
        marshall_chart_data(proto, spec, data)
        proto.spec = stabilize_vega_json_spec(json.dumps(spec))
        if use_container_width is not None:
            proto.use_container_width = use_container_width
        proto.theme = theme or ""
        return self.dg._enqueue("vega_lite_chart", proto, width=width_cfg, height=height_cfg)

    def _built_in_chart(
        self,
        chart_type: ChartType,
        data: object,
        *,
        width: Width,
        height: Height,
        use_container_width: bool | None,
        **options: Any,
    ) -> DeltaGenerator:
        chart = generate_chart(chart_type, data, width=width, height=height, **options)
        spec = {**chart.spec, "datasets": {chart.dataset_name: chart.dataset}}
        return self._vega_lite_chart(None, spec, width, height, use_container_width, "streamlit")

    def line_chart(
        self,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        width: Width = "stretch",
        height: Height = "content",
        use_container_width: bool | None = None,
    ) -> DeltaGenerator:
        """A line chart of ``data``'s columns (against its index, or ``x``)."""
        return self._built_in_chart(
            ChartType.LINE,
            data,
            x=x,
            y=y,
            x_label=x_label,
            y_label=y_label,
            color=color,
            width=width,
            height=height,
            use_container_width=use_container_width,
        )

    def area_chart(
        self,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        stack: bool | str | None = None,
        width: Width = "stretch",
        height: Height = "content",
        use_container_width: bool | None = None,
    ) -> DeltaGenerator:
        """An area chart; areas overlap ("layered") unless ``stack`` says otherwise."""
        _check_stack(stack)
        # 1.67 draws st.area_chart's default and stack=False as Vega-Lite's "layered".
        if stack is False or stack is None:
            stack = "layered"
        return self._built_in_chart(
            ChartType.AREA,
            data,
            x=x,
            y=y,
            x_label=x_label,
            y_label=y_label,
            color=color,
            stack=stack,
            width=width,
            height=height,
            use_container_width=use_container_width,
        )

    def bar_chart(
        self,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        horizontal: bool = False,
        stack: bool | str | None = None,
        width: Width = "stretch",
        height: Height = "content",
        use_container_width: bool | None = None,
    ) -> DeltaGenerator:
        """A bar chart (``horizontal=True`` for horizontal bars)."""
        _check_stack(stack)
        kind = ChartType.HORIZONTAL_BAR if horizontal else ChartType.VERTICAL_BAR
        return self._built_in_chart(
            kind,
            data,
            x=x,
            y=y,
            x_label=x_label,
            y_label=y_label,
            color=color,
            stack=stack,
            width=width,
            height=height,
            use_container_width=use_container_width,
        )

    def scatter_chart(
        self,
        data: object = None,
        *,
        x: str | None = None,
        y: str | Sequence[str] | None = None,
        x_label: str | None = None,
        y_label: str | None = None,
        color: object = None,
        size: str | float | None = None,
        width: Width = "stretch",
        height: Height = "content",
        use_container_width: bool | None = None,
    ) -> DeltaGenerator:
        """A scatter chart (circles; ``size`` a column or a number)."""
        return self._built_in_chart(
            ChartType.SCATTER,
            data,
            x=x,
            y=y,
            x_label=x_label,
            y_label=y_label,
            color=color,
            size=size,
            width=width,
            height=height,
            use_container_width=use_container_width,
        )


def _check_stack(stack: object) -> None:
    if not any(stack is option or stack == option for option in _STACK_OPTIONS):
        raise MinilitAPIException(
            f"Invalid value for stack parameter: {stack}. Stack must be one of True, False, "
            '"layered", "normalize", or "center". See documentation for more information.'
        )
