"""The demo's Widgets section works headless (the browser side is tests/browser)."""

from __future__ import annotations

from pathlib import Path

from tests.widgets.conftest import MakeApp

DEMO = Path(__file__).resolve().parents[2] / "minilit" / "hello" / "demo.py"


def said(app: object, prefix: str) -> str:
    values = [str(v) for v in app.markdown.values]  # type: ignore[attr-defined]
    return next(v for v in values if v.startswith(prefix))


def test_demo_widgets(make_app: MakeApp) -> None:
    app = make_app(DEMO)
    app.run()
    assert not app.exception
    click = next(b for b in app.button if b.label == "Click me")
    click.click().run()
    click.click().run()
    assert said(app, "The button was") == "The button was clicked 2 times."
    next(b for b in app.button if b.label == "Reset counter").click().run()
    assert said(app, "The button was") == "The button was clicked 0 times."

    form = app.form[0]
    assert form.form_id == "order" and form.clear_on_submit
    form.slider[0].set_value(3)
    form.text_input[0].input("Grace")
    form.submit().run()
    assert app.success[-1].value == "Ordered 3 cone(s) for Grace."
    assert app.form[0].slider[0].value == 1  # cleared after the submit
