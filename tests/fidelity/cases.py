"""The fidelity apps and the user steps each one replays (tests/fidelity/apps/<name>.py).

A step is a Python expression on ``app`` (a ``minilit.testing.AppClient``), evaluated on
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
    "keyed_blocks": [],
    "stateful_containers": [
        "app.tabs[0].select().run()",
        "app.expander[0].expand().run()",
        "app.popover[0].open().run()",
        "app.run()",
        "app.expander[0].collapse().run()",
        "app.button[1].click().run()",
        "app.popover[0].close().run()",
    ],
    "tabs_layout": ["app.button[0].click().run()", "app.run()"],
    "chat_flow": [
        "app.chat_input('main').set_value('hello').run()",
        "app.run()",
        "app.chat_input('main').set_value('again').run()",
        "app.chat_input('side').set_value('from the side, too long').run()",
        "app.button[0].click().run()",
        "app.chat_input('main').submit().run()",
    ],
    "popover_status": ["app.checkbox[0].check().run()", "app.button[0].click().run()"],
    "dialog_flow": [
        "app.button[0].click().run()",
        "app.text_input[0].input('typed').run()",
        "app.run()",
        "app.button[1].click().run()",
        "app.button[2].click().run()",
    ],
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
}
