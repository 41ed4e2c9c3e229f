import pandas as pd
import streamlit as st

wide = pd.DataFrame({"a": [1, 2, 3], "b": [3, 1, 2]})
st.line_chart(wide)
st.line_chart(pd.DataFrame({"a": [0.5, 1.5]}))
st.line_chart({"x": [1, 2, 3], "y": [4, 5, 6]}, x="x", y="y", x_label="X", y_label="Y")
st.bar_chart({"k": ["u", "v"], "n": [3, 4]}, x="k", y="n")
st.bar_chart(wide, horizontal=True, height=250)
st.bar_chart(wide, stack=False)
st.area_chart(pd.DataFrame({"a": [1, 2, 3]}))
st.area_chart(wide, width=400)
st.scatter_chart(pd.DataFrame({"x": [1, 2], "y": [3, 4]}), x="x", y="y")
st.scatter_chart(
    pd.DataFrame({"x": [1.0, 2.0], "y": [3, 4], "g": ["p", "q"], "s": [5, 6]}),
    x="x",
    y="y",
    color="g",
    size="s",
)
st.line_chart(wide, color=["#ff0000", "#0000ff"])
st.vega_lite_chart(wide, {"mark": "bar", "encoding": {"x": {"field": "a", "type": "quantitative"}}})
st.vega_lite_chart(
    {
        "data": {"values": [{"k": "p", "v": 1}, {"k": "q", "v": 2}]},
        "mark": "point",
        "encoding": {"x": {"field": "k"}, "y": {"field": "v"}},
    },
    theme=None,
    use_container_width=False,
)

dated = pd.DataFrame(
    {
        "day": pd.date_range("2024-01-01", periods=3),
        "sales": [3.5, 4.0, 2.5],
        "cost": [1, 2, 3],
        "region": ["n", "s", "n"],
    }
)
st.line_chart(dated, x="day", y=["sales", "cost"])
st.bar_chart(dated, x="region", y="sales", color="region", horizontal=True)
st.area_chart(dated, x="day", y=["sales", "cost"], stack="normalize")
st.scatter_chart(dated, x="cost", y="sales", color="cost", size=80)
st.line_chart(pd.Series([3, 1, 2], name="s"))
st.bar_chart(pd.DataFrame({"v": [1, 2]}, index=pd.Index(["a", "b"], name="letter")))
st.line_chart(dated, x="day", y="sales", color="#ffaa00")

try:  # Altair is optional for minilit; the real server's environment has it.
    import altair as alt
except ImportError:
    alt = None
if alt is not None:
    points = pd.DataFrame({"x": [1, 2, 3], "y": [2, 1, 3]})
    st.altair_chart(alt.Chart(points).mark_line().encode(x="x", y="y").interactive())
    st.write(alt.Chart(points).mark_bar().encode(x="x:O", y="y"))
