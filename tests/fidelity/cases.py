"""The fidelity apps and the user steps each one replays (tests/fidelity/apps/<name>.py).

A step is a Python expression on ``app`` (a ``minilit.testing.AppClient``; the ``datetime``
module is at hand for date and time widgets), evaluated on
both clients: the real Streamlit one and the minilit one. A step that ends with
``.run()`` sends a ``rerun_script``; one that does not only changes what the client holds
(a value typed into a form), and the page is compared anyway. Every app also starts with
one ``app.run()``, the browser's first run.
"""

from __future__ import annotations

CASES: dict[str, list[str]] = {
    "text_basics": [],
    "heading_params": [],
    "markdown_variants": [],
    "code_blocks": [],
    "alerts": [],
    "metrics": [],
    "progress_steps": ["app.button[0].click().run()", "app.button[0].click().run()"],
    "json_values": [],
    "write_kinds": [],
    "magic": [],
    "exception_element": [],
    "uncaught_error": ["app.button[0].click().run()", "app.run()"],
    "empty_placeholder": ["app.button[0].click().run()", "app.run()"],
    "columns_layout": [],
    "container_expander": [],
    "layout_params": ["app.text_input[0].input('typed')", "app.button[2].click().run()"],
    "widget_layout_params": [
        "app.checkbox[0].check().run()",
        "app.slider[0].set_value(7).run()",
        "app.button[0].click().run()",
    ],
    "text_params": [],
    "coerced_args": ["app.checkbox[0].check().run()"],
    "keyed_container": [],
    "alert_icons": [],
    "sidebar": ["app.radio[0].set_value('b').run()"],
    "button_counter": ["app.button[0].click().run()", "app.button[0].click().run()", "app.run()"],
    "button_callback": [
        "app.button[0].click().run()",
        "app.button[1].click().run()",
        "app.run()",
    ],
    "checkbox_toggle": [
        "app.checkbox[0].check().run()",
        "app.toggle[0].uncheck().run()",
        "app.checkbox[0].uncheck().run()",
    ],
    "text_inputs": [
        "app.text_input[0].input('Ada').run()",
        "app.text_input[1].input('abcde').run()",
        "app.text_input[2].input('s3cret').run()",
        "app.text_area[0].input('two\\nlines').run()",
    ],
    "number_inputs": [
        "app.number_input[0].set_value(7).run()",
        "app.number_input[1].increment().run()",
        "app.number_input[2].set_value(4.5).run()",
    ],
    "slider_single": ["app.slider[0].set_value(9).run()", "app.slider[1].set_value(0.8).run()"],
    "slider_range": ["app.slider[0].set_range(10, 30).run()"],
    "selectbox_steps": [
        "app.selectbox[0].select('blue').run()",
        "app.selectbox[1].select_index(2).run()",
        "app.selectbox[2].select_index(1).run()",
    ],
    "radio_steps": ["app.radio[0].select('L').run()", "app.radio[1].select('y').run()"],
    "multiselect_steps": [
        "app.multiselect[0].select('plum').run()",
        "app.multiselect[0].unselect('pear').run()",
        "app.multiselect[1].select('a').select('c').run()",
    ],
    "form_submit": [
        "app.selectbox[0].select('L')",
        "app.checkbox[0].check()",
        "app.form_submit_button[0].click().run()",
        "app.run()",
    ],
    "form_clear": [
        "app.text_input[0].input('remember')",
        "app.form_submit_button[0].click().run()",
        "app.run()",
    ],
    "session_state_keys": [
        "app.slider[0].set_value(9).run()",
        "app.button[0].click().run()",
        "app.slider[0].set_value(3).run()",
    ],
    "rerun_flow": ["app.button[0].click().run()", "app.button[0].click().run()"],
    "stop_flow": ["app.checkbox[0].check().run()", "app.checkbox[0].uncheck().run()"],
    "page_config": [],
    "conditional_widgets": [
        "app.checkbox[0].check().run()",
        "app.text_input(key='field').input('kept?').run()",
        "app.checkbox[0].uncheck().run()",
        "app.run()",
        "app.checkbox[0].check().run()",
    ],
    "dynamic_list": [
        "app.button[0].click().run()",
        "app.button[0].click().run()",
        "app.run()",
    ],
    "nested_layout": [],
    "widget_params": [],
    "widget_keys": [
        "app.text_input(key='second').input('two').run()",
        "app.text_input(key='first').input('one').run()",
    ],
    "form_in_columns": [
        "app.number_input[0].set_value(5)",
        "app.form_submit_button[0].click().run()",
    ],
    "media_elements": [],
    "on_change_callbacks": [
        "app.text_input[0].input('x').run()",
        "app.run()",
        "app.checkbox[0].check().run()",
    ],
    "date_inputs": [
        "app.date_input[0].set_value(datetime.date(2024, 6, 1)).run()",
        "app.date_input[1].set_range(datetime.date(2024, 2, 3), datetime.date(2024, 2, 10)).run()",
        "app.date_input(key='maybe').set_value(datetime.date(2020, 1, 2)).run()",
    ],
    "time_inputs": [
        "app.time_input[0].set_value(datetime.time(8, 45)).run()",
        "app.time_input[1].set_value(datetime.time(12, 0, 45)).run()",
        "app.time_input(key='later').set_value(datetime.time(15, 0)).run()",
    ],
    "select_sliders": [
        "app.select_slider[0].set_value('XL').run()",
        "app.select_slider[1].set_range('#1', '#9').run()",
        "app.select_slider(key='first').set_value('green').run()",
    ],
    "date_sliders": [
        "app.slider[0].set_value(datetime.date(2024, 3, 10)).run()",
        "app.slider[1].set_range(datetime.time(8, 15), datetime.time(18, 30)).run()",
        "app.slider[2].set_value(datetime.datetime(2024, 1, 1, 15, 0)).run()",
    ],
    "button_groups": [
        "app.pills[0].select('c').run()",
        "app.pills[0].unselect('b').run()",
        "app.segmented_control[0].select('Week').run()",
        "app.pills(key='mood').select('🔥 hot').run()",
        "app.segmented_control[0].unselect('Week').run()",
    ],
    "color_feedback_link": [
        "app.color_picker[0].pick('#123abc').run()",
        "app.feedback[0].rate(3).run()",
        "app.feedback(key='thumbs').rate(None).run()",
        "app.link_button[1].click().run()",
        "app.run()",
    ],
    "widget_state_push": [
        "app.button[0].click().run()",
        "app.run()",
        "app.select_slider(key='size').set_value('S').run()",
    ],
    "disabled_widgets": [
        "app.button[0].click().run()",
        "app.number_input[0].set_value(5).run()",
        "app.run()",
    ],
    "new_widgets_form": [
        "app.date_input[0].set_value(datetime.date(2024, 6, 2))",
        "app.select_slider[0].set_value('L')",
        "app.pills[0].select('cake')",
        "app.feedback[0].rate(2)",
        "app.time_input[0].set_value(datetime.time(10, 30))",
        "app.color_picker[0].pick('#00aa00')",
        "app.form_submit_button[0].click().run()",
        "app.run()",
    ],
    "slider_bounds": [
        "app.slider[1].set_value(13).run()",
        "app.slider[3].set_range(2, 8).run()",
    ],
    "widget_state_reset": ["app.button[0].click().run()", "app.run()"],
    "widget_bad_input": [
        "app.selectbox[0].select('date').run()",
        "app.selectbox[0].select('pills').run()",
        "app.selectbox[0].select('color').run()",
        "app.selectbox[0].select('key').run()",
        "app.selectbox[0].select('time').run()",
        "app.selectbox[0].select('none').run()",
    ],
    "widget_state_bounds": [
        "app.radio[0].select('number').run()",
        "app.radio[0].select('slider').run()",
        "app.radio[0].select('date slider').run()",
        "app.radio[0].select('none').run()",
    ],
}
