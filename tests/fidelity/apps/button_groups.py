import streamlit as st

tags = st.pills("Tags", ["a", "b", "c"], selection_mode="multi", default=["b"])
st.text(f"tags={tags!r}")
view = st.segmented_control("View", ["Day", "Week", "Month"], default="Day")
st.text(f"view={view!r}")
mood = st.pills("Mood", ["🔥 hot", "❄️ cold", "plain"], key="mood", help="how it feels")
st.text(f"mood={mood!r}")
