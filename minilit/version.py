"""minilit's version (also sent as EnvironmentInfo.streamlit_version)."""

__version__ = "0.1.0"
