"""A thesis-style dashboard, written for Streamlit: it runs unchanged on minilit."""

import datetime as dt

import numpy as np
import pandas as pd
import streamlit as st

st.set_page_config(page_title="Greenhouse sensors", layout="wide")


@st.cache_data(ttl=600)
def load_readings(days: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    hours = pd.date_range("2026-01-01", periods=days * 24, freq="h")
    walk = rng.normal(0, 0.3, (len(hours), 2)).cumsum(axis=0)
    return pd.DataFrame({"temperature": 21 + walk[:, 0], "humidity": 55 + walk[:, 1]}, index=hours)


with st.sidebar:
    st.header("Filters")
    days = st.slider("Days", 1, 30, 7)
    since = st.date_input("Since", dt.date(2026, 1, 1))
    sensors = st.multiselect("Sensors", ["temperature", "humidity"], default=["temperature"])

data = load_readings(days)
data = data[data.index.date >= since]
st.title("Greenhouse sensors")
left, middle, right = st.columns(3)
left.metric("Readings", len(data))
middle.metric("Mean temperature", f"{data.temperature.mean():.1f} °C")
right.metric("Mean humidity", f"{data.humidity.mean():.0f} %")
chart_tab, table_tab = st.tabs(["Chart", "Table"])
chart_tab.line_chart(data[sensors])
table_tab.dataframe(data.tail(24).round(2), use_container_width=True)
with st.expander("About the data"):
    st.markdown("Hourly readings from two sensors, simulated with a **random walk**.")
if st.button("Mark as reviewed"):
    st.toast("Marked as reviewed", icon="✅")
st.download_button("Download CSV", data.to_csv(), "readings.csv", "text/csv")
