"""The interactive half of the API: widgets and forms.

Mirrors: streamlit/elements/widgets/ (one module per widget family) and
streamlit/elements/form.py. Reading order: ``common.py`` (the life of one
widget call), ``ids.py`` (widget identity), ``button.py`` (the simplest
widget), then the others; the state they read and write lives in
runtime/state/ (session_state.py).

``WidgetsMixin`` bundles every widget mixin, so DeltaGenerator lists it once.
"""

from minilit.elements.widgets.button import ButtonMixin
from minilit.elements.widgets.button_group import ButtonGroupMixin
from minilit.elements.widgets.checkbox import CheckboxMixin
from minilit.elements.widgets.choice import ChoiceMixin
from minilit.elements.widgets.color_picker import ColorPickerMixin
from minilit.elements.widgets.feedback import FeedbackMixin
from minilit.elements.widgets.form import FormMixin
from minilit.elements.widgets.link_button import LinkButtonMixin
from minilit.elements.widgets.multiselect import MultiSelectMixin
from minilit.elements.widgets.number_input import NumberInputMixin
from minilit.elements.widgets.select_slider import SelectSliderMixin
from minilit.elements.widgets.slider import SliderMixin
from minilit.elements.widgets.text_widgets import TextWidgetsMixin
from minilit.elements.widgets.time_widgets import TimeWidgetsMixin


class WidgetsMixin(
    ButtonMixin,
    ButtonGroupMixin,
    CheckboxMixin,
    ChoiceMixin,
    ColorPickerMixin,
    FeedbackMixin,
    FormMixin,
    LinkButtonMixin,
    MultiSelectMixin,
    NumberInputMixin,
    SelectSliderMixin,
    SliderMixin,
    TextWidgetsMixin,
    TimeWidgetsMixin,
):
    """st.button, st.link_button, st.checkbox, st.toggle, st.slider (numbers, dates,
    times), st.select_slider, st.text_input, st.text_area, st.number_input,
    st.date_input, st.time_input, st.color_picker, st.selectbox, st.radio,
    st.multiselect, st.pills, st.segmented_control, st.feedback, st.form and
    st.form_submit_button."""


__all__ = ["WidgetsMixin"]
